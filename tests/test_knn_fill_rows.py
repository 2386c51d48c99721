"Field case A3 for tables: rows of one value in every band (all 0, 64 x -9999) are never a kNN training vector."

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import LabelError, NoValidDataError, band_names
from alphaearth_nb.knn import fill_rows, knn_indices, knn_predict, knn_search
from alphaearth_nb.testing import random_unit


def table(fill, rows=(0, 7, 9), n=40, seed=0):
    v = random_unit((n,), seed).astype(np.float32)
    v[list(rows)] = fill
    return pd.DataFrame(v, columns=band_names())


@pytest.mark.parametrize("fill", [0.0, -9999.0])
def test_fill_rows_are_refused_as_training_vectors(fill):
    train, q = table(fill), random_unit((5,), 3).astype(np.float32)
    # a zero row lies at distance 1 from every unit vector, nearer than most: it was every random query's neighbour
    for fn in (lambda: knn_search(train, q, k=1), lambda: knn_indices(train, q, k=1),
               lambda: knn_predict(train, np.arange(40) % 3, q, k=1, n_classes=3),
               lambda: knn_search(train.to_numpy(), q, k=1)):
        with pytest.raises(LabelError, match="3 of 40 training rows.*one value in every"): fn()
    with pytest.raises(NoValidDataError, match="1 of 2 query rows.*one value in every"):
        knn_search(table(0.0, rows=()), np.stack([q[0], np.zeros(64, np.float32)]), k=1)


def test_constant_rows_of_a_baseline_stay():
    x = np.random.default_rng(0).normal(size=(30, 64)).astype(np.float32) * 5   # not embeddings: no fill rule
    x[3] = 0.0
    d, i = knn_search(x, x[:4], k=1)
    np.testing.assert_array_equal(i.ravel(), [0, 1, 2, 3])


def test_fill_rows_reads_every_band_of_rows_whose_first_bands_agree():
    "fill_rows screens on two bands, then reads all 64 of those rows: rows agreeing in 2 or 63 bands are data."
    y = np.random.default_rng(0).standard_normal((200, 64)).astype(np.float32)
    y[9, 1] = y[9, 0]; y[15, :63] = y[15, 0]; y[13, :] = 0.125; y[13, 40] = -0.125
    y /= np.linalg.norm(y, axis=1, keepdims=True)
    y[5], y[7], y[11] = 0, -9999, np.nan
    assert np.flatnonzero(fill_rows(y)).tolist() == [5, 7]
    assert np.array_equal(fill_rows(y), (y == y[:, :1]).all(1))


def test_fill_rows_is_a_gate_rule_knn_reexports():
    # the rule lives in `rows` (split from the map gate it mirrors, session 38), re-exported by gate and read by knn
    # and linear from there; knn.fill_rows stays
    from alphaearth_nb import gate, knn, linear
    assert knn.fill_rows is gate.fill_rows is linear.fill_rows and "fill_rows" in knn.__all__
    assert gate.fill_rows.__module__ == "alphaearth_nb.rows"
