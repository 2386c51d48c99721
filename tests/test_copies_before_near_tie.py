"""kNN exactness where copies of the k-th candidate stand between it and a near-tie (hunt, session 29, kind D).

Found by fuzzing `knn_search` against a float64 NumPy brute force on near-duplicate rows (rows, their copies and
rows 1e-7 off, float32): row 2 is nearer in float64 (0.70956246) than rows 0 and 1 (copies, 0.70956253), but the
float32 direct sums put it one unit in the last place after them. The near-tie check compared neighbouring
candidates among the first k + 1 only, and skipped copies, so the pair (copy, row 2) was never compared: k = 1
returned row 0 (knn_search, knn_indices, knn_predict alike)."""
import numpy as np
import pytest

from alphaearth_nb.knn import knn_indices, knn_predict, knn_search

Q = np.array([1.1197582, 1.4174901, -0.14695261], np.float32)
A = np.array([0.3911814, 1.3557253, 0.27128586], np.float32)   # rows 0 and 1 (copies)
C = np.array([0.3911815, 1.3557254, 0.27128595], np.float32)   # float64-nearer than A, float32 sum one ulp farther


def _ref(tx, q, k):
    d = ((tx.astype(np.float64) - q.astype(np.float64)) ** 2).sum(1)
    return np.lexsort((np.arange(len(tx)), d))[:k]   # float64 brute force, ties to the lower index


@pytest.mark.parametrize("copies", [2, 3, 5])
def test_a_near_tie_past_the_copies_of_the_kth_is_found(copies):
    tx = np.stack([A] * copies + [C])
    d64 = ((tx.astype(np.float64) - Q.astype(np.float64)) ** 2).sum(1)
    assert d64[-1] < d64[0]                                      # the fixture: C is nearer in float64
    assert ((tx - Q) ** 2).sum(1, dtype=np.float32)[-1] >= ((tx - Q) ** 2).sum(1, dtype=np.float32)[0]  # not in float32
    for k in (1, 2):
        want = _ref(tx, Q, k)
        d, i = knn_search(tx, Q[None], k, codes=False)
        np.testing.assert_array_equal(i[0], want)
        np.testing.assert_array_equal(knn_indices(tx, Q[None], k, codes=False)[0], want)
        np.testing.assert_allclose(d[0], d64[want], rtol=2**-23)
    y = np.r_[np.zeros(copies, int), 1]
    assert knn_predict(tx, y, Q[None], 1, 2)[0][0] == 1          # classify(k=1) gives the nearer row's class


def test_among_other_rows_and_blocks():   # the same trio inside a larger training set, several blocks
    rng = np.random.default_rng(0)
    tx = np.concatenate([rng.normal(size=(100, 3)).astype(np.float32) + 5, [A, A, A, C]])
    for chunk in (16, 8192):
        _, i = knn_search(tx, Q[None], 1, codes=False, train_chunk=chunk)
        assert i[0, 0] == 103
