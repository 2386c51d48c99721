"""An official GeoTIFF read without coordinates, `rioxarray.open_rasterio(path, parse_coordinates=False)` (a reader
that skips them for speed keeps the GeoTransform on `spatial_ref`): x/y were read as xarray's bare index 0, 1, ...,
so the embedding lay at the CRS origin, one unit a pixel (a point in metres 'outside the grid', `to_cog` 'rows run
south to north', `change` 'no y coordinate'). Right: the pixel centres by the GeoTransform, as rioxarray's own
`rio.transform()` reads it; rows stored bottom-up (the mirrors' tiles) north-up as with coordinates."""
import numpy as np
import pytest

rioxarray = pytest.importorskip("rioxarray")
import rasterio
from affine import Affine

from alphaearth_nb.analysis import change
from alphaearth_nb.core import band_names
from alphaearth_nb.embeddings import as_embedding, from_official
from alphaearth_nb.quantize import NODATA, dequantize, quantize
from alphaearth_nb.testing import random_unit

H, W, X0, Y0 = 5, 7, 500_000.0, 5_000_050.0


def _tif(path, q, bottom_up):
    t = Affine(10, 0, X0, 0, 10, Y0 - H * 10) if bottom_up else Affine(10, 0, X0, 0, -10, Y0)
    a = np.moveaxis(q[::-1] if bottom_up else q, -1, 0)
    with rasterio.open(path, "w", driver="GTiff", width=W, height=H, count=64, dtype="int8", nodata=NODATA,
                       crs="EPSG:32631", transform=t) as f:
        f.write(a)
        for i, b in enumerate(band_names()): f.set_band_description(i + 1, b)
    return path


@pytest.mark.parametrize("bottom_up", [False, True])
@pytest.mark.parametrize("read", [{}, {"chunks": {"x": 3}}, {"masked": True}, {"band_as_variable": True}])
def test_positions_from_the_geotransform(tmp_path, bottom_up, read):
    q = np.asarray(quantize(random_unit((H, W), seed=4)), np.int8)
    q[1, 2] = NODATA
    obj = rioxarray.open_rasterio(_tif(tmp_path / "t.tif", q, bottom_up), parse_coordinates=False, **read)
    xs, ys = X0 + 10 * (np.arange(W) + 0.5), Y0 - 10 * (np.arange(H) + 0.5)   # north-up centres
    want = np.asarray(dequantize(q), np.float32)
    for f in (from_official, as_embedding):
        e = f(obj).compute().transpose("y", "x", "band").sortby("y", ascending=False)   # as_embedding: file order
        np.testing.assert_array_equal(e.x.values, xs)
        np.testing.assert_array_equal(e.y.values, ys)
        np.testing.assert_allclose(e.values, want, atol=1e-7)
    s = obj.aef.similarity((xs[4], ys[3]), crs="EPSG:32631").compute().transpose("y", "x")
    assert s.sortby("y", ascending=False).values[3, 4] == pytest.approx(1.0, abs=1e-6)
    ch = change(obj, from_official(obj)).compute()
    assert np.nanmax(np.abs(ch.values)) < 1e-6 and int(np.isnan(ch.values).sum()) == 1
    back = from_official(obj).aef.to_cog(tmp_path / "back.tif")
    with rasterio.open(back) as r: assert r.transform == Affine(10, 0, X0, 0, -10, Y0)
