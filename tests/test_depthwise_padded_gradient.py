"""depthwise3's kernel gradient on the CPU reads the gradient padded once (session 43): each tap is the input times
the padded gradient shifted the other way (the same products as the shifted input times the gradient), the pad the
input gradient's nine multiply-adds read already. Before, each tap's kernel read the shifted padded input and the
unpadded gradient, which XLA:CPU computed afresh in all nine kernels from the normalisation's backward pass before it
(small's step: the [8, 2, 16, 16, 32] pair kernels, 0.3-0.9 ms each); alone between two norms at 64 x 16 x 16 x 32
the forward + backward took 0.76-0.78x the CPU."""
import re

import jax
import jax.numpy as jnp
import numpy as np

from alphaearth_nb import nn
from alphaearth_nb.runtime import compiler_options

SHAPE = (8, 16, 16, 32)  # 8 frames of 16 x 16 x 32: the pairs (h w c >= nn.PAIR_SUMS_MIN_SIZE)


def _program():
    "Norm, depthwise3, Norm: forward and backward, compiled for the CPU with the step's options."
    c = SHAPE[-1]
    n1, n2 = nn.Norm(c), nn.Norm(c)
    def fn(x, w, g):
        y, back = jax.vjp(lambda x, w: n2(nn.depthwise3(n1(x), w, jnp.zeros(c)) + 0.5), x, w)
        return y, back(g)
    with nn.traced_for("cpu"):
        return jax.jit(fn, compiler_options=compiler_options("cpu", step=True))


def _readers_of_padded_gradient(text: str) -> list:
    "How many instructions read each padded array of the backward pass ([N, h+2, w+2, c], a transpose's op_name): " \
    "a fusion, or since session 44 a pad of the gradient computed once (`nn.computed_once`)."
    n, h, w, c = SHAPE
    entry = text[text.index("\nENTRY"):]
    pads = re.findall(rf"^\s*%([\w.\-]+) = f32\[{n},{h + 2},{w + 2},{c}\]\{{[\d,]+\}} (?:fusion|pad)\(.*?op_name=\"[^\"]*transpose\(",
                      entry, re.M)
    return [len(re.findall(rf"%{re.escape(p)}[,)]", entry)) for p in pads]


def test_the_taps_read_the_padded_gradient():
    "One padded gradient in the backward pass, read by the input gradient's kernel and by the taps off the centre."
    rng = np.random.default_rng(0)
    x, g = (jnp.asarray(rng.normal(size=SHAPE), jnp.float32) for _ in range(2))
    w = jnp.asarray(rng.normal(size=(3, 3, SHAPE[-1])), jnp.float32)
    readers = _readers_of_padded_gradient(_program().lower(x, w, g).compile().as_text())
    assert len(readers) == 1 and readers[0] >= 9, readers   # the stencil and 8 taps (XLA reads the centre as g)


def test_the_gradients_are_unchanged():
    "The same products, summed in the same pairs: the kernel's gradient matches float64's, the input's is as before."
    rng = np.random.default_rng(1)
    x, g = (rng.normal(size=SHAPE).astype(np.float32) for _ in range(2))
    w = rng.normal(size=(3, 3, SHAPE[-1])).astype(np.float32)
    with nn.traced_for("cpu"):
        gx, gw = jax.jit(jax.grad(lambda x, w: jnp.sum(nn.depthwise3(x, w, jnp.zeros(SHAPE[-1])) * g), (0, 1)))(x, w)
    xp = np.pad(x.astype(np.float64), ((0, 0), (1, 1), (1, 1), (0, 0)))
    want = np.stack([[(xp[:, i:i + 16, j:j + 16] * g).sum((0, 1, 2)) for j in range(3)] for i in range(3)])
    np.testing.assert_allclose(gw, want, rtol=0, atol=1e-6 * np.abs(want).max())
    gp = np.pad(g.astype(np.float64), ((0, 0), (1, 1), (1, 1), (0, 0)))
    want_x = sum(gp[:, i:i + 16, j:j + 16] * w[2 - i, 2 - j] for i in range(3) for j in range(3))
    np.testing.assert_allclose(gx, want_x, rtol=0, atol=1e-5 * np.abs(want_x).max())
