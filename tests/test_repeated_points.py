"""Points repeating a pixel with its label (a long table, one row per point and month, as WorldCereal's extractions
are; a field surveyed twice) count once: training_set gives one row per labelled pixel and label, so kNN's k=3 is a
vote of the 3 nearest labelled pixels. Was: a row each, so three copies of the nearest point were all 3 votes."""
import warnings

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.analysis import classify, regress, training_set
from alphaearth_nb.core import LabelWarning
from alphaearth_nb.testing import embedding_from_array


def _map():
    "A 1 x 5 map: pixel 0 the query (angle 0), pixels 1, 2, 3 at angles 0.1, 0.2, 0.3 from it, pixel 4 far (1.5)."
    v = np.zeros((1, 5, 64), np.float32)
    for i, a in enumerate([0.0, 0.1, 0.2, 0.3, 1.5]):
        v[0, i, 0], v[0, i, 1] = np.cos(a), np.sin(a)
    return embedding_from_array(v)


def _table(e, copies):
    px = [1] * copies + [2, 3]
    return pd.DataFrame({"x": e.x.values[px], "y": float(e.y.values[0]), "label": ["A"] * copies + ["B", "B"],
                         "value": [1.0] * copies + [4.0, 4.0]})


@pytest.mark.parametrize("copies", [1, 3, 17])
def test_k3_votes_the_three_nearest_labelled_pixels_however_often_a_point_is_listed(copies):
    e = _map()
    t = _table(e, copies)
    with warnings.catch_warnings():
        warnings.filterwarnings("error", "(?s).*different labels")   # the same label repeated: silent, as before
        warnings.filterwarnings("ignore", "fewer labelled pixels than k")   # A has one pixel, however often listed
        out = classify(e, t, k=3)
    names = out["class"].attrs["class_names"]
    assert names[int(out["class"].values[0, 0])] == "B"   # by hand: pixels 1 (A), 2 (B), 3 (B) are nearest: B
    X, v = training_set(e, t)
    assert len(X) == 3 and sorted(v.tolist()) == ["A", "B", "B"]
    pred = regress(e, t, method="knn", k=3).values       # by hand: the mean of 1, 4, 4
    np.testing.assert_allclose(pred[0, 0], 3.0)


def test_different_labels_at_one_pixel_are_all_kept_and_warned():
    e = _map()
    t = pd.concat([_table(e, 2), _table(e, 1).iloc[:1].assign(label="C")])
    with pytest.warns(LabelWarning, match="different labels"):
        X, v = training_set(e, t)
    assert sorted(v.tolist()) == ["A", "B", "B", "C"]
