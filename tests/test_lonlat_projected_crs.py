"""A table whose lon/lat columns (any spelling `lonlat_columns` reads) hold degrees, passed with a projected `crs=`,
is refused naming both fixes (drop `crs=`; or name the columns x/y), in every reader of tables (`read_geometries`, so
classify/training_set, sample, points_xy). Was: read as metres of the UTM zone without a word, points near the
projection's false origin (then 'outside the grid', or a sample of NaN)."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.analysis import classify
from alphaearth_nb.core import GridError
from alphaearth_nb.geo import to_crs
from alphaearth_nb.places import read_geometries, sample
from alphaearth_nb.testing import embedding_from_array, random_unit


def _case():
    e = embedding_from_array(random_unit((6, 6), seed=3))                  # EPSG:32631
    lon, lat = to_crs(e.x.values[[0, 5]], e.y.values[[0, 5]], "EPSG:32631", "EPSG:4326")
    return e, lon, lat


@pytest.mark.parametrize("names", [("lon", "lat"), ("Longitude", "Latitude"), ("lng", "LAT")])
def test_degrees_under_a_projected_crs_are_refused(names):
    e, lon, lat = _case()
    t = pd.DataFrame({names[0]: lon, names[1]: lat, "label": ["a", "b"]})
    fix = rf"drop `crs=`.*name the columns x and y.*{names[0]!r}: 'x'"
    with pytest.raises(GridError, match=rf"{names[0]}/{names[1]} columns hold values within degrees.*EPSG:32631.*{fix}"):
        read_geometries(t, crs="EPSG:32631")
    with pytest.raises(GridError, match=fix):
        classify(e, t, k=1, crs="EPSG:32631")
    with pytest.raises(GridError, match=fix):
        sample(e, t, crs="EPSG:32631")
    assert classify(e, t, k=1)["class"].shape == (6, 6)                   # without crs=: degrees, on the map
    assert read_geometries(t, crs="EPSG:4326").crs.to_epsg() == 4326       # a geographic crs=: as before


def test_metres_under_lonlat_names_are_read_in_the_crs():
    e, _, _ = _case()
    t = pd.DataFrame({"lon": e.x.values[[0, 5]], "lat": e.y.values[[0, 5]], "label": ["a", "b"]})
    g = read_geometries(t, crs="EPSG:32631")                               # beyond degrees: that CRS's metres
    np.testing.assert_array_equal(g.geometry.x.to_numpy(), e.x.values[[0, 5]])
