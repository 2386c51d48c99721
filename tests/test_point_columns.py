"""The points' table of places.sample and official.sample_points is one (places.points_xy): a table keeps its own
columns (a DataFrame's lon/lat, x/y); points given without a table ((lon, lat) arrays, one point) become `x_in`, `y_in`,
the coordinates as given. Both docstrings say so (was: undocumented, and a test said a table's lon/lat became x_in/y_in)."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb import official
from alphaearth_nb.geo import to_crs
from alphaearth_nb.places import POINT_COLUMNS, points_xy, sample
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_both_docstrings_say_the_same():
    for f in (sample, official.sample_points, points_xy):
        doc = " ".join(f.__doc__.split())
        assert "`x_in`, `y_in`" in doc and "own columns" in doc, f.__name__
    assert POINT_COLUMNS == ("x_in", "y_in")


def test_arrays_give_x_in_y_in_and_tables_keep_their_columns():
    e = embedding_from_array(random_unit((6, 6), seed=1))
    lon, lat = to_crs(e.x.values[:2], e.y.values[:2], "EPSG:32631", "EPSG:4326")
    s = sample(e, (lon, lat))
    assert list(s.columns[:3]) == ["x_in", "y_in", "inside"]
    np.testing.assert_array_equal(s["x_in"], lon); np.testing.assert_array_equal(s["y_in"], lat)
    t = sample(e, pd.DataFrame({"lon": lon, "lat": lat, "id": [1, 2]}))
    assert list(t.columns[:3]) == ["lon", "lat", "id"] and "x_in" not in t
    assert sample(e, {"lon": float(lon[0]), "lat": float(lat[0])}).columns[:2].tolist() == ["x_in", "y_in"]


def test_official_sample_points_gives_the_same_columns(tmp_path):
    try: m = official.build_local_mirror(tmp_path / "m", years=(2024,), size=32)
    except Exception as e: pytest.skip(f"no shared data: {e}")
    a = official.sample_points(([6.0], [45.0]), 2024, source=m)
    assert a.columns[:2].tolist() == ["x_in", "y_in"] and a["x_in"].tolist() == [6.0]
    b = official.sample_points(pd.DataFrame({"lon": [6.0], "lat": [45.0]}), 2024, source=m)
    assert b.columns[:2].tolist() == ["lon", "lat"] and "x_in" not in b


def test_a_table_of_one_row_keeps_its_columns():
    "A one-row lon/lat table (two numbers) was read as one point: its columns came back as x_in/y_in."
    e = embedding_from_array(random_unit((6, 6), seed=1))
    lon, lat = to_crs(e.x.values[:1], e.y.values[:1], "EPSG:32631", "EPSG:4326")
    s = sample(e, pd.DataFrame({"lon": lon, "lat": lat}))
    assert s.columns[:2].tolist() == ["lon", "lat"] and bool(s["inside"].iloc[0])
