"""official.open asked for the tile's own grid by its resolution (10, 10.0, (10, -10), (10, 10)) or by a GeoBox on that
grid (its CRS, 10 m north-up pixels, edges on the tiles' 10 m lines) returns the tile's own pixels, as crs=None does,
not a warp of them ('average' renormalised every vector, up to 1e-3 a component). Other resolutions and a GeoBox off
the tiles' lines still warp; a pixel size that is none (0, -10, NaN, text) is a ConfigError."""
import numpy as np, pytest
pytest.importorskip("rioxarray"); odc = pytest.importorskip("odc.geo")
import alphaearth_nb.official as off
from alphaearth_nb.core import ConfigError

AREA = (5.985, 44.9995, 5.99, 45.0015)

@pytest.fixture(scope="module")
def mirror(tmp_path_factory, shared_data):
    return off.build_local_mirror(tmp_path_factory.mktemp("mirror"), years=(2024,), samples=shared_data / "aef_samples")

@pytest.fixture(scope="module")
def native(mirror):
    return off.open(AREA, 2024, source=mirror.root, chunks=32).compute()

@pytest.mark.parametrize("res", [10, 10.0, np.float32(10), (10, -10), (10.0, 10.0), [10, 10]],
                         ids=["int", "float", "f32", "gdal", "pair", "list"])
@pytest.mark.parametrize("own_crs", [False, True], ids=["no_crs", "own_crs"])
def test_the_tiles_own_resolution_gives_its_own_pixels(mirror, native, res, own_crs):
    crs = native.attrs["crs"] if own_crs else None
    cube = off.open(AREA, 2024, source=mirror.root, chunks=32, crs=crs, resolution=res).compute()
    assert cube.attrs["crs"] == native.attrs["crs"]
    np.testing.assert_array_equal(cube.x.values, native.x.values)
    np.testing.assert_array_equal(cube.y.values, native.y.values)
    np.testing.assert_array_equal(cube.values, native.values)   # bit-equal, NaN where NaN

def _geobox(native, pad=0, shift=0.0):
    from affine import Affine
    from odc.geo.geobox import GeoBox
    x0, y0 = float(native.x[0]) - 5 - 10 * pad + shift, float(native.y[0]) + 5 + 10 * pad
    return GeoBox((native.sizes["y"] + 2 * pad, native.sizes["x"] + 2 * pad), Affine(10, 0, x0, 0, -10, y0),
                  native.attrs["crs"])

@pytest.mark.parametrize("pad", [0, 3])
def test_a_geobox_on_the_tiles_grid_gives_its_own_pixels(mirror, native, pad):
    gb = _geobox(native, pad)
    cube = off.open(AREA, 2024, source=mirror.root, chunks=32, geobox=gb).compute()
    assert cube.sizes["y"] == gb.shape.y and cube.sizes["x"] == gb.shape.x
    inner = cube.isel(y=slice(pad, pad + native.sizes["y"]), x=slice(pad, pad + native.sizes["x"]))
    np.testing.assert_array_equal(inner.x.values, native.x.values)
    np.testing.assert_array_equal(inner.y.values, native.y.values)
    np.testing.assert_array_equal(inner.values, native.values)
    # the geobox's own coordinates, as a warp onto it gives them
    warped = off.open(AREA, 2024, source=mirror.root, chunks=32, geobox=gb, resampling="nearest")
    np.testing.assert_allclose(cube.x.values, warped.x.values); np.testing.assert_allclose(cube.y.values, warped.y.values)

def test_other_grids_still_warp(mirror, native):
    half = off.open(AREA, 2024, source=mirror.root, chunks=32, geobox=_geobox(native, 0, shift=5.0)).compute()
    assert not np.array_equal(half.values, native.values, equal_nan=True)   # half a pixel off: a warp, vectors mixed
    coarse = off.open(AREA, 2024, source=mirror.root, chunks=32, resolution=(20, -20))
    assert float(coarse.x[1] - coarse.x[0]) == pytest.approx(20.0)

@pytest.mark.parametrize("res", [0, -10, float("nan"), "10m", (10, 0), (10, 10, 10)])
def test_no_pixel_size_is_a_config_error(mirror, res):
    with pytest.raises(ConfigError, match="resolution"):
        off.open(AREA, 2024, source=mirror.root, chunks=32, resolution=res)
