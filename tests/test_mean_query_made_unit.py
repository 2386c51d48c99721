"""A mean of embeddings as a similarity query (a class's prototype, as the one-class hint of `classify` proposes) is
shorter than 1, and the query gate warns of it as of an averaged map (UnitsWarning, 'resample with nearest'): the
package's own hint `emb.aef.similarity(emb.aef.sample(points)[...].mean())` led to that warning (a newcomer's
finding, session 48). The hints now make the mean unit first, and the warning names that way for a query."""
import re
import warnings

import numpy as np
import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import UnitsWarning
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_a_mean_query_is_told_how_to_pass_it_on_purpose():
    v = random_unit((5, 6), seed=2)
    emb = embedding_from_array(v)
    m = (v[0, 1] + v[3, 4]) / 2
    with pytest.warns(UnitsWarning, match="a mean taken on purpose") as got:
        emb.aef.similarity(m)
    said = str(next(w.message for w in got if "on purpose" in str(w.message)))
    code = re.search(r"make it unit first, `([^`]+)`", said)[1]
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # the way it names: no warning
        sim = emb.aef.similarity(eval(code, {"np": np, "v": m}))
    np.testing.assert_allclose(sim.values, v @ m / np.linalg.norm(m), atol=1e-6)


def test_an_averaged_map_keeps_its_own_words():
    "A map's pixels averaged by resampling are no query: their warning names resampling, not a mean on purpose."
    emb = embedding_from_array(random_unit((6, 6), seed=4))
    with pytest.warns(UnitsWarning) as got:
        aef.similarity(emb.coarsen(x=2, y=2).mean(), emb.values[0, 0])
    said = " ".join(str(w.message) for w in got)
    assert "method='nearest'" in said and "on purpose" not in said, said
