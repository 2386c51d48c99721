"""Kind B across a UTM zone's edge, at `cubes.aggregate`: point zones given as an (x, y) tuple of UTM metres of the
zone beside the map's (read as lon/lat, as a tuple without `crs=` is) are told the CRS that places them,
`crs='EPSG:32632'`, as classify and similarity tell them (2fcbb510). Was: GridError 'far outside the area of use of
EPSG:4326 ... pass the CRS they are in (`crs=`, ...)' alone."""
import numpy as np
import pytest

pytest.importorskip("geopandas"); pytest.importorskip("rasterio")

from alphaearth_nb.core import GridError
from alphaearth_nb.cubes import aggregate



@pytest.mark.parametrize("several", [True, False], ids=["four points", "one point"])
def test_zones_of_the_next_utm_zone_are_told_their_zone(zone_edge, several):
    e, X, Y = zone_edge()
    zones = (X, Y) if several else (X[0], Y[0])
    with pytest.raises(GridError, match=r"lie on the map read in EPSG:32632: pass `crs='EPSG:32632'`"):
        aggregate(e, zones, buffer=15)
    assert aggregate(e, zones, buffer=15, crs="EPSG:32632")["n_pixels"].tolist() == [9] * (4 if several else 1)


def test_lonlat_far_off_every_reading_keeps_its_error(zone_edge):
    "x/y no reading puts on the map: the error as it was, no CRS named."
    with pytest.raises(GridError, match="area of use") as err:
        aggregate(zone_edge()[0], (np.array([9e6, 9.1e6]), np.array([9e6, 9.1e6])), buffer=15)
    assert "crs='EPSG" not in str(err.value)
