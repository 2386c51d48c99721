"""classify's docstring says what `scores` are for each method, and they are that: knn's vote shares (a pixel's sum
1), linear's one-vs-rest least-squares outputs (not probabilities: sums not 1). Was: only "`scores`"."""
import numpy as np
import pandas as pd

import alphaearth_nb as aef
from alphaearth_nb.analysis import classify
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_scores_are_what_the_docstring_says():
    doc = " ".join(classify.__doc__.split())
    for words in ("vote shares", "sum to 1", "one-vs-rest least-squares outputs", "not probabilities",
                  "arXiv 2507.22291"):
        assert words in doc, words
    e = embedding_from_array(random_unit((8, 9), seed=4))
    pts = pd.DataFrame({"x": e.x.values[[0, 2, 4, 6, 8, 1]], "y": e.y.values[[0, 2, 4, 6, 7, 1]],
                        "label": ["a", "a", "b", "b", "c", "c"]})
    knn = aef.classify(e, pts, k=3)["scores"].sum("classes")
    np.testing.assert_allclose(knn.values, 1.0, atol=1e-6)
    lin = aef.classify(e, pts, method="linear")["scores"].sum("classes")
    assert np.abs(lin.values - 1.0).max() > 0.5   # least-squares outputs: no distribution over the classes
