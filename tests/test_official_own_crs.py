"""official.open(crs=<the tile's own CRS>) with the default resampling='average' returns the tile's own pixels, as
crs=None does: the docstring promises no reprojection onto the zone's own grid. Was: warped onto a new GeoBox, about
0.1% of neighbouring pixels mixed (up to 1.7e-3 a component; 'nearest' was exact). The CRS is judged by meaning
(`spatial.same_crs`): an EPSG int, 'epsg:32631', a pyproj CRS and its WKT alike."""
import pytest
pytest.importorskip("rioxarray"); pytest.importorskip("odc.geo")
from alphaearth_nb.spatial import as_crs

@pytest.mark.parametrize("spell", [lambda c: int(c.split(":")[1]), lambda c: c.lower(), lambda c: as_crs(c),
                                   lambda c: as_crs(c).to_wkt()], ids=["int", "lower", "pyproj", "wkt"])
def test_the_tiles_own_crs_gives_its_own_pixels(own_grid, spell):
    crs = own_grid.native.attrs["crs"]
    assert crs.upper().startswith("EPSG:326")   # the tile's UTM zone
    cube = own_grid.open(crs=spell(crs)).compute()
    own_grid.assert_native(cube)   # crs: the tile's own, as given

def test_another_resolution_still_warps(own_grid):
    cube = own_grid.open(crs=own_grid.native.attrs["crs"], resolution=20.0)
    assert float(cube.x[1] - cube.x[0]) == pytest.approx(20.0)
