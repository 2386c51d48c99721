"""`summary.unit` and `summary.householder_to` sum over the last axis by matrix-vector products, forward and backward:
their compiled gradient holds no reduction (XLA:CPU ran autodiff's row reductions as YNNPACK reduces at 4-8 ns an
element, session 40), with the values and gradients of the plain formulas."""
import re

import jax
import jax.numpy as jnp
import numpy as np

from alphaearth_nb.summary import householder_to, unit


def _plain_unit(x, eps=1e-12): return x * jax.lax.rsqrt(jnp.sum(x * x, -1, keepdims=True) + eps)


def _plain_householder(mu, x):
    s = jnp.where(mu[..., :1] >= 0, 1., -1.)
    u = (s * mu).at[..., 0].add(1.)
    return -s * (x - 2 * u * jnp.sum(u * x, -1, keepdims=True) / jnp.sum(u * u, -1, keepdims=True))


def _inputs(n=256, p=64):
    k1, k2, k3 = jax.random.split(jax.random.key(0), 3)
    mu = jax.random.normal(k1, (n, p)) * jnp.where(jnp.arange(n)[:, None] % 2, 1., -1.)  # both signs of mu[0]
    return mu, _plain_unit(jax.random.normal(k2, (n, p))), jax.random.normal(k3, (n, p))


def _loss(un, hh):
    return lambda mu, x, w: jnp.sum(un(hh(un(mu), x)) * w)


def test_the_gradient_holds_no_reduction():
    mu, x, w = _inputs()
    hlo = jax.jit(jax.grad(_loss(unit, householder_to))).lower(mu, x, w).compile().as_text()
    assert re.findall(r"= f32\S* reduce\(", hlo) == []  # before: the row sums, forward and backward


def test_values_and_gradients_are_the_plain_formulas():
    mu, x, w = _inputs()
    np.testing.assert_allclose(unit(mu), _plain_unit(mu), rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(householder_to(unit(mu), x), _plain_householder(_plain_unit(mu), x), rtol=1e-5, atol=1e-6)
    g = jax.grad(_loss(unit, householder_to))(mu, x, w)
    g0 = jax.grad(_loss(_plain_unit, _plain_householder))(mu, x, w)
    np.testing.assert_allclose(g, g0, rtol=1e-4, atol=1e-5 * float(jnp.max(jnp.abs(g0))))
    # a zero vector keeps a finite gradient (the floor eps), and unit works on one vector
    assert np.isfinite(np.asarray(jax.grad(lambda v: unit(v).sum())(jnp.zeros(3)))).all()
    np.testing.assert_allclose(np.linalg.norm(unit(jnp.arange(1., 4.))), 1.0, rtol=1e-6)
