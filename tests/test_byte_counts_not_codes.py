"""A uint8 map of counts past 127 (a 64-band GeoTIFF of counts 0..255 or 128..255) was read as the product's int8
codes read unsigned: every pixel "not an embedding", all NaN, with one NoDataWarning and no word of counts (values
0..127 were refused as counts already, `rows.count_values`). uint8 is ambiguous: the product's codes are int8, and GDAL
before 3.7 reads them as bytes. The choice is now the file's and the values': bytes are codes where a reading (unsigned,
or shifted by 128) makes most vectors with data unit vectors, or where the file says so (our AEF_QUANTIZATION tag) or
the call does (`from_official`); else they are counts, a `DTypeError` naming both readings tried and the
`from_official` call for a file of the product's codes. The product's codes as bytes still decode: eager, lazy, from a
uint8 GeoTIFF read by rioxarray (masked or not)."""
import warnings

import numpy as np
import pytest

from alphaearth_nb.core import DTypeError, NoDataWarning
from alphaearth_nb.embeddings import INT8_SCHEME, TIFF_SCHEME, as_embedding, from_official
from alphaearth_nb.quantize import quantize
from alphaearth_nb.testing import embedding_from_array, random_unit

rioxarray = pytest.importorskip("rioxarray")
RNG = np.random.default_rng(7)


def _tif(a, path):
    "A (y, x, 64) uint8 array written as a uint8 GeoTIFF of 64 bands, as a tool without Int8 writes codes or counts."
    da = embedding_from_array(a).transpose("band", "y", "x").rio.write_crs("EPSG:32631")
    da.rio.to_raster(path, dtype="uint8")
    return path


def _readings(a, tmp_path):
    p = _tif(a, tmp_path / "m.tif")
    return {"eager": embedding_from_array(a), "lazy": embedding_from_array(a).chunk({"y": 10, "x": 10}),
            "tif": rioxarray.open_rasterio(p), "tif masked": rioxarray.open_rasterio(p, masked=True)}


@pytest.mark.parametrize("lo", [128, 0])
@pytest.mark.parametrize("form", ["eager", "lazy", "tif", "tif masked"])
def test_a_byte_map_of_counts_past_127_is_refused_as_counts(tmp_path, lo, form):
    a = RNG.integers(lo, 256, (20, 20, 64)).astype(np.uint8)
    da = _readings(a, tmp_path)[form]
    with pytest.raises(DTypeError) as e:
        as_embedding(da)
    said = str(e.value)
    assert f"uint8 values {int(a.min())}..{int(a.max())}" in said, said
    assert "no reading makes int8 codes" in said and "shifted by 128 0%" in said and "counts" in said, said
    assert "no reading makes any vector of it a unit vector, so it holds no codes to read" in said, said
    assert "from_official(" not in said, said   # a cast `from_official` then reads would leave no pixel with data


@pytest.mark.parametrize("form", ["eager", "lazy", "tif", "tif masked"])
def test_the_products_codes_as_bytes_still_decode(tmp_path, form):
    u = random_unit((20, 20), seed=3)
    da = _readings(np.asarray(quantize(u)).view(np.uint8), tmp_path)[form]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # the reading is named (UnitsWarning)
        got = as_embedding(da).values
    assert (np.einsum("yxb,yxb->yx", got, u) > 0.99).all(), form


def test_bytes_the_file_or_call_says_are_codes_are_read_as_codes():
    "Our AEF_QUANTIZATION tag, or `from_official` (the fix the words name): codes, each pixel no unit vector no data."
    a = RNG.integers(128, 256, (6, 5, 64)).astype(np.uint8)
    tagged = embedding_from_array(a).assign_attrs({TIFF_SCHEME: INT8_SCHEME})
    for read in (lambda: as_embedding(tagged), lambda: from_official(embedding_from_array(a))):
        with pytest.warns(NoDataWarning, match="30 of 30"):
            got = read().values
        assert np.isnan(got).all()
