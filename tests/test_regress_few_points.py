"""regress(method='linear') of fewer labelled pixels than the fit's 65 unknowns (64 bands and an intercept) passed
exactly through every label and interpolated between them without a word: it now warns LabelWarning naming the count
and both fixes (more labels, method='knn'); enough labels, or knn, are not warned."""
import warnings

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.analysis import regress
from alphaearth_nb.core import LabelWarning
from alphaearth_nb.testing import embedding_from_array, random_unit


def _case(n, seed=0):
    emb = embedding_from_array(random_unit((12, 12), seed=3))
    rng = np.random.default_rng(seed)
    iy, ix = np.divmod(rng.choice(emb.sizes["y"] * emb.sizes["x"], n, replace=False), emb.sizes["x"])
    pts = pd.DataFrame({"x": emb.x.values[ix], "y": emb.y.values[iy], "value": rng.uniform(0, 30, n)})
    return emb, pts


@pytest.mark.parametrize("n", [5, 40, 65])
def test_a_linear_fit_of_few_points_is_told(n):
    emb, pts = _case(n)
    with pytest.warns(LabelWarning, match=rf"{n} labelled pixels for the 65 unknowns.*Label more.*method='knn'"):
        regress(emb, pts)


@pytest.mark.parametrize("n, method", [(66, "linear"), (120, "linear"), (5, "knn")])
def test_enough_points_or_knn_are_not_told(n, method):
    emb, pts = _case(n)
    with warnings.catch_warnings():
        warnings.simplefilter("error", LabelWarning)
        out = regress(emb, pts, method=method)
    assert np.isfinite(out.values).all()
