"""The official Int8 GeoTIFF read by GDAL before 3.7 (rasterio 1.3's wheels) comes as uint8 bytes; read with masking
(rioxarray `masked=True`, `xr.open_dataset(tif, engine="rasterio")`, `band_as_variable=True`) those bytes become
floats 0..255 declared uint8 in `encoding`. The gate read the raw uint8 map by meaning but took the masked floats for
codes and clipped every negative code (stored 128..255) to 127: the whole map refused (63 of 63 pixels)."""
import numpy as np
import pytest
import xarray as xr

rioxarray = pytest.importorskip("rioxarray")
import rasterio
from rasterio.transform import from_origin

from alphaearth_nb.core import UnitsWarning, band_names
from alphaearth_nb.embeddings import as_embedding, from_official
from alphaearth_nb.quantize import NODATA, dequantize, quantize
from alphaearth_nb.testing import random_unit


@pytest.fixture(scope="module")
def tile(tmp_path_factory):
    q = np.asarray(quantize(random_unit((5, 6), seed=11)), np.int8)
    q[2, 3] = NODATA                                            # no data: -128, byte 128
    p = tmp_path_factory.mktemp("bytes") / "t.tif"
    with rasterio.open(p, "w", driver="GTiff", width=6, height=5, count=64, dtype="uint8", crs="EPSG:32631",
                       transform=from_origin(500_000, 5_000_050, 10, 10)) as f:   # the bytes, as GDAL < 3.7 reads them
        f.write(np.moveaxis(q.view(np.uint8), -1, 0))
        for i, b in enumerate(band_names()): f.set_band_description(i + 1, b)
    return p, dequantize(q)


@pytest.mark.parametrize("read", ["masked", "masked lazy", "engine", "band_as_variable"])
def test_masked_bytes_are_read_as_codes(tile, read):
    p, want = tile
    obj = {"masked": lambda: rioxarray.open_rasterio(p, masked=True),
           "masked lazy": lambda: rioxarray.open_rasterio(p, masked=True, chunks={"x": 3}),
           "engine": lambda: xr.open_dataset(p, engine="rasterio"),
           "band_as_variable": lambda: rioxarray.open_rasterio(p, band_as_variable=True, mask_and_scale=True)}[read]()
    for f in (from_official, as_embedding):
        with pytest.warns(UnitsWarning, match="int8 codes read unsigned"):
            e = f(obj).compute()
        np.testing.assert_array_equal(np.isnan(e.values), np.isnan(want))   # the one pixel of no data only
        np.testing.assert_allclose(e.values, want, atol=1e-6)


@pytest.mark.parametrize("read", ["masked", "engine"])
def test_a_pixel_of_the_masked_bytes_as_a_query(tile, read):
    "The query goes through the map's gate: a pixel of that map is itself (self-similarity was -0.28)."
    from alphaearth_nb.analysis import similarity
    p, want = tile
    m = rioxarray.open_rasterio(p, masked=True) if read == "masked" else xr.open_dataset(p, engine="rasterio")["band_data"]
    with pytest.warns(UnitsWarning, match="read unsigned"):
        s = similarity(m, m.isel(x=1, y=4))
    assert float(s.isel(x=1, y=4)) == pytest.approx(1.0, abs=1e-6) and float(s.min()) >= -1.0
