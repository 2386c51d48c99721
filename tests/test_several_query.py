"""A similarity query of several vectors or points (a table of N rows, an (N, 64) array, a DataArray of vectors, a
list of (x, y) pairs or (xs, ys), a dict of arrays) is refused naming what was given and both readings: one map of
their mean vector, or a map each (a loop). The code each message names runs as written. Decided: not averaged on a
guess (the spec's query is one vector or one point). Was: 'got 128 values of float32' for a table of two vectors,
'got 6 values' for three points, and a GeoDataFrame's fix `gdf.iloc[0]`, a row that similarity refused as text."""
import re
import warnings

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

import alphaearth_nb as aef
from alphaearth_nb.analysis import similarity
from alphaearth_nb.bands import band_names
from alphaearth_nb.core import DimensionError
from alphaearth_nb.places import sample
from alphaearth_nb.testing import embedding_from_array, random_unit

E = embedding_from_array(random_unit((4, 5), seed=2))   # 10 m, corner (500000, 5000000), EPSG:32631
XS, YS = [500005.0, 500035.0, 500015.0], [4999995.0, 4999975.0, 4999965.0]
V = sample(E, pd.DataFrame({"x": XS, "y": YS}))[band_names()].to_numpy()
MEAN = similarity(E, V.mean(0) / np.linalg.norm(V.mean(0)))   # by hand: the map of their mean direction


def _fixes(msg):
    "The backquoted `similarity(emb, ...)` calls and loops in a message."
    return [c for c in re.findall(r"`([^`]+)`", msg) if "similarity(emb" in c]


FORMS = {   # name: (query, env for its fixes, the words)
    "vectors table": (pd.DataFrame(V, columns=band_names()), "df", "a table of 3 rows (vectors: its A00..A63)"),
    "sample's table": (sample(E, pd.DataFrame({"x": XS, "y": YS})), "df", "a table of 3 rows (vectors"),
    "x/y table": (pd.DataFrame({"x": XS, "y": YS}), "df", "a table of 3 rows (points: its coordinates)"),
    "dict of arrays": ({"x": XS, "y": YS}, None, "a table of 3 rows (points"),
    "GeoDataFrame": (gpd.GeoDataFrame({"label": list("abc")}, geometry=gpd.points_from_xy(XS, YS), crs="EPSG:32631"),
                     "df", "a table of 3 rows (points: its geometries)"),
    "array of vectors": (V, "V", "3 vectors (an array of shape (3, 64))"),
    "DataArray of vectors": (E.isel(y=0, x=slice(0, 3)), "q", "a DataArray of 3 vectors (x: 3)"),
    "pairs": ([(x, y) for x, y in zip(XS, YS)], "pts", "3 points ((x, y) pairs, shape (3, 2))"),
    "xs, ys": ((XS, YS), "xs", "3 points ((xs, ys), shape (2, 3))"),
}


@pytest.mark.parametrize("form", list(FORMS))
def test_several_are_named_and_the_fixes_run(form):
    q, name, words = FORMS[form]
    with pytest.raises(DimensionError) as e:
        similarity(E, q)
    msg = str(e.value)
    assert "a similarity query is one 64-vector or one point; got " + words in msg, msg
    assert "values" not in msg and "mean vector" in msg and ("loop" in msg or "one at a time" in msg), msg
    if name is None: return
    env = {"aef": aef, "emb": E, "pd": pd, "np": np, name: q, "xs": XS,
           "ys": YS}
    mean, each = _fixes(msg)[:2]
    first, last = mean.split("; ")
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # the mean made unit: no gate warning of a mean of embeddings
        exec(first, env)
        got = eval(last, env)
    if form != "DataArray of vectors":   # its mean is over its own 3 pixels: the same 3 here
        np.testing.assert_allclose(got.values, MEAN.values, atol=1e-6)
    maps = eval(each, env)
    maps = maps if isinstance(maps, list) else [maps]
    np.testing.assert_allclose(maps[0].values, similarity(E, V[0]).values, atol=1e-6)


def test_one_row_is_still_one_query():
    np.testing.assert_allclose(similarity(E, pd.DataFrame(V[:1], columns=band_names())).values,
                               similarity(E, V[0]).values, atol=1e-6)
    np.testing.assert_allclose(similarity(E, pd.DataFrame({"x": XS[:1], "y": YS[:1]})).values,
                               similarity(E, V[0]).values, atol=1e-6)
