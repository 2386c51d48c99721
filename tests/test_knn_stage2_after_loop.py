"""kNN's indices-only first round (`knn_indices`, `knn_predict`) runs each query block's product and what reads it
(`knn_select.block_front`: group minima, the first stage's passes, the gather of the best groups) in the call's loop,
and the second stage and the certificate (`block_back`, `_by_products`) once over all the call's blocks, so their
thunks' fixed costs are paid once a call, not once a block (1.02-1.06x less CPU, benchmarks/NOTES.md "Session 43 kNN").
Was: `block_candidates` whole inside the loop, every block (no `block_front` / `block_back`)."""
import jax.numpy as jnp
import numpy as np
import pytest

from alphaearth_nb import knn
from alphaearth_nb.knn_select import block_back, block_candidates, block_front


@pytest.mark.parametrize("c,kc", [(1024, 1), (1024, 3), (1024, 6), (64, 3), (32, 2), (32, 3), (16, 1), (8, 3), (4, 4)])
def test_front_then_back_is_block_candidates(c, kc):
    rng = np.random.default_rng(c + kc)
    d = np.round(rng.standard_normal((c, 96)), 1).astype(np.float32)   # rounded: many exact ties
    d[:, 0] = 0.0                                                         # a column of one value
    d[3, 1], d[c - 1, 2] = -np.inf, np.inf
    want = [np.asarray(a) for a in block_candidates(jnp.asarray(d), kc)]
    got = [np.asarray(a) for a in block_back(block_front(jnp.asarray(d), kc), kc, c)]
    for w, g in zip(want, got): np.testing.assert_array_equal(w, g)
    rows, vals, lb = want
    np.testing.assert_array_equal(np.take_along_axis(d, rows, 0), vals)   # the values of the rows named
    if kc < c: assert (lb <= np.sort(d, 0)[kc]).all()                     # at most the (kc + 1)-th smallest


@pytest.mark.parametrize("k,kc,chunk", [(1, 1, 8192), (3, 3, 8192), (3, 6, 8192), (1, 1, 256), (3, 3, 256)])
def test_call_of_blocks_is_each_block(k, kc, chunk):
    "`_knn_blocks(direct=False)` (the back half over all blocks at once) answers as `_knn_block` does block by block."
    rng = np.random.default_rng(k * 7 + kc)
    tx = rng.standard_normal((700, 16)).astype(np.float32)
    tx[5] = tx[9]                                                         # an exact copy
    qx = np.concatenate([rng.standard_normal((2 * 128 - 2, 16)).astype(np.float32), tx[[5, 100]]])
    *args, c = knn._train_blocks(tx, chunk)
    args += [jnp.int32(len(tx)), jnp.float32(0.0)]
    assert args[0].shape[0] == (1 if chunk == 8192 else 3)
    got = [np.asarray(a) for a in knn._knn_blocks(jnp.asarray(qx.reshape(2, 128, 16)), *args, k=k, kc=kc, direct=False)]
    for b in range(2):
        want = knn._knn_block(jnp.asarray(qx[128 * b:128 * (b + 1)]), *args, k=k, kc=kc, direct=False)
        for w, g in zip(want, got): np.testing.assert_array_equal(np.asarray(w), g[b])
    assert got[1][1, -2, 0] == 5 and got[1][1, -1, 0] == 100               # a training row's copy: the first


def test_predict_matches_float64_across_calls():
    "Enough queries for `CALL_BLOCKS`-block calls: `knn_predict` k = 1 and 3 equal a float64 brute force's vote."
    rng = np.random.default_rng(3)
    tx = rng.standard_normal((300, 8)).astype(np.float32)
    ty = rng.integers(0, 4, 300)
    qx = rng.standard_normal((2 * knn.CALL_BLOCKS * 256 * knn._workers() + 37, 8)).astype(np.float32)
    d = ((qx[:, None].astype(np.float64) - tx[None].astype(np.float64)) ** 2).sum(-1)
    nn = np.argsort(d, 1, kind="stable")
    for k in (1, 3):
        pred, frac = knn.knn_predict(tx, ty, qx, k, 4)
        wp, wf = knn.knn_vote(ty[nn[:, :k]], 4)
        np.testing.assert_array_equal(pred, wp)
        np.testing.assert_array_equal(frac, wf)
