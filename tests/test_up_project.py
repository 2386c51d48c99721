"""The STP blocks' and the encoder head's upward projections add their bias after the bilinear upsampling
(stp._up_project): the same map (a pixel's interpolation weights sum to 1), but the bias's gradient is a column sum of
the upsampled gradient. Before, XLA:CPU fused the upsampling's backward pass into that sum over the coarse grid and
computed it a second time beside the input gradient (three 0.12 ms loop reductions a tiny step: session 38)."""
import re

import equinox as eqx
import jax
import jax.numpy as jnp
import numpy as np

from alphaearth_nb.nn import Dense, bilinear
from alphaearth_nb.stp import Exchange

N, WIDTHS = 3, (64, 32, 16)  # tiny's widths; grids 2 x 2 (space), 4 x 4 (time), 16 x 16 (precision)
GRIDS = (2, 4, 16)


def _states(seed=0):
    r = np.random.default_rng(seed)
    return tuple(jnp.asarray(r.normal(size=(N, g, g, d)), jnp.float32) for g, d in zip(GRIDS, WIDTHS))


def _coarse_bias_sums(hlo: str) -> list:
    "Reductions to f32[c] of an operand of N x h x h x c values, where (h, c) is an upward pair's coarse output: " \
    "space -> time (2, 32), space -> precision (2, 16), time -> precision (4, 16)."
    sizes = {(N * h * h * c, c) for h, c in ((2, 32), (2, 16), (4, 16))}
    shapes = dict(re.findall(r"%([\w.\-]+) = f32\[([\d,]*)\]", hlo))
    found = []
    for out, arg in re.findall(r"= f32\[(\d+)\]\{0\} reduce\(%([\w.\-]+),", hlo):
        n = int(np.prod([int(d) for d in shapes.get(arg, "0").split(",") if d]))
        if (n, int(out)) in sizes: found.append(arg)
    return found


def test_no_bias_sum_over_the_coarse_grid():
    ex = Exchange(WIDTHS, key=jax.random.key(0))
    params, static = eqx.partition(ex, eqx.is_array)
    loss = lambda p, s: sum(jnp.sum(y * y) for y in eqx.combine(p, static)(s))
    hlo = jax.jit(jax.grad(loss)).lower(params, _states()).compile().as_text()
    assert _coarse_bias_sums(hlo) == []  # before: one per upward pair, its bias gradient


def test_up_project_is_the_upsampled_projection():
    from alphaearth_nb.stp import _up_project
    lin = Dense(64, 16, key=jax.random.key(1))
    lin = eqx.tree_at(lambda l: l.b, lin, jnp.arange(16.0) / 4 - 2)  # a bias far from zero
    x = _states()[0]
    want = bilinear(lin(x), 8)
    got = _up_project(lin, x, 8)
    assert got.shape == (N, 16, 16, 16)
    np.testing.assert_allclose(got, want, rtol=0, atol=4e-6 * float(jnp.max(jnp.abs(want))))
    np.testing.assert_array_equal(_up_project(lin, x, 1), lin(x))  # factor 1: the projection itself
    # the bias's gradient: the sum of the upsampled gradient over every pixel (by hand: a constant gradient of 1
    # over N x 16 x 16 pixels gives N * 256 for each channel)
    gb = jax.grad(lambda b: jnp.sum(_up_project(eqx.tree_at(lambda l: l.b, lin, b), x, 8)))(lin.b)
    np.testing.assert_allclose(gb, np.full(16, N * 256.0))
