"""One rule for what class a label names (labels.label_values): text that reads as a number is that number, so
'1', '01', '1.0' and 1 are one class 1, in classify, training_set, points_at, encode_labels and evaluate alike;
other text is a name. On main '1.0' and '1' were two classes (and 1 with '1.0' an error)."""
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.analysis import classify, training_set
from alphaearth_nb.core import LabelWarning
from alphaearth_nb.evaluate import encode_labels, evaluate_embeddings, points_at
from alphaearth_nb.labels import labelled_cells
from alphaearth_nb.testing import random_unit


def test_encode_labels_number_texts_are_one_class():
    # '1.0', '1', ' 01' all read 1; '2' and '2.5e0'... here '2' and '2.0' read 2: two classes, ids 1 and 2
    with pytest.warns(LabelWarning, match="'1' and '1.0'"):
        classes, idx = encode_labels(np.array(["1.0", "1", "2", "2.0", "1"]))
    assert classes.tolist() == [1, 2] and idx.tolist() == [0, 0, 1, 1, 0]
    classes, idx = encode_labels(np.array([1, "1.0", 2], object))     # a number and number text: one class
    assert classes.tolist() == [1, 2] and idx.tolist() == [0, 0, 1]
    classes, idx = encode_labels(np.array(["b", "a", "b"]))            # names stay names
    assert classes.tolist() == ["a", "b"] and idx.tolist() == [1, 0, 1]


def test_classify_table_with_float_texts(two_blobs):
    e, truth = two_blobs
    # one point per class written '1' / '1.0' and '2' / '2.0': two classes, 1 on the left and 2 on the right
    df = pd.DataFrame({"x": e.x.values[[0, 1, 2, 3]], "y": e.y.values[[0, 3, 0, 3]],
                       "label": ["1", "1.0", "2", "2.0"]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        for method in ("knn", "linear"):
            ds = classify(e, df, method=method, k=1)
            assert sorted(ds.classes.values.tolist()) == [1, 2]
            np.testing.assert_array_equal(ds["class"].values, truth + 1)


def test_text_raster_through_training_set_and_points_at(two_blobs):
    e, truth = two_blobs
    lab = np.full((4, 4), "", object)
    lab[0, 0], lab[1, 0], lab[0, 3], lab[1, 3] = "01", "1.0", "2", " 2 "
    lab = xr.DataArray(lab, dims=("y", "x"), coords={"y": e.y, "x": e.x})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        _, v = training_set(e, lab)
        _, w = points_at(e, lab)
    assert sorted(v.tolist()) == [1, 1, 2, 2] and sorted(w.tolist()) == [1, 1, 2, 2]
    # and evaluate reads the same two classes
    x = np.repeat(random_unit((2,), seed=5), 6, 0)
    res = evaluate_embeddings(x, np.array(["1", "1.0", "01"] * 2 + ["2", "2.0", " 2"] * 2, object),
                              shots=[1], folds=2, methods=["knn1"], seed=0)
    assert res["balanced_accuracy"].min() == 1.0


def test_text_cells_compared_by_number():
    # declared no-data 0 marks '0.0' as it marks '0'; '-1.0' is negative like '-1'
    r = xr.DataArray(np.array(["1", "0.0", "-1.0", "2.0", "0"]), dims="x", attrs={"nodata": 0})
    assert labelled_cells(r).tolist() == [True, False, False, True, False]
    assert labelled_cells(r, positive=False).tolist() == [True, False, True, True, False]


@pytest.mark.parametrize("cells", [[["1", " 01", ""], ["-1", "2.0", "0"]], [["a", "b", ""], ["-1", "a", "0"]],
                                   [[1.0, np.nan, 3.0], [-1.0, 2.0, 0.0]], [[b"1", b"2", b""], [b"-1", b"x", b"0"]]])
def test_labelled_values_is_labelled_cells_then_label_values(cells):   # one parse of the text, the same answer
    from alphaearth_nb.labels import label_values, labelled_values
    r = xr.DataArray(np.array(cells), dims=("y", "x"), attrs={"nodata": 0})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        keep, vals = labelled_values(r)
        want = label_values(r.values[labelled_cells(r)])
    np.testing.assert_array_equal(keep, labelled_cells(r))
    assert vals.dtype == want.dtype and vals.tolist() == want.tolist()
