"""Field case A's gate for queries of the kNN engine: a query row of one value in every one of 64 columns (64 x 0, an
export's fill; 64 x 2147483647, a reader's integer mask in float bands) searched against embeddings was answered
(distance 1.0 from every unit vector, the neighbour whichever row came first; 2.95e20 for the mask), while the same
row on the training side is refused (`fill_rows`) and an int8 query of -128 or all zero is refused as no data. Right:
`NoValidDataError` naming the fill, as for a NaN query, at every door (knn_search, knn_indices, knn_predict); a
constant row among features that are no embeddings (counts, a baseline) is a query as before."""
import re

import numpy as np
import pytest

from alphaearth_nb.core import NoValidDataError
from alphaearth_nb.knn import knn_indices, knn_predict, knn_search
from alphaearth_nb.testing import random_unit

T = random_unit((30,), seed=4)
Y = np.arange(30) % 3


@pytest.mark.parametrize("fill", [0.0, 2147483647.0, -9999.0])
def test_fill_queries_are_no_data(fill):
    q = np.concatenate([T[:2], np.full((1, 64), fill, np.float32)])
    for door in (lambda: knn_search(T, q, 1), lambda: knn_indices(T, q, 2), lambda: knn_predict(T, Y, q, 1, 3),
                 lambda: knn_search(T, q[2], 1)):   # one query vector (64,) too
        with pytest.raises(NoValidDataError, match=r"1 of \d query rows have one value in every feature \(" + re.escape(f"64 x {fill:g})")):
            door()


def test_sound_queries_and_other_features_unchanged():
    d, i = knn_search(T, T[[5, 7]], 1)
    assert i[:, 0].tolist() == [5, 7] and np.allclose(d[:, 0], 0)
    counts = np.random.default_rng(0).integers(0, 50, (20, 64)).astype(np.float32)   # not embeddings: any row a query
    d, i = knn_search(counts, np.full((1, 64), 3.0, np.float32), 1)
    want = ((counts - 3.0) ** 2).sum(1).argmin()
    assert i[0, 0] == want
