"""official.open keeps the grid's GeoTransform on `spatial_ref` (the zone's 10 m grid, or the GeoBox mosaicked onto),
so a one-pixel selection of the cube still knows its size: `to_cog(cube.isel(time=0, y=[3], x=[4]), p)` raised
GridError 'one pixel along x and nothing saying its size ... keep the reader's spatial_ref' (the mosaic and the
zone cube dropped it), as did everything placing such a pixel (map_to_cog, the tiles, maps.to_rgba)."""
import numpy as np, pytest
pytest.importorskip("rioxarray"); pytest.importorskip("odc.geo")
import rasterio
from alphaearth_nb.exports import to_cog
from alphaearth_nb.geo import geotransform, pixel_size

@pytest.mark.parametrize("kw", [{}, {"resolution": 20.0}])
def test_one_pixel_of_an_opened_cube_is_sized(own_grid, tmp_path, kw):
    cube = own_grid.open(**kw)
    res = kw.get("resolution", 10.0)
    gt = geotransform(cube)
    assert gt is not None and gt[1] == pytest.approx(res) and gt[5] == pytest.approx(-res)
    assert gt[0] == pytest.approx(float(cube.x[0]) - res / 2) and gt[3] == pytest.approx(float(cube.y[0]) + res / 2)
    one = cube.isel(time=0, y=[3], x=[4])
    assert pixel_size(one) == pytest.approx((res, res))
    p = to_cog(one, tmp_path / "one.tif", dtype="float32")
    with rasterio.open(p) as f:
        assert tuple(f.transform)[:6] == pytest.approx((res, 0, float(cube.x[4]) - res / 2, 0, -res, float(cube.y[3]) + res / 2))
        np.testing.assert_allclose(np.moveaxis(f.read(), 0, -1)[0, 0], one.values[0, 0], atol=1e-6)
