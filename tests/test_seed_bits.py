"Every bit of a seed counts: without JAX's x64, `jax.random.key(2**32 + 5)` is `key(5)` (the high 32 bits dropped)."
import warnings

import jax
import numpy as np
import optax

from alphaearth_nb import analysis, model, step
from alphaearth_nb.core import SEED_MAX, seed_key
from alphaearth_nb.testing import embedding_from_array, random_unit

HIGH = 2**32 + 5   # as_seed takes 0 .. 2**63 - 1; 5 and 2**32 + 5 are two seeds


def _data(k): return np.asarray(jax.random.key_data(k))


def test_seed_key_keeps_the_keys_of_32_bit_seeds():
    for s in (0, 5, 2**31, 2**32 - 1):   # runs seeded before keep their draws
        assert (_data(seed_key(s)) == _data(jax.random.key(s))).all()
        assert (_data(seed_key(s)) == np.asarray(jax.random.PRNGKey(s))).all()   # the raw key step keeps


def test_seed_key_tells_seeds_apart_by_their_high_bits():
    keys = {tuple(_data(seed_key(s)).tolist()) for s in (5, HIGH, 2**33 + 5, SEED_MAX, 2**32 - 1)}
    assert len(keys) == 5


def test_cluster_seeds_differ_by_their_high_bits():
    emb = embedding_from_array(random_unit((12, 12), seed=3))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = analysis.cluster(emb, k=6, seed=5, n_iter=0, max_samples=10**6).centres.values
        b = analysis.cluster(emb, k=6, seed=HIGH, n_iter=0, max_samples=10**6).centres.values
    assert not np.array_equal(a, b)   # the k-means++ draws of another key (were the same centres)


def test_training_keys_differ_by_their_high_bits():
    m = model.init("tiny", 0)
    ka, kb = (step.init_state(m, optax.sgd(0.1), s).key for s in (5, HIGH))
    assert not np.array_equal(np.asarray(ka), np.asarray(kb))
    la, lb = (jax.tree.leaves(model.init("tiny", s)) for s in (5, HIGH))
    assert any(not np.array_equal(np.asarray(x), np.asarray(y)) for x, y in zip(la, lb))
