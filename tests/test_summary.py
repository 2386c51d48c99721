"Tests of alphaearth_nb.summary: the vMF sampler and the time-conditional pooling."
import equinox as eqx
import jax
import jax.numpy as jnp
import numpy as np
import pytest
from scipy import stats
from scipy.special import ive

from alphaearth_nb.core import ConfigError, DimensionError
from alphaearth_nb.nn import build
from alphaearth_nb.summary import (Summary, TimePool, householder_to, large_kappa, symmetric_beta, unit, vmf_large_kappa,
                                   vmf_sample)

P = 64


@pytest.fixture(scope="module")
def mu():
    return unit(jax.random.normal(jax.random.key(0), (P,)))


@pytest.fixture(scope="module")
def draw(mu):
    "4096 samples around mu, kappa traced (one compile for every kappa)."
    return jax.jit(lambda key, kappa: vmf_sample(key, jnp.broadcast_to(mu, (4096, P)), kappa))


@pytest.mark.parametrize("a", [31.5, 2.0, 0.5])
def test_symmetric_beta_matches_the_beta_distribution(a):
    "Loop-free Beta(a, a) draws: in [0, 1] (float32 rounds the extremes of a < 1), distributed as Beta(a, a) (KS)."
    z = np.asarray(jax.jit(lambda k: symmetric_beta(k, a, (100_000,)))(jax.random.key(7)))
    assert np.all((z >= 0) & (z <= 1))
    assert stats.kstest(z, stats.beta(a, a).cdf).pvalue > 1e-3


@pytest.mark.parametrize("kappa", [8000.0, 50.0])
def test_vmf_unit_norm_and_mean_resultant_length(draw, mu, kappa):
    x = np.asarray(draw(jax.random.key(1), jnp.float32(kappa)))
    assert x.shape == (4096, P)
    np.testing.assert_allclose(np.linalg.norm(x, axis=-1), 1.0, atol=1e-5)
    a_p = ive(P / 2, kappa) / ive(P / 2 - 1, kappa)  # E[mu . x] for vMF on S^63
    got = (x @ np.asarray(mu)).mean()
    assert abs((1 - got) - (1 - a_p)) < 0.03 * (1 - a_p), (kappa, got, a_p)
    if kappa == 8000.0: assert abs(a_p - (1 - (P - 1) / (2 * kappa))) < 1e-4  # the large-kappa approximation


def test_large_kappa_path_matches_wood(draw, mu):
    "A Python kappa of 8000 takes the gamma-proposal path: unit samples, the law of 1 - w of Wood's sampler (KS), "
    "the theoretical mean, no preferred direction orthogonal to mu; small or traced kappas stay on Wood's."
    assert large_kappa(8000.0, P) and not large_kappa(50.0, P) and not large_kappa(jnp.float32(8000.0), P)
    x = np.asarray(jax.jit(lambda k: vmf_sample(k, jnp.broadcast_to(mu, (20_000, P)), 8000.0))(jax.random.key(5)))
    np.testing.assert_allclose(np.linalg.norm(x, axis=-1), 1.0, atol=1e-5)
    t = 1 - x @ np.asarray(mu)
    wood = np.concatenate([1 - np.asarray(draw(jax.random.key(i), jnp.float32(8000.0))) @ np.asarray(mu)
                           for i in range(10, 15)])
    assert stats.ks_2samp(t, wood).pvalue > 1e-3
    a_p = ive(P / 2, 8000.0) / ive(P / 2 - 1, 8000.0)
    assert abs(t.mean() - (1 - a_p)) < 0.02 * (1 - a_p)
    perp = x - np.outer(x @ np.asarray(mu), np.asarray(mu))
    assert np.linalg.norm(perp.mean(0)) < 0.05 * np.linalg.norm(perp, axis=-1).mean()
    w, one_m_w, v = vmf_large_kappa(jax.random.key(6), (3, 5), P, 8000.0)
    assert w.shape == one_m_w.shape == (3, 5) and v.shape == (3, 5, P - 1)
    np.testing.assert_allclose(np.asarray(w + one_m_w), 1.0, atol=1e-6)


def test_vmf_is_symmetric_about_mu(draw, mu):
    "The component orthogonal to mu has mean zero (no direction preferred by the reflection)."
    x = np.asarray(draw(jax.random.key(2), jnp.float32(50.0)))
    perp = x - np.outer(x @ np.asarray(mu), np.asarray(mu))
    assert np.linalg.norm(perp.mean(0)) < 0.02


def test_householder_maps_e1_to_mu():
    e1 = jnp.eye(P)[0]
    for m in (jnp.eye(P)[0], -jnp.eye(P)[0], unit(jnp.arange(P) - 40.0), unit(jnp.ones(P))):
        np.testing.assert_allclose(np.asarray(householder_to(m, e1)), np.asarray(m), atol=1e-6)
        # and it is orthogonal: norms and angles are kept
        y = householder_to(m, unit(jnp.arange(P, dtype=jnp.float32)))
        np.testing.assert_allclose(float(jnp.linalg.norm(y)), 1.0, atol=1e-6)


def test_gradient_reaches_mu(mu):
    g = jax.jit(jax.grad(lambda m: vmf_sample(jax.random.key(3), m, 8000.0) @ jnp.arange(P, dtype=jnp.float32)))(mu)
    g = np.asarray(g)
    assert np.isfinite(g).all() and np.abs(g).sum() > 0


@pytest.fixture(scope="module")
def pool():
    return build(TimePool, 8, 16, 4, key=jax.random.key(4))


@pytest.fixture(scope="module")
def pool_weights(pool):
    return eqx.filter_jit(lambda p, *a: p.weights(*a))


def test_frames_far_outside_the_period_weigh_less(pool, pool_weights):
    "Two identical frames, one inside the period and one a year after it: the inside one weighs more."
    f = jnp.broadcast_to(jax.random.normal(jax.random.key(5), (1, 1, 1, 8)), (2, 2, 2, 8))
    a = np.asarray(pool_weights(pool, f, jnp.array([150.0, 565.0]), jnp.ones((2, 2, 2), bool), jnp.array([100.0, 200.0])))
    assert a.shape == (2, 2, 2, 4)
    assert (a[0] > a[1]).all()
    np.testing.assert_allclose(a.sum(0), 1.0, atol=1e-5)


def test_pool_masks_and_order(pool, pool_weights):
    k1, k2 = jax.random.split(jax.random.key(6))
    f = jax.random.normal(k1, (6, 2, 2, 8))
    d = jnp.array([10.0, 50.0, 100.0, 150.0, 300.0, 420.0])
    v = jax.random.bernoulli(k2, 0.7, (6, 2, 2)).at[:, 0, 0].set(False)
    per = jnp.array([0.0, 365.0])
    a = np.asarray(pool_weights(pool, f, d, v, per))
    assert (a[~np.asarray(v)] == 0).all()          # invalid frames get exactly zero weight
    assert (a[:, 0, 0] == 0).all()                 # a pixel with no valid frame pools to zero, not NaN
    perm = jnp.array([5, 2, 0, 4, 1, 3])
    np.testing.assert_allclose(np.asarray(pool_weights(pool, f[perm], d[perm], v[perm], per)), a[np.asarray(perm)], atol=1e-6)


def test_errors(pool):
    with pytest.raises(ConfigError, match="multiple of heads"):
        TimePool(8, 10, 4, key=jax.random.key(0))
    with pytest.raises(DimensionError, match="vmap outside"):
        pool(jnp.zeros((2, 3, 4, 4, 8)), jnp.zeros(2), jnp.ones((2, 3, 4), bool), jnp.array([0.0, 1.0]))


@pytest.mark.parametrize("h,w", [(3, 3), (5, 4)])
def test_summary_at_equals_the_full_field(h, w):
    "Summary.at (the 3 x 3 cells around each pixel) gives the full field's vectors at every pixel, edges included, "
    "and the same gradient through them."
    summ = build(Summary, 8, 16, 4, 8, key=jax.random.key(7))
    k1, k2 = jax.random.split(jax.random.key(8))
    f = jax.random.normal(k1, (4, h, w, 8))
    d, per = jnp.array([10.0, 100.0, 200.0, 300.0]), jnp.array([50.0, 250.0])
    v = jax.random.bernoulli(k2, 0.8, (4, h, w))
    yx = jnp.array([(r, c) for r in range(2 * h) for c in range(2 * w)])
    r = jax.random.normal(jax.random.key(9), (3, 64))
    pick = jnp.array([[0, 0], [2 * h - 1, 1], [3, 2 * w - 1]])

    @jax.jit
    def fields_and_gradients(f):   # one program: the six compiled one by one took twice the time
        grad = lambda field: jax.grad(lambda f: jnp.sum(field(f) * r))(f)
        return (summ(f, d, v, per).reshape(-1, 64), summ.at(f, d, v, per, yx),
                summ.at_pooled(summ.pool(f, d, v, per), yx),  # the pooled map at hand
                grad(lambda f: summ(f, d, v, per)[pick[:, 0], pick[:, 1]]), grad(lambda f: summ.at(f, d, v, per, pick)),
                grad(lambda f: summ.at_pooled(summ.pool(f, d, v, per), pick)))
    full, at, at_pooled, g_full, g_at, g_pooled = map(np.asarray, fields_and_gradients(f))
    np.testing.assert_allclose(at, full, atol=2e-6)
    np.testing.assert_allclose(at_pooled, full, atol=2e-6)
    np.testing.assert_allclose(g_at, g_full, atol=1e-5)
    np.testing.assert_allclose(g_pooled, g_full, atol=1e-5)
    with pytest.raises(DimensionError, match="at least 3 x 3"):
        summ.at(f[:, :2], d, v[:, :2], per, yx)
