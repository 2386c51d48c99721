"Kind A: uint8 int8 codes (read unsigned, or shifted by 128) beside undeclared fill pixels, one value in every band."
import numpy as np
import pytest

from alphaearth_nb.core import UnitsWarning
from alphaearth_nb.embeddings import as_embedding, from_official
from alphaearth_nb.quantize import dequantize, quantize
from alphaearth_nb.testing import embedding_from_array, official_tiff, random_unit


@pytest.mark.parametrize("shifted", [False, True])
@pytest.mark.parametrize("fill", [0, 128, 255])
def test_undeclared_fill_pixels_do_not_decide_how_bytes_are_read(fill, shifted):
    """A mosaic's edge (gdal_merge writes 0, others 255) of 6 in 100 pixels, no no-data declared, on the official
    bytes read unsigned or shifted: a pixel of one value in every band is a fill under any reading (the gate refuses
    it), but it counted as a pixel that is no unit vector, so under 99% of the pixels read as unit vectors and
    the whole map was refused (100 of 100 NaN). Right: the 6 fill pixels NaN, the 94 others the written vectors."""
    v = random_unit((10, 10), seed=2)
    codes = np.asarray(quantize(v))
    a = ((codes.astype(np.int16) + 128).astype(np.uint8) if shifted else codes.view(np.uint8)).copy()
    a[:2, :3] = fill
    want = dequantize(codes)
    want[:2, :3] = np.nan
    t = official_tiff(embedding_from_array(a))
    t.attrs.pop("_FillValue")                       # nothing declared: the fill is known by its form alone
    for da, read in ((t, from_official), (embedding_from_array(a), as_embedding),
                     (embedding_from_array(a).chunk({"y": 5}), as_embedding)):
        with pytest.warns(UnitsWarning):             # the reading is named (and the fills refused)
            got = read(da).values
        np.testing.assert_array_equal(got, want)


def test_uint8_code_rows_are_dequantised_in_tables_as_on_maps():
    """A (N, 64) table of the official codes held as uint8 (sampled from a GeoTIFF GDAL < 3.7 reads as Byte, or
    stored shifted by 128) went into `evaluate_embeddings` as raw features (values up to 255): the map gate reads
    such bytes by meaning, the table gate took them for a baseline. Right: the same vectors as the int8 codes give,
    the reading warned, so every protocol score equals the int8 table's."""
    from alphaearth_nb.evaluate import check_xy, evaluate_embeddings
    x = random_unit((40,), seed=9)
    codes = np.asarray(quantize(x))
    y = np.arange(40) % 2
    want, _ = check_xy(codes, y)
    table = evaluate_embeddings(codes, y, shots=(5,), folds=3, methods=("knn1", "linear"))
    for stored, how in ((codes.view(np.uint8), "read unsigned"),
                        ((codes.astype(np.int16) + 128).astype(np.uint8), "shifted by 128")):
        with pytest.warns(UnitsWarning, match=how):
            got, _ = check_xy(stored, y)
        np.testing.assert_array_equal(got, want)
        with pytest.warns(UnitsWarning, match=how):
            t = evaluate_embeddings(stored, y, shots=(5,), folds=3, methods=("knn1", "linear"))
        np.testing.assert_array_equal(t.balanced_accuracy.values, table.balanced_accuracy.values)


@pytest.mark.parametrize("lazy", [False, True])
def test_the_int8_form_of_uint8_codes_is_read_by_meaning(lazy):
    """`as_embedding(..., dequantize=False)` (the int8 form: `emb.aef.dequantize()`, the index's rows) cast uint8
    codes with `astype('int8')`, which wraps: right for bytes read unsigned, but codes stored shifted by 128 became
    other codes (max error 0.98 after dequantising) and `dequantize_embedding` refused every pixel, while
    `as_embedding` read the same map right. Right: the int8 codes the map holds, either way, no data -128."""
    from alphaearth_nb.embeddings import dequantize_embedding
    codes = np.asarray(quantize(random_unit((4, 6), seed=3)))
    codes[0, 0] = -128                                                   # no data
    for stored, how in ((codes.view(np.uint8), "read unsigned"), ((codes.astype(np.int16) + 128).astype(np.uint8),
                                                                   "shifted by 128")):
        e = embedding_from_array(stored)
        e = e.chunk({"x": 3}) if lazy else e
        with pytest.warns(UnitsWarning, match=how):
            q = as_embedding(e, dequantize=False)
        assert q.dtype == np.int8
        np.testing.assert_array_equal(q.values, codes)
        with pytest.warns(UnitsWarning, match=how):
            np.testing.assert_array_equal(dequantize_embedding(e).values, dequantize(codes))
