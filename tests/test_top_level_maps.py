"The spec's map methods are also functions one dot away, as the accessor's docstrings name them: aef.similarity(emb, q)."
import numpy as np
import pandas as pd

import alphaearth_nb as aef
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_map_functions_at_the_top_level_answer_as_the_accessor():
    "Was: AttributeError \"module 'alphaearth_nb' has no attribute 'similarity'\", naming no place to find it."
    e = embedding_from_array(random_unit((4, 5), seed=1))
    f = embedding_from_array(random_unit((4, 5), seed=2))
    np.testing.assert_array_equal(aef.similarity(e, e.isel(y=1, x=2)).values, e.aef.similarity(e.isel(y=1, x=2)).values)
    assert abs(float(aef.similarity(e, e.isel(y=1, x=2))[1, 2]) - 1.0) < 1e-6
    np.testing.assert_array_equal(aef.change(e, f).values, e.aef.change(f).values)
    pts = pd.DataFrame({"x": e.x.values[[0, 4]], "y": e.y.values[[0, 3]], "label": [1, 2]})
    got = aef.classify(e, pts, k=1)["class"]
    assert got.values[0, 0] == 1 and got.values[3, 4] == 2
    np.testing.assert_array_equal(got.values, e.aef.classify(pts, k=1)["class"].values)
    for name in ("similarity", "change", "classify", "regress", "cluster", "rgb"):
        assert getattr(aef, name) is getattr(aef.analysis, name) and name in aef.__all__ and name in dir(aef)
