"""Shots levels (`evaluate_embeddings(shots=)`, `nshot_split`) and training sizes (`evaluate_regression(n_train=)`)
read by one rule, `evaluate.as_levels`: whole numbers >= 1 (numpy's ints, 10.0) and/or 'max'; text, bools,
fractions, a level given twice refused, and a `folds` dict naming a level not asked refused (it was ignored)."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import ConfigError
from alphaearth_nb.evaluate import as_levels, evaluate_embeddings, evaluate_regression, nshot_split
from alphaearth_nb.testing import random_unit

X = random_unit((60,), 0)
Y = np.repeat([0, 1, 2], 20)
KW = dict(folds=3, methods=("knn1",), seed=0)


def test_numpy_and_float_levels_read_as_the_ints_they_are():
    "shots=np.int64(10) raised numpy's TypeError ('numpy.int64' object is not iterable); 10.0 a LabelError."
    want = evaluate_embeddings(X, Y, shots=(1, 10), **KW)
    for shots in [(np.int64(1), np.int64(10)), (1.0, 10.0), np.array([1, 10]), [np.int32(1), 10]]:
        got = evaluate_embeddings(X, Y, shots=shots, **KW)
        pd.testing.assert_frame_equal(got, want)
        assert [type(s) for s in got.shots] == [int, int]
    pd.testing.assert_frame_equal(evaluate_embeddings(X, Y, shots=np.int64(10), **KW),
                                  evaluate_embeddings(X, Y, shots=10, **KW))
    np.testing.assert_array_equal(nshot_split(Y, 10.0, seed=2)[0], nshot_split(Y, 10, seed=2)[0])
    assert as_levels(("max", np.int64(3))) == ("max", 3)


@pytest.mark.parametrize("shots", [True, "10", ("1", "10"), 10.5, 0, -1, (1, 1), (), {1, 10}, None])
def test_odd_shots_refused_naming_the_setting(shots):
    "shots=True ran 1-shot labelled True; 10.5 raised TypeError; (1, 1) ran the level twice; () gave an empty table."
    with pytest.raises(ConfigError, match=r"^shots.*: pass .*shots=\(1"):   # a valid example: (1, 10, 'max'), (1,)
        evaluate_embeddings(X, Y, shots=shots, **KW)


@pytest.mark.parametrize("folds", [{"1": 2}, {5: 2}, {1: 2, "max": 2}])
def test_folds_for_a_level_not_asked_refused(folds):
    "folds={'1': 2} with shots=(1, 10): the key matched no level and 1-shot ran the paper's 1000 folds, silently."
    with pytest.raises(ConfigError, match="folds"):
        evaluate_embeddings(X, Y, shots=(1, 10), folds=folds, methods=("knn1",))


def test_folds_keys_read_by_the_same_rule():
    got = evaluate_embeddings(X, Y, shots=(1, 10), folds={np.int64(1): 2, 10.0: 3}, methods=("knn1",))
    assert got.folds.tolist() == [2, 3]


def test_regression_sizes_by_the_same_rule():
    "n_train=10.5 trained on 10 points and n_train='10' (text) was read as 10, silently; np.int64(10): TypeError."
    x, t = random_unit((80,), 1), np.linspace(0, 1, 80)
    want = evaluate_regression(x, t, n_train=(10,), folds=2, methods=("knn1",))
    pd.testing.assert_frame_equal(evaluate_regression(x, t, n_train=np.int64(10), folds=2, methods=("knn1",)), want)
    for bad in [10.5, "10", True, (10, 10)]:
        with pytest.raises(ConfigError, match="n_train"):
            evaluate_regression(x, t, n_train=bad, folds=2, methods=("knn1",))
