"""A whole map (y, x, band) handed to `similarity` as its query: the fixes the message names run and answer.

Was: 'for a map each, one at a time, `similarity(emb, q.isel(y=0))`', a row of vectors still, refused again; and
nothing named what a map beside a map most often means, two years of one place compared pixel by pixel."""
import re

import numpy as np
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.analysis import similarity
from alphaearth_nb.core import DimensionError
from alphaearth_nb.testing import embedding_from_array, random_unit

E, Q = embedding_from_array(random_unit((4, 5), seed=1)), embedding_from_array(random_unit((4, 5), seed=2))


def _calls(q):
    with pytest.raises(DimensionError) as e:
        similarity(E, q)
    return re.findall(r"`([^`]+)`", str(e.value))


def test_a_map_query_names_one_vector_of_it_and_the_per_pixel_cosine():
    calls = _calls(Q)
    env = {"aef": aef, "emb": E, "q": Q, "np": np}
    one = next(c for c in calls if c.startswith("aef.similarity(emb, q.isel("))
    assert one == "aef.similarity(emb, q.isel(y=0, x=0))"   # was q.isel(y=0): 5 vectors, refused again
    v = Q.values[0, 0]
    np.testing.assert_allclose(eval(one, env).values, E.values @ v / np.linalg.norm(E.values, axis=-1), atol=1e-6)
    two = next(c for c in calls if "change(" in c)
    cos = (E.values * Q.values).sum(-1) / np.linalg.norm(E.values, axis=-1) / np.linalg.norm(Q.values, axis=-1)
    np.testing.assert_allclose(eval(two, env).values, cos, atol=1e-6)


def test_a_cube_query_is_not_told_to_take_the_change():
    calls = _calls(xr.concat([Q, E], "time"))
    assert "aef.similarity(emb, q.isel(time=0, y=0, x=0))" in calls and not any("change(" in c for c in calls)
