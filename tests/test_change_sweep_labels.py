"evaluate.change_threshold_sweep: the lowest threshold on ties with every observed score too, and labels read as labels."
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import LabelError
from alphaearth_nb.evaluate import change_threshold_sweep


def _pairs(ds):
    "Unit pairs (N, 64) whose paper score d = (1 - cos) / 2 is each of `ds`."
    th = np.arccos(1 - 2 * np.asarray(ds, np.float64))
    e1 = np.zeros((len(ds), 64)); e1[:, 0] = 1
    e2 = np.zeros((len(ds), 64)); e2[:, 0], e2[:, 1] = np.cos(th), np.sin(th)
    return e1, e2

# d 0.9 (changed), 0.6 (same), 0.3 (changed), 0.1 (same): 'changed' at d >= 0.9 and at d >= 0.3 both score
# (TPR + TNR) / 2 = (1/2 + 1) / 2 = (1 + 1/2) / 2 = 0.75, the best; lowest on ties: the one at 0.3
E1, E2 = _pairs([0.9, 0.6, 0.3, 0.1])
LAB = np.array([1, 0, 1, 0])


def test_every_observed_score_ties_to_the_lowest():
    "Was 0.9, the highest, while the docstring (and the grid) say lowest on ties."
    r = change_threshold_sweep(E1, E2, LAB, thresholds=None)
    assert r["balanced_accuracy"] == pytest.approx(0.75)
    assert r["threshold"] == pytest.approx(0.3) and (r["tpr"], r["tnr"]) == (1.0, 0.5)
    g = change_threshold_sweep(E1, E2, LAB, thresholds=(0.2, 0.5, 0.7))   # the grid: 0.2 and 0.7 tie at 0.75
    assert g["threshold"] == 0.2 and (g["tpr"], g["tnr"]) == (1.0, 0.5)


@pytest.mark.parametrize("lab", [LAB.astype(str), LAB.astype(bool), pd.Series(LAB.astype(bool), dtype="boolean")])
def test_labels_in_other_forms(lab):
    "'0'/'1' from a CSV read as text were 'must be binary'; they are 0 and 1."
    assert change_threshold_sweep(E1, E2, lab, thresholds=None)["threshold"] == pytest.approx(0.3)


@pytest.mark.parametrize("lab", [pd.array([1, 0, None, 0], dtype="Int64"), pd.array([True, False, None, False],
                                                                                        dtype="boolean")])
def test_missing_labels_are_named(lab):
    "Was 'change labels must be binary (0 = same, 1 = changed)' for a pandas NA."
    with pytest.raises(LabelError, match="missing"):
        change_threshold_sweep(E1, E2, lab)
