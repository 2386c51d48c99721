"""A table whose points are in a geometry column (WKT, WKB): the messages about its points name that column, the one the
user gave, not the x/y columns `geometry_points` made from it (was: `df.dropna(subset=['x', 'y'])`, a KeyError on the
user's table; official.sample_points: 'a table with `x`/`y` columns needs its CRS')."""
import re
import warnings

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import GridError
from alphaearth_nb.geometries import read_places
from alphaearth_nb.places import sample
from alphaearth_nb.supervised import training_set
from alphaearth_nb.testing import embedding_from_array, random_unit

gpd = pytest.importorskip("geopandas")
shapely = pytest.importorskip("shapely")


def _fix(call):
    "The code of the warned fix (the last `...` of the one NoDataWarning), and its message."
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        out = call()
    msgs = [str(x.message) for x in w if "no coordinates" in str(x.message)]
    assert len(msgs) == 1, [str(x.message) for x in w]
    return re.findall(r"`([^`]+)`", msgs[0])[-1], msgs[0], out


def _run(fix, df):
    "The table the fix leaves, run on the user's own table `df`."
    env = {"df": df.copy(), "gpd": gpd, "np": np, "pd": pd}
    exec(fix, env)
    return env["df"]


@pytest.mark.parametrize("empty", [None, "POINT EMPTY"])
def test_the_fix_for_a_row_without_a_shape_runs_on_the_users_table(empty):
    df = pd.DataFrame({"label": [1, 2, 3], "geometry": ["POINT (2.3 48.8)", empty, "POINT (2.4 48.9)"]})
    fix, msg, _ = _fix(lambda: read_places(df, crs="EPSG:4326"))
    assert "'geometry'" in fix and "'x'" not in fix, msg
    assert _run(fix, df)["label"].tolist() == [1, 3]   # was: KeyError ['x', 'y'] (the user's table has neither)


def test_a_wkb_column_is_named_too():
    wkb = [shapely.Point(2.3, 48.8).wkb, None, shapely.Point(2.4, 48.9).wkb]
    df = pd.DataFrame({"label": [1, 2, 3], "geom": wkb})
    fix, msg, _ = _fix(lambda: read_places(df, crs="EPSG:4326"))
    assert "'geom'" in fix and _run(fix, df)["label"].tolist() == [1, 3], msg


def _emb_and_table():
    emb = embedding_from_array(random_unit((8, 8)))
    x, y = float(emb.x[1]), float(emb.y[1])
    df = pd.DataFrame({"label": [1, 2, 1], "geometry": [f"POINT ({x} {y})", None, f"POINT ({x} {float(emb.y[3])})"]})
    return emb, df


def test_a_label_table_of_shapes_names_its_column():
    emb, df = _emb_and_table()
    fix, msg, _ = _fix(lambda: training_set(emb, df))
    assert "'geometry'" in fix and _run(fix, df)["label"].tolist() == [1, 1], msg


def test_a_table_made_from_it_names_its_own_xy():
    emb, df = _emb_and_table()
    _, _, out = _fix(lambda: sample(emb, df))   # `sample`'s table: the x/y made from the shapes are its own
    assert {"x", "y"} <= set(out.columns) and not out.attrs
    fix, msg, _ = _fix(lambda: sample(emb, out[["label", "x", "y"]]))   # the columns geometry_points gave
    assert fix == "df = df.dropna(subset=['x', 'y'])", msg


def test_sample_points_asks_the_crs_of_the_geometry_column():
    from alphaearth_nb.official import sample_points
    df = pd.DataFrame({"label": [1, 2], "geometry": ["POINT (2.3 48.8)", "POINT (2.4 48.9)"]})
    with pytest.raises(GridError) as e:
        sample_points(df, 2024, source="/nonexistent")   # refused before any tile is read
    assert "'geometry' column" in str(e.value) and "`x`/`y` columns" not in str(e.value), str(e.value)
    assert "crs='EPSG:4326'" in str(e.value) and "lon/lat)" not in str(e.value)   # no columns to rename
    with pytest.raises(GridError, match="a table with `x`/`y` columns needs its CRS"):   # a plain x/y table: as it was
        sample_points(pd.DataFrame({"x": [2.3], "y": [48.8]}), 2024, source="/nonexistent")
