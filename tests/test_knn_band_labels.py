"A table of vectors is read by its band labels in every kNN entry point (knn.by_band), as linear probes read theirs."
import numpy as np
import pandas as pd

from alphaearth_nb.core import band_names
from alphaearth_nb.knn import by_band, knn_predict, knn_search
from alphaearth_nb.testing import random_unit


def _tables(n=30, seed=3):
    x = np.asarray(random_unit((n,), seed=seed), np.float64)   # (n, 64) unit rows
    df = pd.DataFrame(x, columns=band_names())
    sh = df.iloc[:, np.random.default_rng(seed).permutation(64)]
    return x, df, sh


def test_shuffled_columns_are_the_same_vectors():   # was: read by position, other neighbours and labels (main b6ca853)
    x, df, sh = _tables()
    y = np.arange(len(x)) % 3
    d0, i0 = knn_search(df, df, 1)
    d1, i1 = knn_search(df, sh, 1)
    assert (i0 == i1).all() and (i1[:, 0] == np.arange(len(x))).all()
    assert (knn_predict(df, y, sh, 1, 3)[0] == knn_predict(df, y, df, 1, 3)[0]).all()
    assert (knn_predict(sh, y, df, 1, 3)[0] == y).all()


def test_by_band_orders_labels_and_keeps_other_columns_after():
    x, df, sh = _tables(4)
    t = sh.assign(lon=1.0)[["lon", *sh.columns]]
    got = by_band(t)
    assert got.shape == (4, 65) and np.array_equal(got[:, :64], x) and (got[:, 64] == 1.0).all()
    assert np.array_equal(by_band(x), x)   # an array: by position


def test_tables_are_read_by_the_rule_every_query_reads_them():   # was: band_N labels read by position (main acf940f)
    from alphaearth_nb.gate import query_array
    x, df, _ = _tables(12)
    named = df.set_axis([f"band_{i + 1}" for i in range(64)], axis=1)   # rioxarray's band_as_variable names
    sh = named.iloc[:, np.random.default_rng(5).permutation(64)]
    assert np.array_equal(by_band(sh), x) and np.array_equal(by_band(sh), query_array(sh))
    assert (knn_search(df, sh, 1)[1][:, 0] == np.arange(len(x))).all()
    assert np.array_equal(by_band(df.assign(lon=1.0), others=False), x)   # other columns left out
