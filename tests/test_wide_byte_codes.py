"""Kind A: int8 codes kept in a wider unsigned type (a UInt16 GeoTIFF with no-data 65535: the tool had no Int8) are
read as the uint8 bytes they are, and `as_embedding(dequantize=False)` never wraps a value outside int8."""

import numpy as np
import pytest

from alphaearth_nb.core import DTypeError, NoDataWarning, UnitsWarning
from alphaearth_nb.embeddings import as_embedding, from_official, read_official_tiff
from alphaearth_nb.gate import byte_codes
from alphaearth_nb.quantize import NODATA, dequantize, quantize
from alphaearth_nb.testing import embedding_from_array, random_unit

BAD = (slice(0, 1), slice(0, 2))   # 2 of the 30 pixels at the fill


def _fixture(shifted:bool, dtype=np.uint16, fill=65535):
    "Codes (6, 5, 64), the stored values in `dtype` (shifted by 128, or the bytes read unsigned), the vectors wanted."
    codes = np.asarray(quantize(random_unit((6, 5), seed=11)))
    b = (codes.astype(np.int16) + 128) if shifted else codes.view(np.uint8)
    a = b.astype(dtype)
    a[BAD] = fill
    want = dequantize(codes)
    want[BAD] = np.nan
    return codes, a, want


@pytest.mark.parametrize("shifted", [False, True])
@pytest.mark.parametrize("dtype", [np.uint16, np.uint32])
def test_wider_unsigned_codes_read_as_bytes(shifted, dtype):
    """A UInt16 (or UInt32) map of the int8 codes, shifted by 128 or the bytes read unsigned, fill 65535 declared:
    every one of its 28 pixels with data was refused ('not embedding vectors ... check the reader's fill value'),
    all 30 NaN. Right: the 28 written vectors exactly, the 2 fill pixels NaN, the reading warned as for uint8."""
    codes, a, want = _fixture(shifted, dtype)
    da = embedding_from_array(a).assign_attrs(_FillValue=65535)
    for d in (da, da.chunk({"y": 3})):
        with pytest.warns(UnitsWarning, match="no int8 code"):
            got = as_embedding(d).values
        np.testing.assert_array_equal(got, want)
    t = da.transpose("band", "y", "x")   # the official (band, y, x) form
    with pytest.warns(UnitsWarning, match="no int8 code"):
        np.testing.assert_array_equal(from_official(t).values, want)


@pytest.mark.parametrize("shifted", [False, True])
def test_wider_unsigned_codes_in_the_int8_form(shifted):
    """`as_embedding(uint16 map, dequantize=False)`: the values were cast with `astype(int8)`, which wraps (177 ->
    -79): every code silently wrong, e.g. [-79, -80, -80, 96, -95] for [49, 48, 48, -32, 33]. Right: the codes
    written, -128 at the fill."""
    codes, a, _ = _fixture(shifted)
    want = codes.copy()
    want[BAD] = NODATA
    da = embedding_from_array(a).assign_attrs(_FillValue=65535)
    with pytest.warns(UnitsWarning, match="no int8 code"):
        got = as_embedding(da, dequantize=False)
    assert got.dtype == np.int8
    np.testing.assert_array_equal(got.values, want)


def test_int8_form_never_wraps_values_outside_int8():
    """int16 values beyond int8 (a pixel of 300s and -200s: no code) were wrapped by `astype(int8)` into codes of
    another vector (300 -> 44) in the int8 form, while the float form refuses the pixel. Right: the pixel is
    no data (-128) in the int8 form, NaN in the float form, warned; the others unchanged."""
    codes = np.asarray(quantize(random_unit((4, 4), seed=12))).astype(np.int16)
    codes[1, 2, ::2], codes[1, 2, 1::2] = 300, -200
    da = embedding_from_array(codes)
    with pytest.warns(NoDataWarning, match="not embedding vectors"):
        q = as_embedding(da, dequantize=False).values
    with pytest.warns(NoDataWarning, match="not embedding vectors"):
        f = as_embedding(da).values
    assert (q[1, 2] == NODATA).all() and np.isnan(f[1, 2]).all()
    keep = np.ones((4, 4), bool); keep[1, 2] = False
    np.testing.assert_array_equal(q[keep], codes[keep].astype(np.int8))


def test_wider_unsigned_code_rows_in_tables():
    "Table rows (N, 64) of uint16 shifted codes: read as uint8 rows are (`byte_codes`), not left as values up to 255."
    codes, a, _ = _fixture(True)
    rows = a.reshape(-1, 64)[2:]   # the rows with data
    with pytest.warns(UnitsWarning, match="no int8 code"):
        got = byte_codes(rows)
    np.testing.assert_array_equal(got, codes.reshape(-1, 64)[2:])


def test_uint16_geotiff_read_and_masked(tmp_path):
    """The file itself: a UInt16 GeoTIFF of the shifted codes with no-data 65535, by `read_official_tiff` and by
    rioxarray with `masked=True` (floats, NaN at the fill): 28 vectors exactly, 2 NaN (was: 30 NaN)."""
    rasterio = pytest.importorskip("rasterio")
    rioxarray = pytest.importorskip("rioxarray")
    codes, a, want = _fixture(True)
    p = tmp_path / "codes_u16.tif"
    with rasterio.open(p, "w", driver="GTiff", width=5, height=6, count=64, dtype="uint16", crs="EPSG:32631",
                       transform=rasterio.transform.from_origin(500000, 5000060, 10, 10), nodata=65535) as f:
        f.write(np.moveaxis(a, -1, 0))
    with pytest.warns(UnitsWarning, match="no int8 code"):
        np.testing.assert_array_equal(read_official_tiff(p).values, want)
    with pytest.warns(UnitsWarning, match="no int8 code"):
        np.testing.assert_array_equal(from_official(rioxarray.open_rasterio(p, masked=True)).values, want)


def test_plain_unsigned_values_beyond_a_byte_stay_refused():
    "uint16 values up to 4000 (band values, not codes): refused, never read as bytes; since session 53 at the door " \
    "(`rows.count_values`: no negative value anywhere, so no codes), where every pixel was NaN with a warning."
    a = np.random.default_rng(0).integers(0, 4000, (3, 3, 64)).astype(np.uint16)
    with pytest.raises(DTypeError, match=r"uint16 values \d+\.\.3\d{3} with no negative value"):
        as_embedding(embedding_from_array(a))
