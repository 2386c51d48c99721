"""A map whose spatial dims carry the other names writers give them is read as one with y / x dims (dims.X_NAMES /
Y_NAMES, the one reader of dim names): 'lng' (JavaScript, web maps) and 'long' (R) for longitude, 'easting' /
'northing' (projected grids, in any case), and CF's projected axes 'projection_x_coordinate' /
'projection_y_coordinate' (the Met Office's UKCP18 netCDF files name their dims so). Similarity at a point gives 1
at its own pixel, change against the same map with y / x dims is 0, and CF degrees on 'lng' / 'long' make the map
EPSG:4326 as on 'lon'. Was: DimensionError 'an embedding needs `y` and `x` dims, got ('lat', 'lng', 'band')'."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb import analysis, spatial
from alphaearth_nb.core import band_names
from alphaearth_nb.testing import random_unit

VEC = random_unit((4, 5), seed=6)
LAT, LON = 10 - 0.0005 * np.arange(4), 20 + 0.0005 * np.arange(5)
NORTH, EAST = 5_000_000 - 10.0 * np.arange(4) - 5, 500_000 + 10.0 * np.arange(5) + 5


def a_map(y, x, ys, xs, crs, cf=None):
    ya, xa = ({"units": "degrees_north"}, {"units": "degrees_east"}) if cf else ({}, {})
    da = xr.DataArray(VEC, dims=(y, x, "band"), coords={y: (y, ys, ya), x: (x, xs, xa), "band": band_names()})
    return da.assign_attrs(crs=crs) if crs else da


CASES = [("lat", "lng", LAT, LON, "EPSG:4326"), ("lat", "long", LAT, LON, "EPSG:4326"),
         ("latitude", "Long", LAT, LON, "EPSG:4326"), ("northing", "easting", NORTH, EAST, "EPSG:32631"),
         ("Northing", "Easting", NORTH, EAST, "EPSG:32631"),
         ("projection_y_coordinate", "projection_x_coordinate", NORTH, EAST, "EPSG:32631")]


@pytest.mark.parametrize("y, x, ys, xs, crs", CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_dims_by_other_names_are_y_and_x(y, x, ys, xs, crs):
    m = a_map(y, x, ys, xs, crs)
    assert spatial.rename_spatial(m).dims == ("y", "x", "band")
    s = analysis.similarity(m, (xs[3], ys[1]), crs=crs)
    assert float(s.values[1, 3]) == pytest.approx(1.0) and int(np.sum(s.values > 1 - 1e-9)) == 1
    assert float(analysis.change(m, a_map("y", "x", ys, xs, crs)).max()) < 1e-6


@pytest.mark.parametrize("x", ["lng", "long"])
def test_cf_degrees_on_lng_say_lonlat(x):
    assert spatial.crs_of(a_map("lat", x, LAT, LON, None, cf=True)) == "EPSG:4326"
