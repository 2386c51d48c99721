"""A map whose spatial dims are named in another case ('Latitude' / 'Longitude' as HDF files name them, 'LAT' /
'LON') is read as one with y / x dims (`spatial.rename_spatial`, the one reader of dim names):
similarity at a point gives 1 at its pixel, `change` against the same map with y / x dims is 0, and the CF lon/lat
attrs make it EPSG:4326 as on 'lat' / 'lon' (field case B: georeferencing by meaning, not by spelling).
Was: DimensionError 'an embedding needs `y` and `x` dims, got ('Latitude', 'Longitude', 'band')'."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb import analysis, spatial
from alphaearth_nb.core import band_names
from alphaearth_nb.testing import random_unit

LAT = 10 - 0.0005 * np.arange(4)
LON = 20 + 0.0005 * np.arange(5)
VEC = random_unit((4, 5), seed=5)


def lonlat_map(y="lat", x="lon", cf=False, crs="EPSG:4326"):
    ya = {"units": "degrees_north"} if cf else {}
    xa = {"units": "degrees_east"} if cf else {}
    da = xr.DataArray(VEC, dims=(y, x, "band"), coords={y: (y, LAT, ya), x: (x, LON, xa), "band": band_names()})
    return da.assign_attrs(crs=crs) if crs else da


@pytest.mark.parametrize("y, x", [("Latitude", "Longitude"), ("LAT", "LON"), ("Y", "X"), ("LATITUDE", "longitude")])
def test_dims_in_another_case_are_y_and_x(y, x):
    m = lonlat_map(y, x)
    assert set(spatial.rename_spatial(m).dims) == {"y", "x", "band"}
    s = analysis.similarity(m, (LON[3], LAT[1]))
    assert float(s.values[1, 3]) == pytest.approx(1.0) and int(np.sum(s.values > 1 - 1e-9)) == 1
    assert float(analysis.change(m, lonlat_map("y", "x")).max()) < 1e-6
    assert spatial.crs_of(lonlat_map(y, x, cf=True, crs=None)) == "EPSG:4326"   # CF units on them, no CRS written


def test_an_exact_name_wins_over_another_case():
    m = xr.DataArray(np.zeros((2, 3)), dims=("Lat", "lat"))   # the exact one is y
    assert spatial.rename_spatial(m).dims == ("Lat", "y")
    assert spatial.rename_spatial(xr.DataArray(np.zeros((2,)), dims=("row",))).dims == ("row",)
