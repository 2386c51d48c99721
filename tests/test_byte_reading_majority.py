"Kind A: uint8 int8 codes (read unsigned, or shifted by 128) beside a few pixels that are no unit vector."
import numpy as np
import pytest

from alphaearth_nb.core import DTypeError, NoDataWarning, UnitsWarning
from alphaearth_nb.embeddings import as_embedding, from_official
from alphaearth_nb.quantize import dequantize, quantize
from alphaearth_nb.testing import embedding_from_array, official_tiff, random_unit


@pytest.mark.parametrize("shifted", [False, True])
def test_a_few_partly_filled_pixels_do_not_refuse_the_whole_byte_map(shifted):
    """The official codes as uint8 bytes (GDAL before 3.7 reads an Int8 GeoTIFF as Byte; or stored shifted by 128),
    20 x 20 pixels, 5 of them with no data (-128) in one band only (a resampled or clipped edge): those 5 are no unit
    vectors under any reading, so under 99% of the pixels read as unit vectors, neither reading was taken and all
    400 pixels were NaN (only a NoDataWarning '400 of 400 pixels'); the same map as int8 gave 5 NaN. Right: the
    reading under which most pixels are unit vectors is taken, the 5 pixels NaN, the 395 others the written vectors."""
    v = random_unit((20, 20), seed=4)
    codes = np.asarray(quantize(v)).copy()
    bad = [(0, 3), (4, 4), (9, 17), (15, 2), (19, 19)]
    for i, j in bad: codes[i, j, 7] = -128
    a = (codes.astype(np.int16) + 128).astype(np.uint8) if shifted else codes.view(np.uint8)
    want = dequantize(codes)
    for i, j in bad: want[i, j] = np.nan
    t = official_tiff(embedding_from_array(a))
    t.attrs.pop("_FillValue")
    for da, read in ((t, from_official), (embedding_from_array(a), as_embedding),
                     (embedding_from_array(a).chunk({"y": 10}), as_embedding)):
        with pytest.warns(UnitsWarning):             # the reading is named
            got = read(da).values
        np.testing.assert_array_equal(got, want)
    assert int(np.isnan(got).all(-1).sum()) == 5


def test_bytes_of_no_codes_are_still_refused():
    """uint8 values that are no int8 codes under either reading (an RGB-like image in 64 bands) stay refused:
    the majority rule takes a reading only where more than half the pixels are unit vectors under it. Nothing says
    they are codes, so they are counts (`rows.count_values`, tests/test_byte_counts_not_codes.py); from_official
    takes them for codes, every pixel no data."""
    a = np.random.default_rng(0).integers(0, 256, (6, 6, 64)).astype(np.uint8)
    with pytest.raises(DTypeError, match="no reading makes int8 codes"):
        as_embedding(embedding_from_array(a))
    with pytest.warns(NoDataWarning):
        got = from_official(embedding_from_array(a)).values
    assert np.isnan(got).all()


@pytest.mark.parametrize("declared", [True, False])
def test_uint16_codes_with_a_fill_in_some_bands_of_a_few_pixels(declared):
    """int8 codes kept in uint16 (no-data 65535, a tool without Int8), one whole pixel of 65535 and 5 of 400 with 65535
    in one band only: any value past a byte kept the map wide, so no pixel was read as codes and all 400 were NaN.
    Right: those 6 pixels NaN, the 394 others the written vectors (declared fill or not)."""
    v = random_unit((20, 20), seed=4)
    codes = np.asarray(quantize(v))
    a = codes.view(np.uint8).astype(np.uint16)
    bad = [(0, 3), (4, 4), (9, 17), (15, 2), (19, 19)]
    for i, j in bad: a[i, j, 7] = 65535
    a[10, 10] = 65535
    want = dequantize(codes)
    for i, j in bad + [(10, 10)]: want[i, j] = np.nan
    t = official_tiff(embedding_from_array(a))
    t.attrs.pop("_FillValue")
    if declared: t.attrs["_FillValue"] = 65535
    with pytest.warns(UnitsWarning):
        got = from_official(t).values
    np.testing.assert_array_equal(got, want)


def test_uint16_codes_read_masked_with_a_fill_in_some_bands(tmp_path):
    """The same uint16 codes written as a GeoTIFF with no-data 65535 in one band of 5 pixels of 400, read by a
    masking reader (`rioxarray.open_rasterio(masked=True)`, `xr.open_dataset(engine='rasterio')`: floats, NaN at
    the fill): all 400 pixels were NaN. Right: those 5 NaN, the 395 others the written vectors."""
    rioxarray = pytest.importorskip("rioxarray")
    import xarray as xr
    codes = np.asarray(quantize(random_unit((20, 20), seed=4)))
    a = codes.view(np.uint8).astype(np.uint16)
    bad = [(0, 3), (4, 4), (9, 17), (15, 2), (19, 19)]
    for i, j in bad: a[i, j, 7] = 65535
    want = dequantize(codes)
    for i, j in bad: want[i, j] = np.nan
    t = official_tiff(embedding_from_array(a))
    t.attrs.pop("_FillValue")
    t.rio.write_crs("EPSG:32631", inplace=True).rio.write_nodata(65535, inplace=True)
    t.rio.to_raster(tmp_path / "codes16.tif")
    for da in (rioxarray.open_rasterio(tmp_path / "codes16.tif", masked=True),
               xr.open_dataset(tmp_path / "codes16.tif", engine="rasterio")):
        with pytest.warns(UnitsWarning):
            got = from_official(da).values
        np.testing.assert_array_equal(got, want)
