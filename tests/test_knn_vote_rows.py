"""knn_predict votes from the neighbours' rows (`vote.knn_vote_rows`): each query's row of the vote table is numbered
straight from its training rows (`np.take` of per-rank label tables), not from `train_y[idx]` (Q, k) first; the same
classes and fractions bit for bit as `knn_vote(y[idx])`. Its search reads the queries' rows of one value once
(`_one_value`, shared by `_vectors`' fill check and `_fill_queries`) and makes no contiguous copy of distances that
`knn_indices` does not return. 1M queries x 1k: the vote 10 against 16 ms (k = 1), 19 against 38 (k = 3); see
benchmarks/NOTES.md "Session 44 kNN". Was: `knn_vote(train_y[idx])` with fancy indexing, two passes over the
queries' first two columns, the distances copied and dropped."""
import numpy as np
import pytest

from alphaearth_nb import knn, vote
from alphaearth_nb.core import DimensionError, LabelError, NoValidDataError


@pytest.mark.parametrize("table", [0, 4096])
@pytest.mark.parametrize("dtype", [np.int64, np.uint8, np.int32])
def test_vote_of_rows_is_the_vote_of_their_labels(table, dtype, monkeypatch):
    monkeypatch.setattr(vote, "VOTE_TABLE", table)   # 0: the slices; 4096: the table up to C^k = 4,096
    rng = np.random.default_rng(1)
    for c, k in ((9, 1), (9, 3), (4, 2), (4, 6), (3, 7), (200, 1)):
        y = rng.integers(0, c, 300).astype(dtype)
        rows = rng.integers(0, 300, (1000, k)).astype(np.int32)
        pred, frac = vote.knn_vote_rows(rows, y, c)
        want = vote.knn_vote(y[rows], c)
        assert pred.dtype == want[0].dtype == np.int32 and frac.dtype == want[1].dtype == np.float32
        np.testing.assert_array_equal(pred, want[0])
        np.testing.assert_array_equal(frac, want[1])
        assert frac.flags.c_contiguous and frac.flags.writeable and pred.flags.writeable
    pred, frac = vote.knn_vote_rows(np.zeros((0, 3), np.int32), np.array([0, 1]), 2)
    assert pred.shape == (0,) and frac.shape == (0, 2)


def test_vote_of_rows_refusals():
    y = np.array([0, 1, 2, 1])
    with pytest.raises(LabelError, match=r"row indices 0\.\.3"): vote.knn_vote_rows(np.array([[0, 4]]), y, 3)
    with pytest.raises(LabelError, match=r"row indices 0\.\.3"): vote.knn_vote_rows(np.array([[-1, 0]]), y, 3)
    with pytest.raises(LabelError, match="row indices"): vote.knn_vote_rows(np.array([[0.0, 1.0]]), y, 3)
    with pytest.raises(LabelError, match="whole class indices"): vote.knn_vote_rows(np.array([[0, 1]]), y + 0.5, 3)
    with pytest.raises(LabelError, match=r"0\.\.1"): vote.knn_vote_rows(np.array([[0, 1]]), y, 2)
    with pytest.raises(DimensionError, match=r"\(Q, k\)"): vote.knn_vote_rows(np.array([0, 1]), y, 3)
    with pytest.raises(DimensionError, match=r"\(N,\)"): vote.knn_vote_rows(np.array([[0, 1]]), y[:, None], 3)


def test_knn_predict_votes_from_rows(monkeypatch):
    rng = np.random.default_rng(2)
    tx, ty, q = rng.normal(size=(80, 64)), rng.integers(0, 5, 80), rng.normal(size=(60, 64))
    seen = []
    monkeypatch.setattr(knn, "knn_vote_rows", lambda r, y, c, f=vote.knn_vote_rows: seen.append((r.shape, y is ty)) or f(r, y, c))
    for k in (1, 3):
        pred, frac = knn.knn_predict(tx, ty, q, k, 5)
        want = vote.knn_vote(ty[knn.knn_indices(tx, q, k)], 5)
        np.testing.assert_array_equal(pred, want[0]); np.testing.assert_array_equal(frac, want[1])
    assert seen == [((60, 1), True), ((60, 3), True)]


def test_queries_rows_of_one_value_read_once(monkeypatch):
    rng = np.random.default_rng(3)
    tx = rng.normal(size=(50, 64)).astype(np.float32)
    q = rng.normal(size=(40, 64)).astype(np.float32)
    tx /= np.linalg.norm(tx, axis=1, keepdims=True); q /= np.linalg.norm(q, axis=1, keepdims=True)
    calls = []
    monkeypatch.setattr(knn, "_one_value", lambda x, f=knn._one_value: calls.append(len(x)) or f(x))
    want = knn.knn_indices(tx, q, 2)
    assert calls.count(40) == 1, calls   # `_vectors`' fill check; `_fill_queries` takes its rows
    q[3] = 0.0   # a fill row among the queries: still refused, as before
    with pytest.raises(NoValidDataError, match="1 of 40 query rows"): knn.knn_indices(tx, q, 2)
    q64 = q.astype(np.float64); q64[3] = q64[4]   # float64 queries: cast for the search, their rows read again there
    calls.clear()
    np.testing.assert_array_equal(knn.knn_indices(tx, q64, 2)[:3], want[:3])
    assert calls.count(40) == 2


def test_indices_only_search_keeps_no_distances():
    rng = np.random.default_rng(4)
    tx, q = rng.normal(size=(30, 8)).astype(np.float32), rng.normal(size=(20, 8)).astype(np.float32)
    dist, idx = knn._knn(tx, q, 3, direct=False)
    assert dist is None and idx.flags.c_contiguous and idx.shape == (20, 3)
    assert knn._knn(tx, q[0], 3, direct=False)[0] is None
    np.testing.assert_array_equal(idx, knn.knn_search(tx, q, 3)[1])
