"""official.open asked for the tile's own grid by its resolution (10, 10.0, (10, -10), (10, 10)) or by a GeoBox on that
grid (its CRS, 10 m north-up pixels, edges on the tiles' 10 m lines) returns the tile's own pixels, as crs=None does,
not a warp of them ('average' renormalised every vector, up to 1e-3 a component). Other resolutions and a GeoBox off
the tiles' lines still warp; a pixel size that is none (0, -10, NaN, text) is a ConfigError."""
import numpy as np, pytest
pytest.importorskip("rioxarray"); odc = pytest.importorskip("odc.geo")
from alphaearth_nb.core import ConfigError

@pytest.mark.parametrize("res", [10, 10.0, np.float32(10), (10, -10), (10.0, 10.0), [10, 10]],
                         ids=["int", "float", "f32", "gdal", "pair", "list"])
@pytest.mark.parametrize("own_crs", [False, True], ids=["no_crs", "own_crs"])
def test_the_tiles_own_resolution_gives_its_own_pixels(own_grid, res, own_crs):
    crs = own_grid.native.attrs["crs"] if own_crs else None
    cube = own_grid.open(crs=crs, resolution=res).compute()
    own_grid.assert_native(cube)

def _geobox(native, pad=0, shift=0.0):
    from affine import Affine
    from odc.geo.geobox import GeoBox
    x0, y0 = float(native.x[0]) - 5 - 10 * pad + shift, float(native.y[0]) + 5 + 10 * pad
    return GeoBox((native.sizes["y"] + 2 * pad, native.sizes["x"] + 2 * pad), Affine(10, 0, x0, 0, -10, y0),
                  native.attrs["crs"])

@pytest.mark.parametrize("pad", [0, 3])
def test_a_geobox_on_the_tiles_grid_gives_its_own_pixels(own_grid, pad):
    native = own_grid.native
    gb = _geobox(native, pad)
    cube = own_grid.open(geobox=gb).compute()
    assert cube.sizes["y"] == gb.shape.y and cube.sizes["x"] == gb.shape.x
    inner = cube.isel(y=slice(pad, pad + native.sizes["y"]), x=slice(pad, pad + native.sizes["x"]))
    np.testing.assert_array_equal(inner.x.values, native.x.values)
    np.testing.assert_array_equal(inner.y.values, native.y.values)
    np.testing.assert_array_equal(inner.values, native.values)
    # the geobox's own coordinates, as a warp onto it gives them
    warped = own_grid.open(geobox=gb, resampling="nearest")
    np.testing.assert_allclose(cube.x.values, warped.x.values); np.testing.assert_allclose(cube.y.values, warped.y.values)

def test_other_grids_still_warp(own_grid):
    native = own_grid.native
    half = own_grid.open(geobox=_geobox(native, 0, shift=5.0)).compute()
    assert not np.array_equal(half.values, native.values, equal_nan=True)   # half a pixel off: a warp, vectors mixed
    coarse = own_grid.open(resolution=(20, -20))
    assert float(coarse.x[1] - coarse.x[0]) == pytest.approx(20.0)

@pytest.mark.parametrize("res", [0, -10, float("nan"), "10m", (10, 0), (10, 10, 10)])
def test_no_pixel_size_is_a_config_error(own_grid, res):
    with pytest.raises(ConfigError, match="resolution"):
        own_grid.open(resolution=res)
