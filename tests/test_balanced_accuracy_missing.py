"evaluate.balanced_accuracy: by hand over the classes present, and a missing true label is refused, never a class."
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import LabelError
from alphaearth_nb.evaluate import balanced_accuracy


def test_by_hand_over_the_classes_present():
    "Class 2 is predicted but absent from the truth: recalls 1/2 (class 0) and 2/3 (class 1), mean 7/12."
    yt, yp = np.array([0, 0, 1, 1, 1]), np.array([0, 2, 1, 0, 1])
    for t, p in ((yt, yp), (pd.array(yt, dtype="Int64"), pd.array(yp, dtype="Int64")),
                 (np.array(["a", "a", "b", "b", "b"]), np.array(["a", "c", "b", "a", "b"])),
                 (yt + 4102000000, yp + 4102000000)):
        assert balanced_accuracy(t, p) == pytest.approx(7 / 12)


@pytest.mark.parametrize("missing", [pd.array([0, 0, 1, None], dtype="Int64"), np.array([0.0, 0.0, 1.0, np.nan]),
                                     np.array(["a", "a", "b", None], dtype=object)])
def test_a_missing_true_label_is_refused(missing):
    "NA among the true labels was one more class of recall 0: 0.667 for 3 of 4 right. Right: LabelError naming it."
    with pytest.raises(LabelError, match="missing"):
        balanced_accuracy(missing, np.array([0, 0, 1, 1]) if missing.dtype != object else np.array(["a", "a", "b", "b"]))
