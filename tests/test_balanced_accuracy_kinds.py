"evaluate.balanced_accuracy reads both sides by label identity ('1' is 1) and refuses names against numbers."
import warnings

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.analysis import classify
from alphaearth_nb.core import LabelError
from alphaearth_nb.evaluate import balanced_accuracy
from alphaearth_nb.testing import embedding_from_array, random_unit

# truth 0 0 0 1 1 2, prediction 0 1 0 1 1 0: recalls 2/3, 2/2, 0/1 -> (2/3 + 1 + 0) / 3 = 5/9
TRUE, PRED = np.array([0, 0, 0, 1, 1, 2]), np.array([0, 1, 0, 1, 1, 0])


@pytest.mark.parametrize("t, p", [(TRUE.astype(str), PRED),                       # truth from a CSV read as text
                                  (TRUE, PRED.astype(str)),
                                  (pd.Series(TRUE.astype(str), dtype="string"), PRED),
                                  (np.array([f"{v}.0" for v in TRUE], dtype=object), PRED.astype(np.int16)),
                                  (TRUE + 1101000000, (PRED + 1101000000).astype(str))])
def test_number_text_is_the_number(t, p):
    "Was 0.0 (text never equals an int); '1', 1 and 1.0 are one class 1 everywhere else in the package."
    assert balanced_accuracy(t, p) == pytest.approx(5 / 9)


@pytest.mark.parametrize("t, p", [(np.array(["crop", "crop", "water"]), np.array([0, 0, 1])),
                                  (np.array([0, 0, 1]), np.array(["crop", "crop", "water"], dtype=object)),
                                  (pd.Series(["crop", "crop", "water"], dtype="category"), np.array([0.0, 0.0, 1.0]))])
def test_names_against_numbers_are_refused(t, p):
    "Was 0.0 without a word: no name equals a class index."
    with pytest.raises(LabelError, match="class_names"):
        balanced_accuracy(t, p)


def test_a_named_class_map_scored_at_its_points():
    "classify with named classes gives indices into class_names; the error's fix names them and scores by hand."
    a = np.repeat(random_unit((2,), seed=7)[:, None], 3, axis=1)[None].repeat(2, 0)   # (2, 2x3, 64): west | east
    a = a.reshape(2, 6, 64)
    emb = embedding_from_array(a)
    pts = pd.DataFrame({"x": emb.x.values[[0, 5]], "y": emb.y.values[[0, 0]], "label": ["crop", "water"]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cls = classify(emb, pts, k=1)["class"]
    truth = np.array(["crop"] * 3 + ["water"] * 3 + ["water"])     # the last one is wrong: a west pixel called water
    pred = np.r_[cls.values[1, :6], cls.values[1, 0]]
    with pytest.raises(LabelError, match="class_names"):
        balanced_accuracy(truth, pred)
    assert balanced_accuracy(truth, np.asarray(cls.attrs["class_names"])[pred]) == pytest.approx((1 + 3 / 4) / 2)


@pytest.mark.parametrize("t", [np.array([0, 0, -1, 1, -1]), np.array(["a", "a", "", "b", " "], dtype=object)])
def test_unlabelled_truth_is_refused(t):
    "A label raster's -1 (and an empty name) was scored as one more class: recall of 'no data' predictions."
    p = np.array([0, 1, -1, 1, 0]) if t.dtype.kind == "i" else np.array(["a", "b", "", "b", "a"], dtype=object)
    with pytest.raises(LabelError, match="no class to score"):
        balanced_accuracy(t, p)
    keep = t != -1 if t.dtype.kind == "i" else np.char.strip(t.astype(str)) != ""
    assert balanced_accuracy(t[keep], p[keep]) == pytest.approx((1 / 2 + 1) / 2)   # by hand: class 0 1 of 2, class 1 1 of 1
