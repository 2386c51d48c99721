"""A CRS typo that still parses is refused where it would misplace the data (session 30's finding).

EPSG:4236 (Hu Tzu Shan 1950, Taiwan) for EPSG:4326, a state plane or an Antarctic grid for a UTM zone: every code
parses, and a map or points carrying one were placed on another continent in silence (written to files, shown,
queried). Now coordinates more than `geo.AREA_MARGIN` degrees outside the CRS's area of use (pyproj's
`CRS.area_of_use`) raise `GridError` naming the CRS, its area, the data's place and, where one digit swap gives a
CRS whose area holds them, that code. The true CRSs near their edges pass: a UTM zone used two zones away, one
used a little south of the equator, polar stereographic CRSs at the poles, EPSG:3857 near the antimeridian."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import GridError
from alphaearth_nb.geo import check_grid_degrees
from alphaearth_nb.spatial import grid_coords
from alphaearth_nb.testing import embedding_from_array, random_unit


def _map(crs, x0, y0, res):
    return embedding_from_array(random_unit((4, 4), seed=1), coords=grid_coords(4, 4, x0=x0, y0=y0, res=res), crs=crs)


@pytest.mark.parametrize("crs,x0,y0,res,says", [
    ("EPSG:4236", 2.0, 48.0, 0.0001, r"EPSG:4236 \(Hu Tzu Shan 1950: Taiwan.*lon 2.*lat 48.*typo for EPSG:4326"),
    ("EPSG:4263", 2.0, 48.0, 0.0001, r"EPSG:4263 \(Minna: Nigeria.*34 degrees beyond"),
    ("EPSG:32136", 500000.0, 5000000.0, 10.0, r"EPSG:32136 \(NAD83 / Tennessee: United States \(USA\) - Tennessee, lon -90.31..-81.65.*lat 74.95.*a typo\? set"),
    ("EPSG:3263", 500000.0, 5000000.0, 10.0, r"EPSG:3263 .*Antarctica.*lat -46"),
])
def test_a_typo_crs_is_refused_naming_its_area(tmp_path, crs, x0, y0, res, says):
    e = _map(crs, x0, y0, res)
    with pytest.raises(GridError, match=says): check_grid_degrees(e)
    with pytest.raises(GridError, match="far outside the area of use"): e.aef.to_zarr(tmp_path / "e.zarr")
    with pytest.raises(GridError, match="far outside the area of use"):   # a point query, placed on the map
        e.aef.similarity((float(e.x[1]), float(e.y[1])))
    assert not any(tmp_path.iterdir())


@pytest.mark.parametrize("crs,x0,y0,res", [
    ("EPSG:32631", 500000.0, 5000000.0, 10.0),        # its own zone
    ("EPSG:32633", -100000.0, 6700000.0, 1000.0),     # zone 33N over western Norway, near 5E: 7 degrees west of it
    ("EPSG:32631", 500000.0, 0.0, 10.0),              # a northern zone a little south of the equator
    ("EPSG:3413", -30000.0, 30000.0, 10000.0),        # NSIDC north polar stereographic at the pole
    ("EPSG:3031", -30000.0, 30000.0, 10000.0),        # Antarctic polar stereographic at the pole
    ("EPSG:3857", 19900000.0, 9000000.0, 10000.0),    # Web Mercator near the antimeridian at 62N
    ("EPSG:2056", 2400000.0, 1400000.0, 10000.0),     # Swiss LV95 over its neighbours
    ("EPSG:4326", 179.9995, -16.0, 0.001),            # lon/lat across the antimeridian (Fiji)
    ("EPSG:4326", 200.0, 10.0, 0.001),                # longitudes counted past 180
])
def test_true_crss_near_their_edges_pass(crs, x0, y0, res):
    e = _map(crs, x0, y0, res)
    check_grid_degrees(e)
    assert e.aef.similarity((float(e.x[1]), float(e.y[1]))).shape == (4, 4)


@pytest.mark.parametrize("crs,x,y,says", [
    ("EPSG:4236", 2.05, 48.05, r"the points .*EPSG:4236 \(Hu Tzu Shan 1950.*typo for EPSG:4326"),
    ("EPSG:32136", 500015.0, 4999985.0, r"the points .*EPSG:32136 \(NAD83 / Tennessee"),
])
def test_points_with_a_typo_crs_are_refused_naming_it(crs, x, y, says):
    "A table's `crs=` with a typo: the points were taken to another continent, then 'off the map' or misplaced."
    e = _map("EPSG:32631", 500000.0, 5000000.0, 10.0)
    with pytest.raises(GridError, match=says + r".*pass the CRS they are in \(`crs=`"):
        e.aef.sample(pd.DataFrame({"x": [x], "y": [y]}), crs=crs)


def test_points_in_a_true_crs_near_its_edge_pass():
    "Points in UTM zone 33N a zone west of it (3 E), onto a map in zone 31N: sampled, no alarm."
    from alphaearth_nb.geo import to_crs
    e = _map("EPSG:32631", 500000.0, 5000000.0, 10.0)
    x, y = to_crs(np.array([float(e.x[1])]), np.array([float(e.y[1])]), "EPSG:32631", "EPSG:32633")
    out = e.aef.sample(pd.DataFrame({"x": x, "y": y}), crs="EPSG:32633")
    assert len(out) == 1
