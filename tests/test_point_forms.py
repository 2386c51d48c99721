"""One point, one parser (`geo.one_point`): similarity's query and sample read a dict or Series with lon/lat keys
(degrees) or x/y keys, a shapely Point and a pair alike; forms that could mean two things are refused. On main a
{'lon': .., 'lat': ..} query was refused (DimensionError) and sample took no single point at all."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.analysis import similarity
from alphaearth_nb.core import DimensionError
from alphaearth_nb.cubes import sample
from alphaearth_nb.geo import grid_coords, to_crs
from alphaearth_nb.testing import embedding_from_array, random_unit

shapely = pytest.importorskip("shapely")
from shapely.geometry import Point  # noqa: E402

BANDS = [f"A{i:02d}" for i in range(64)]


@pytest.fixture(scope="module")
def utm():
    return embedding_from_array(random_unit((5, 6), seed=7), coords=grid_coords(5, 6, x0=500_000., y0=5_000_000.))


@pytest.fixture(scope="module")
def ll():
    return embedding_from_array(random_unit((5, 6), seed=8), coords=grid_coords(5, 6, x0=2.0, y0=45.0, res=0.001),
                                crs="EPSG:4326")


def _at(e, r, c):
    x, y = float(e.x[c]), float(e.y[r])
    lon, lat = (float(v[0]) for v in to_crs([x], [y], e.attrs["crs"], "EPSG:4326"))
    return x, y, lon, lat


def _forms(x, y, lon, lat):
    return {"dict lon/lat": {"lon": lon, "lat": lat}, "dict Longitude/Latitude": {"Longitude": lon, "Latitude": lat},
            "Series lon/lat": pd.Series({"lon": lon, "lat": lat, "site": 3}), "dict x/y": {"x": x, "y": y},
            "Series x/y": pd.Series({"x": x, "y": y}), "Point": Point(x, y), "pair": (x, y)}


@pytest.mark.parametrize("grid", ["utm", "ll"])
def test_similarity_and_sample_read_every_form_alike(grid, request):
    e = request.getfixturevalue(grid)
    x, y, lon, lat = _at(e, 3, 4)
    want = e.isel(y=3, x=4).values
    for name, p in _forms(x, y, lon, lat).items():
        s = similarity(e, p)
        assert abs(float(s.isel(y=3, x=4)) - 1) < 1e-5 and float(s.max()) == float(s.isel(y=3, x=4)), name
        np.testing.assert_allclose(e.aef.similarity(p).values, s.values)       # the accessor: the same
        if name == "pair": continue                                            # sample reads a bare pair as lon/lat
        v = sample(e, p)
        assert len(v) == 1 and bool(v["inside"].iloc[0]), name
        np.testing.assert_allclose(v[BANDS].to_numpy()[0], want, err_msg=name)
    np.testing.assert_allclose(sample(e, (lon, lat))[BANDS].to_numpy()[0], want)   # as it always was
    t = sample(e, {"lon": [lon, lon], "lat": [lat, lat]})                      # a dict of arrays: a table
    np.testing.assert_allclose(t[BANDS].to_numpy(), np.stack([want, want]))


def test_a_row_with_band_names_is_a_vector_and_ambiguous_points_are_refused(utm):
    x, y, lon, lat = _at(utm, 1, 2)
    row = sample(utm, {"lon": lon, "lat": lat}).iloc[0]          # lon, lat, inside and A00..A63: the vector
    assert abs(float(similarity(utm, row).isel(y=1, x=2)) - 1) < 1e-5
    for bad, msg in [({"lon": lon, "lat": lat, "x": x, "y": y}, "keep one pair"),
                     ({"easting": x, "northing": y}, "needs keys")]:
        for f in (similarity, sample):
            with pytest.raises(DimensionError, match=msg):
                f(utm, bad)
    with pytest.raises(DimensionError, match="projected"):
        similarity(utm, {"lon": lon, "lat": lat}, crs="EPSG:32631")
    # lon/lat given with a geographic crs: that crs; x/y keys and a Point with crs=: in it
    assert abs(float(similarity(utm, {"lon": lon, "lat": lat}, crs="EPSG:4979").isel(y=1, x=2)) - 1) < 1e-5
    assert abs(float(similarity(utm, Point(lon, lat), crs="EPSG:4326").isel(y=1, x=2)) - 1) < 1e-5
    v = sample(utm, {"x": lon, "y": lat}, crs="EPSG:4326")
    np.testing.assert_allclose(v[BANDS].to_numpy()[0], utm.isel(y=1, x=2).values)


def test_pairs_keep_each_functions_reading(utm):
    "A pair in any container: the map's CRS to similarity (as a tuple always was), lon/lat to sample (as a tuple)."
    x, y, lon, lat = _at(utm, 2, 3)
    want = utm.isel(y=2, x=3).values
    for pair in ((x, y), [x, y], np.array([x, y]), pd.Series([x, y])):
        assert abs(float(similarity(utm, pair).isel(y=2, x=3)) - 1) < 1e-5
    for pair in ((lon, lat), [lon, lat], np.array([lon, lat]), pd.Series([lon, lat])):
        np.testing.assert_allclose(sample(utm, pair)[BANDS].to_numpy()[0], want)
