"""Stage 2 of a block's selection reads whole windows of rows: XLA:CPU reduces more than 32 rows in windows of 32,
and a window padded past the last row ran about 5x slower per element (k = 3 gathered 48 values a query, padded to
64). `knn_select._gathered` adds the (kc + 1)-th group where that makes whole windows; the picks stay the same."""
import re

import jax
import jax.numpy as jnp
import numpy as np
import pytest

from alphaearth_nb import knn, knn_select
from alphaearth_nb.knn import knn_indices, knn_search


def _padded_windows(k: int, n: int = 1000) -> list[str]:
    "The reduce-windows padded past their rows in the compiled indices-only block of k over n training rows."
    rng = np.random.default_rng(0)
    tx = rng.standard_normal((n, 64)).astype(np.float32)
    *args, c = knn._train_blocks(tx, 8192)
    args += [jnp.int32(len(tx)), jnp.float32(0.0)]
    text = knn._knn_block.lower(jnp.zeros((64, 64), jnp.float32), *args, k=k, kc=k, direct=False).compile().as_text()
    return [w for w in re.findall(r"reduce-window\([^\n]*window=\{([^}]*)\}", text) if re.search(r"pad=(?!0_0x)", w)]


@pytest.mark.skipif(jax.default_backend() != "cpu", reason="XLA:CPU's tree reduction")
@pytest.mark.parametrize("k", [3, 5])
def test_no_padded_window_in_stage_two(k):
    assert _padded_windows(k) == []


@pytest.mark.skipif(jax.default_backend() != "cpu", reason="XLA:CPU's tree reduction")
def test_no_padded_window_in_stage_one():
    "20,000 rows: 3 blocks of 7,168 (448 group minima, whole windows), not 6,912 (432, padded to 448)."
    assert knn._train_blocks(np.ones((20000, 4), np.float32), 8192)[-1] == 7168
    assert _padded_windows(3, 20000) == []
    assert knn._train_blocks(np.ones((600, 4), np.float32), 8192)[-1] == 768   # 256 more would be a third more


def test_gathered_groups():
    assert [knn_select._gathered(kc, 16) for kc in range(1, 9)] == [1, 2, 4, 4, 6, 6, 8, 8]
    assert knn_select._gathered(3, 8) == 3 and knn_select._gathered(5, 8) == 5   # 24 rows: no windows; 48 would be padded too


def _reference(train, query, k):
    d = ((query[:, None].astype(np.float64) - train[None].astype(np.float64)) ** 2).sum(-1)
    return np.argsort(d, 1, kind="stable")[:, :k]


@pytest.mark.parametrize("k", [3, 5, 7])
def test_extra_group_changes_no_neighbour(k):
    "Clustered and quantised rows (near-ties across groups): the float64 brute force's neighbours, both searches."
    rng = np.random.default_rng(k)
    centres = rng.standard_normal((6, 64))
    train = (centres[rng.integers(0, 6, 1000)] + 0.3 * rng.standard_normal((1000, 64)))
    train = (np.round(train * 8) / 8).astype(np.float32)              # on a grid: ties and near-ties
    query = (centres[rng.integers(0, 6, 3000)] + 0.3 * rng.standard_normal((3000, 64))).astype(np.float32)
    query[:200] = train[rng.integers(0, 1000, 200)]                   # exact copies
    want = _reference(train, query, k)
    np.testing.assert_array_equal(knn_indices(train, query, k), want)
    np.testing.assert_array_equal(knn_search(train, query, k)[1], want)


@pytest.mark.parametrize("k", [1, 3])
def test_larger_blocks_change_no_neighbour(k):
    "20,000 rows in blocks of 7,168 (the last one 5,664 real rows and padding): the float64 brute force's neighbours."
    rng = np.random.default_rng(10 + k)
    train = (np.round(rng.standard_normal((20000, 64)) * 4) / 4).astype(np.float32)
    query = rng.standard_normal((400, 64)).astype(np.float32)
    query[:50] = train[rng.integers(0, 20000, 50)]
    want = _reference(train, query, k)
    np.testing.assert_array_equal(knn_indices(train, query, k), want)
    np.testing.assert_array_equal(knn_search(train, query, k)[1], want)
