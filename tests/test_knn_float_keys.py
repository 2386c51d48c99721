"""The selection's `min` passes run on float32 keys (the value, its low bits the row), which XLA:CPU hands to
YNNPACK's vectorized reduction; int32 keys went to XLA's own reduction, in windows of 32 rows with a scalar load per
element (about 25 ns a query for each pass over 64 group minima against 8). Keys stay normal floats, since XLA:CPU
flushes subnormals to zero: equal-to-zero keys would all compare equal and one pass would drop several rows."""
import re

import jax
import jax.numpy as jnp
import numpy as np
import pytest

from alphaearth_nb import knn
from alphaearth_nb.knn_select import block_candidates


def _compiled(k: int, n: int = 1000) -> str:
    "The indices-only block of 256 queries (`query_chunk`): XLA:CPU gives smaller float reductions no YNNPACK call."
    rng = np.random.default_rng(0)
    tx = rng.standard_normal((n, 64)).astype(np.float32)
    *args, c = knn._train_blocks(tx, 8192)
    args += [jnp.int32(len(tx)), jnp.float32(0.0)]
    return knn._knn_block.lower(jnp.zeros((256, 64), jnp.float32), *args, k=k, kc=k, direct=False).compile().as_text()


@pytest.mark.skipif(jax.default_backend() != "cpu", reason="XLA:CPU's reductions")
@pytest.mark.parametrize("k", [1, 3, 6])
def test_no_integer_reduction_in_the_passes(k):
    text = _compiled(k)
    assert "reduce-window" not in text
    assert not re.findall(r"= s32\[\d+\]\{0\} reduce\(", text)


@pytest.mark.parametrize("kc", [1, 3, 5])
def test_zero_and_subnormal_values_each_picked(kc):
    "Rows at exactly 0 (and subnormal values, which XLA:CPU flushes to 0) are separate candidates, none dropped."
    d = np.ones((256, 3), np.float32)
    zero = [3, 7, 9, 200, 201]
    d[zero, 0] = 0.0
    d[zero, 1] = [1e-40, -1e-40, 0.0, 3e-39, -0.0]
    d[[5, 40, 41, 90, 91], 2] = [-2.0, -1e-39, 0.0, 1e-39, 2e-45]
    rows, vals, lb = (np.asarray(a) for a in block_candidates(jnp.asarray(d), kc))
    assert rows[:, 0].tolist() == zero[:kc]                            # equal values: the lower rows first
    assert len(set(rows[:, 1])) == kc and set(rows[:, 1]) <= set(zero)
    assert rows[0, 2] == 5 and len(set(rows[:, 2])) == kc and set(rows[:, 2]) <= {5, 40, 41, 90, 91}
    nxt = np.sort(d, 0)[kc]
    assert (lb <= nxt).all() and (lb >= nxt - 1e-37).all()   # a lower bound of the next value, within 2^-126


def test_infinite_and_nan_values_give_rows_in_range():
    d = np.ones((64, 4), np.float32)
    d[:, 0] = np.inf
    d[:, 1] = np.nan
    d[[2, 3], 2] = -np.inf
    d[10:, 3] = np.inf                                    # padding rows
    rows, vals, lb = (np.asarray(a) for a in block_candidates(jnp.asarray(d), 3))
    assert ((rows >= 0) & (rows < 64)).all()
    assert rows[:2, 2].tolist() == [2, 3] and lb[2] <= 1.0
    assert rows[:, 3].tolist() == [0, 1, 2] and lb[3] == 1.0
