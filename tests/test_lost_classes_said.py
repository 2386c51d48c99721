"""A class every label of which lies on pixels without data is named with its label count wherever it vanishes, and a
score says what it does not count:
- `classify`/`training_set` (points or a raster): 'every label of class 2 (2 labels) lies there, so the model has no
  such class' (was 'class [2.0] had no other labels' for a raster's float ids, no count);
- `features.points_at` (the pairs `evaluate` scores): the lost class named (was: dropped silently, so a balanced
  accuracy over the pairs was over the other classes with no word);
- `metrics.balanced_accuracy` of predictions holding a class the truth never holds: not scored, said (sklearn's
  `balanced_accuracy_score` warns alike; was silent)."""
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import LabelWarning, NoDataWarning
from alphaearth_nb.features import points_at
from alphaearth_nb.labels import lost_classes
from alphaearth_nb.metrics import balanced_accuracy
from alphaearth_nb.supervised import training_set
from alphaearth_nb.testing import embedding_from_array, random_unit


def _emb():
    "A 6 x 6 map whose two north-west pixels hold no data."
    a = random_unit((6, 6), 0)
    a[0, :2] = np.nan
    return embedding_from_array(a)


def _raster(emb):
    "Class 2 on the two pixels without data, classes 0 and 1 on two pixels with data each (float ids, NaN unlabelled)."
    lab = xr.full_like(emb.isel(band=0, drop=True), np.nan).rename("label")
    for (r, c), v in {(0, 0): 2, (0, 1): 2, (3, 3): 0, (4, 4): 0, (5, 5): 1, (2, 2): 1}.items(): lab[r, c] = v
    return lab


def test_the_wording():
    assert lost_classes([2.0, 2.0, 0.0, 1.0], [False, False, True, True]) == "class 2 (2 labels)"
    assert lost_classes(["a", "b", "b", "c"], [False, False, False, True]) == "classes 'a' (1 label), 'b' (2 labels)"
    assert lost_classes([1, 1, 2], [False, True, True]) == ""   # class 1 keeps a label


@pytest.mark.parametrize("form", ["points", "raster"])
def test_training_names_the_class_and_its_labels(form):
    emb = _emb()
    lab = _raster(emb)
    if form == "points":
        r, c = np.nonzero(np.isfinite(lab.values))
        lab = pd.DataFrame({"x": emb.x.values[c], "y": emb.y.values[r], "label": lab.values[r, c].astype(int)})
    with pytest.warns(NoDataWarning, match=r"every label of class 2 \(2 labels\) lies there, so the model has no "
                                           r"such class"):
        X, y = training_set(emb, lab)
    assert sorted(set(y.tolist())) == [0, 1] and len(y) == 4


def test_points_at_names_the_class_no_pair_holds():
    emb = _emb()
    with pytest.warns(NoDataWarning, match=r"every labelled pixel of class 2 \(2 labels\) lies on a pixel without "
                                           r"features"):
        X, y = points_at(emb, _raster(emb))
    assert sorted(y.tolist()) == [0, 0, 1, 1]
    with warnings.catch_warnings():   # a class that keeps a pixel with data: nothing to say
        warnings.simplefilter("error", NoDataWarning)
        lab = _raster(emb); lab[1, 1] = 2
        assert sorted(points_at(emb, lab)[1].tolist()) == [0, 0, 1, 1, 2]


def test_a_predicted_class_the_truth_lacks_is_said():
    with pytest.warns(LabelWarning, match=r"y_pred holds class 2 \(1 predicted\) that y_true never holds"):
        got = balanced_accuracy([0, 0, 1, 1], [0, 2, 1, 1])
    assert got == pytest.approx((1 / 2 + 2 / 2) / 2)   # recalls 1/2 (class 0) and 2/2 (class 1)
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # no data (-1, a class map's) is no class: a miss, not said
        assert balanced_accuracy([0, 0, 1, 1], [0, -1, 1, 1]) == pytest.approx(0.75)
