"""official.open(crs=<the tile's own CRS>) with the default resampling='average' returns the tile's own pixels, as
crs=None does: the docstring promises no reprojection onto the zone's own grid. Was: warped onto a new GeoBox, about
0.1% of neighbouring pixels mixed (up to 1.7e-3 a component; 'nearest' was exact). The CRS is judged by meaning
(`spatial.same_crs`): an EPSG int, 'epsg:32631', a pyproj CRS and its WKT alike."""
import numpy as np, pytest
pytest.importorskip("rioxarray"); pytest.importorskip("odc.geo")
import alphaearth_nb.official as off
from alphaearth_nb.spatial import as_crs

AREA = (5.985, 44.9995, 5.99, 45.0015)

@pytest.fixture(scope="module")
def mirror(tmp_path_factory, shared_data):
    return off.build_local_mirror(tmp_path_factory.mktemp("mirror"), years=(2024,), samples=shared_data / "aef_samples")

@pytest.fixture(scope="module")
def native(mirror):
    return off.open(AREA, 2024, source=mirror.root, chunks=32).compute()

@pytest.mark.parametrize("spell", [lambda c: int(c.split(":")[1]), lambda c: c.lower(), lambda c: as_crs(c),
                                   lambda c: as_crs(c).to_wkt()], ids=["int", "lower", "pyproj", "wkt"])
def test_the_tiles_own_crs_gives_its_own_pixels(mirror, native, spell):
    crs = native.attrs["crs"]
    assert crs.upper().startswith("EPSG:326")   # the tile's UTM zone
    cube = off.open(AREA, 2024, source=mirror.root, chunks=32, crs=spell(crs)).compute()
    assert cube.attrs["crs"] == crs
    np.testing.assert_array_equal(cube.x.values, native.x.values)
    np.testing.assert_array_equal(cube.y.values, native.y.values)
    np.testing.assert_array_equal(cube.values, native.values)   # bit-equal, NaN where NaN

def test_another_resolution_still_warps(mirror, native):
    cube = off.open(AREA, 2024, source=mirror.root, chunks=32, crs=native.attrs["crs"], resolution=20.0)
    assert float(cube.x[1] - cube.x[0]) == pytest.approx(20.0)
