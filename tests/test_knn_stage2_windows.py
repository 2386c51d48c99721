"""Stage 2 of a block's selection reads whole windows of rows: XLA:CPU reduced more than 32 int32 rows in windows of
32, and a window padded past the last row ran about 5x slower per element (k = 3 gathered 48 values a query, padded to
64), so `knn_select._gathered` added the (kc + 1)-th group. Since session 42 the keys are float32 and YNNPACK reduces
them (no windows, tests/test_knn_float_keys.py): stage 2 gathers the kc picked groups alone; the picks stay the same."""
import re

import jax
import jax.numpy as jnp
import numpy as np
import pytest

from alphaearth_nb import knn, knn_select
from alphaearth_nb.knn import knn_indices, knn_search


def _args(n: int) -> list:
    rng = np.random.default_rng(0)
    tx = rng.standard_normal((n, 64)).astype(np.float32)
    *args, c = knn._train_blocks(tx, 8192)
    return args + [jnp.int32(len(tx)), jnp.float32(0.0)]


def _padded_windows(k: int, n: int = 1000) -> list[str]:
    """The reduce-windows padded past their rows in the compiled indices-only block of k over n training rows, 256
    queries (`query_chunk`; for fewer, XLA:CPU reduces float32 keys itself, in windows)."""
    text = knn._knn_block.lower(jnp.zeros((256, 64), jnp.float32), *_args(n), k=k, kc=k, direct=False).compile().as_text()
    return [w for w in re.findall(r"reduce-window\([^\n]*window=\{([^}]*)\}", text) if re.search(r"pad=(?!0_0x)", w)]


@pytest.mark.skipif(jax.default_backend() != "cpu", reason="XLA:CPU's tree reduction")
@pytest.mark.parametrize("k", [3, 5])
def test_no_padded_window_in_stage_two(k):
    assert _padded_windows(k) == []


@pytest.mark.skipif(jax.default_backend() != "cpu", reason="XLA:CPU's tree reduction")
def test_no_padded_window_in_stage_one():
    """20,000 rows: 3 blocks of 6,912 (432 group minima), not 7,168. The int32 keys' reduce-window padded 432 minima
    to 448, so blocks took 256 padding rows for whole windows; float32 minima are one plain reduce (no window), so
    that padding (3.7% more product) is gone."""
    assert knn._train_blocks(np.ones((20000, 4), np.float32), 8192)[-1] == 6912
    assert _padded_windows(3, 20000) == []
    text = knn._knn_block.lower(jnp.zeros((256, 64), jnp.float32), *_args(20000), k=3, kc=3, direct=False).compile().as_text()
    assert "reduce-window(" not in text and "f32[432,256]{1,0} reduce(" in text   # the group minima, unwindowed
    assert knn._train_blocks(np.ones((600, 4), np.float32), 8192)[-1] == 768


def test_gathered_groups():
    "The kc picked groups alone (was `_gathered`: the (kc + 1)-th too at kc = 3, 5, 7, for whole int32 windows)."
    assert not hasattr(knn_select, "_gathered")
    text = knn._knn_block.lower(jnp.zeros((256, 64), jnp.float32), *_args(1000), k=3, kc=3, direct=False).compile().as_text()
    assert "f32[12288,1,1]" in text and "f32[16384,1,1]" not in text    # 3 x 16 values gathered a query, not 4 x 16


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
    "20,000 rows in blocks of 6,912 (the last one 6,176 real rows and padding): the float64 brute force's neighbours."
    rng = np.random.default_rng(10 + k)
    train = (np.round(rng.standard_normal((20000, 64)) * 4) / 4).astype(np.float32)
    query = rng.standard_normal((400, 64)).astype(np.float32)
    query[:50] = train[rng.integers(0, 20000, 50)]
    want = _reference(train, query, k)
    np.testing.assert_array_equal(knn_indices(train, query, k), want)
    np.testing.assert_array_equal(knn_search(train, query, k)[1], want)
