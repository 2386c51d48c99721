"""depthwise3 on small frames (h w c under `nn.PAIR_SUMS_MIN_SIZE`: small's 4 x 4 x 32 and 2 x 2 x 64 levels) keeps its
padded input, computed once on the CPU (`nn.computed_once`), for the backward's nine separate sums (session 44):
the normalisation before depthwise3 is computed in one kernel that the forward's taps and the nine sums read. Before,
each of the nine sums' kernels recomputed it from the input (small's step: per-thunk shortest runs 199.9 -> 171.7 ms
a step, 4 ABBA phases, load 3); alone (Norm, depthwise3, Norm at 64 x 4 x 4 x 32, forward and backward) 0.61x."""
import jax
import jax.numpy as jnp
import numpy as np

from alphaearth_nb import nn


def test_small_frames_normalise_the_input_once(depthwise_entry):
    for shape in ((8, 4, 4, 32), (8, 2, 2, 64)):
        readers = depthwise_entry.fusions_reading(depthwise_entry(shape), 0)
        assert len(readers) <= 4, (shape, readers)  # before: 14 at 4 x 4 x 32 (the pad + slice copies), 6 at 2 x 2 x 64


def test_small_frames_gradients_match_float64():
    rng = np.random.default_rng(2)
    x, g = (rng.normal(size=(16, 4, 4, 32)).astype(np.float32) for _ in range(2))
    w = rng.normal(size=(3, 3, 32)).astype(np.float32)
    with nn.traced_for("cpu"):
        gx, gw = jax.jit(jax.grad(lambda x, w: jnp.sum(nn.depthwise3(x, w, jnp.zeros(32)) * g), (0, 1)))(x, w)
    xp, gp = (np.pad(v.astype(np.float64), ((0, 0), (1, 1), (1, 1), (0, 0))) for v in (x, g))
    want = np.stack([[(xp[:, i:i + 4, j:j + 4] * g).sum((0, 1, 2)) for j in range(3)] for i in range(3)])
    np.testing.assert_allclose(gw, want, rtol=0, atol=1e-6 * np.abs(want).max())
    want_x = sum(gp[:, i:i + 4, j:j + 4] * w[2 - i, 2 - j] for i in range(3) for j in range(3))
    np.testing.assert_allclose(gx, want_x, rtol=0, atol=1e-5 * np.abs(want_x).max())
