"""Vectors of another length than those they meet (a 63-band query against 64-band vectors) are refused naming both
counts and the fix (the same embedding model, the A00..A63 columns), not with advice to reshape, which cannot fix it;
a query's shape is reported as passed ((4,), was (1, 4)). Found by session 27's hunt (knn.py's message)."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.analysis import similarity
from alphaearth_nb.core import DimensionError
from alphaearth_nb.index import exact_search, vectors_of
from alphaearth_nb.knn import knn_indices, knn_predict, knn_search

RNG = np.random.default_rng(0)
T = RNG.standard_normal((50, 64)).astype(np.float32)
T /= np.linalg.norm(T, axis=1, keepdims=True)
Q = T[:5, :63].copy()   # a column dropped
Q2 = 2 * Q   # the same, rows not near unit length: knn's length words (unit rows 63 wide: bands.near_embedding's)


def both_counts(f, got, want):
    with pytest.raises(DimensionError) as e: f()
    msg = str(e.value)
    assert f"of {got} values against" in msg and f"of {want}:" in msg, msg
    assert "A00..A63" in msg and "same embedding model" in msg, msg
    assert "x.reshape(" not in msg and "a.reshape(" not in msg, msg   # no reshape advice
    return msg


@pytest.mark.parametrize("f", [lambda: knn_search(T, Q2, 1), lambda: knn_indices(T, Q2, 3),
                               lambda: knn_predict(T, np.arange(50) % 3, Q2, 1, 3)])
def test_knn_rows(f):
    assert both_counts(f, 63, 64).startswith("query rows")


def test_knn_one_query_and_generic_features():
    assert both_counts(lambda: knn_search(T, Q2[0], 1), 63, 64).startswith("a query vector")
    both_counts(lambda: knn_search(T[:, :3], T[:4, :2], 1), 2, 3)   # generic features too
    with pytest.raises(DimensionError, match="reshape"): knn_search(T, T[:4].reshape(4, 8, 8), 1)   # a shape: reshape


def test_exact_search():
    assert both_counts(lambda: exact_search(T, Q, 2), 63, 64).startswith("query rows")
    assert both_counts(lambda: exact_search(T, Q[0], 2), 63, 64).startswith("a query vector")
    msg = both_counts(lambda: exact_search(T, np.ones(4, np.float32), 2), 4, 64)
    assert "(1, 4)" not in msg
    both_counts(lambda: exact_search(T[:, :63], T[0], 2), 63, 64)   # the vectors' side (was numpy's broadcast error)
    with pytest.raises(DimensionError, match=r"got shape \(2, 2, 64\)"): exact_search(T, T[:4].reshape(2, 2, 64), 1)


def test_index_vectors():
    both_counts(lambda: vectors_of(T[:, :63]), 63, 64)


def test_vector_index_search():
    pytest.importorskip("usearch", reason="VectorIndex needs usearch (the retrieval extra)")
    from alphaearth_nb.index import build
    ix = build(T)
    both_counts(lambda: ix.search(Q[0], 1), 63, 64)
    both_counts(lambda: ix.search(Q, 1), 63, 64)
    assert ix.search(T[0], 1).ids[0] == 0


def test_similarity():
    emb = xr.DataArray(np.tile(T[:20].reshape(4, 5, 64), 1), dims=("y", "x", "band"),
                       coords={"y": np.arange(4.0)[::-1], "x": np.arange(5.0), "band": [f"A{i:02d}" for i in range(64)]})
    with pytest.raises(DimensionError) as e: similarity(emb, Q[0])
    msg = str(e.value)   # its own words (a point (x, y) is a query too), both counts and the fix
    assert "got 63 values of float32 against the map's vectors of 64" in msg and "A00..A63" in msg, msg
    assert "embedding model" in msg and "reshape(" not in msg, msg
    assert float(similarity(emb, T[0]).max()) == pytest.approx(1.0)
