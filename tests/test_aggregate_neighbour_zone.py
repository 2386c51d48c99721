"""Kind B across a UTM zone's edge, at `cubes.aggregate`: point zones given as an (x, y) tuple of UTM metres of the
zone beside the map's (read as lon/lat, as a tuple without `crs=` is) are told the CRS that places them,
`crs='EPSG:32632'`, as classify and similarity tell them (2fcbb510). Was: GridError 'far outside the area of use of
EPSG:4326 ... pass the CRS they are in (`crs=`, ...)' alone."""
import numpy as np
import pytest
import xarray as xr
from pyproj import Transformer

pytest.importorskip("geopandas"); pytest.importorskip("rasterio")

from alphaearth_nb.core import GridError, band_names
from alphaearth_nb.cubes import aggregate
from alphaearth_nb.testing import random_unit

R, C = np.array([3, 10, 20, 25]), np.array([5, 30, 12, 38])


def _zone31_map():
    "30 x 40 pixels of zone 31N near its east edge (about 5.99 E, 45 N)."
    return xr.DataArray(random_unit((30, 40), seed=3), dims=("y", "x", "band"),
                        coords={"y": np.arange(30)[::-1] * 10.0 + 4_985_005, "x": np.arange(40) * 10.0 + 734_005,
                                "band": band_names()}, attrs={"crs": "EPSG:32631"})


@pytest.mark.parametrize("several", [True, False], ids=["four points", "one point"])
def test_zones_of_the_next_utm_zone_are_told_their_zone(several):
    e = _zone31_map()
    X, Y = Transformer.from_crs("EPSG:32631", "EPSG:32632", always_xy=True).transform(e.x.values[C], e.y.values[R])
    zones = (X, Y) if several else (X[0], Y[0])
    with pytest.raises(GridError, match=r"lie on the map read in EPSG:32632: pass `crs='EPSG:32632'`"):
        aggregate(e, zones, buffer=15)
    assert aggregate(e, zones, buffer=15, crs="EPSG:32632")["n_pixels"].tolist() == [9] * (4 if several else 1)


def test_lonlat_far_off_every_reading_keeps_its_error():
    "x/y no reading puts on the map: the error as it was, no CRS named."
    with pytest.raises(GridError, match="area of use") as err:
        aggregate(_zone31_map(), (np.array([9e6, 9.1e6]), np.array([9e6, 9.1e6])), buffer=15)
    assert "crs='EPSG" not in str(err.value)
