"""A similarity query of several places (WKT texts, shapely Points) is said as several points, with code that runs.

`similarity(emb, ['POINT (x y)', 'POINT (x y)', ...])` and a list of shapely Points were told 'a similarity query
holds text, not numbers (...): pass the 64 band values ... or cast them: `row.astype('float32')`', a fix that
fails; a list of one WKT point too, where `sample` reads it as that point. Right: several places are the refusal
of several points, naming both meanings (their mean vector, a map each) in lines that run; one place in a list is
that place."""
import re

import numpy as np
import pytest

shapely = pytest.importorskip("shapely")
pytest.importorskip("geopandas")

import alphaearth_nb as aef
from alphaearth_nb.analysis import similarity
from alphaearth_nb.core import DimensionError

R, C = [1, 5, 7], [2, 9, 3]


@pytest.fixture(scope="module")
def emb(utm_emb):
    return utm_emb(5)


def _forms(emb):
    xs, ys = emb.x.values[C], emb.y.values[R]
    return {"wkt": [f"POINT ({a} {b})" for a, b in zip(xs, ys)], "shapely": [shapely.Point(a, b) for a, b in zip(xs, ys)]}


@pytest.mark.parametrize("form", ["wkt", "shapely"])
def test_several_places_are_said_with_lines_that_run(emb, form):
    pts = _forms(emb)[form]
    with pytest.raises(DimensionError, match="got 3 places") as e:
        similarity(emb, pts)
    assert "cast them" not in str(e.value)
    ns = {"emb": emb, "pts": pts, "np": np, "aef": aef}
    mean, each = re.findall(r"`([^`]+)`", str(e.value))[-2:]
    exec(mean, ns)   # the mean's map
    v = emb.values[R, C].mean(0)
    np.testing.assert_allclose(ns["v"].to_numpy() / np.linalg.norm(ns["v"]), v / np.linalg.norm(v), atol=1e-6)
    maps = eval(each, ns)   # a map each
    assert [float(m.values[r, c]) for m, r, c in zip(maps, R, C)] == pytest.approx([1.0] * 3, abs=1e-5)


@pytest.mark.parametrize("form", ["wkt", "shapely"])
def test_one_place_in_a_list_is_that_place(emb, form):
    one = _forms(emb)[form][:1]
    np.testing.assert_allclose(similarity(emb, one).values, similarity(emb, one[0]).values)
    assert float(similarity(emb, one).values[R[0], C[0]]) == pytest.approx(1.0, abs=1e-5)
