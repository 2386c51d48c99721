"""`nn.computed_once` on the CPU passes `y` through a gather of its own channels (session 44), no longer a product
with the identity in blocks of 16 channels: every value comes through to the bit, an infinite or NaN one included
(the product made 0 x inf = NaN of its block's other channels), and depthwise3's forward and input gradient compile
with no matrix product (2.8 + 2.2 ms of YNNPACK dots in the `small` step), each still computed once: XLA:CPU does
not copy a gather into its consumers, as it copies the nine shifted multiply-adds."""
import re

import jax
import jax.numpy as jnp
import numpy as np

from alphaearth_nb import nn
from alphaearth_nb.runtime import compiler_options


def test_every_value_comes_through():
    v = (np.arange(2 * 3 * 32, dtype=np.float32).reshape(2, 3, 32) - 90) / 7
    v[0, 1, 5], v[1, 2, 17], v[1, 0, 3] = np.inf, -np.inf, np.nan
    out = np.asarray(jax.jit(nn.computed_once)(jnp.asarray(v)))
    np.testing.assert_array_equal(out.view(np.uint32), v.view(np.uint32))  # before: NaN in 48 places


def _compiled(f, *args) -> str:
    return jax.jit(f).lower(*args).compile(compiler_options(step=True)).as_text()


def test_depthwise3_compiles_without_a_product_and_once():
    rng = np.random.default_rng(0)
    x = jnp.asarray(rng.normal(size=(8, 8, 8, 32)), jnp.float32)
    w = jnp.asarray(rng.normal(size=(3, 3, 32)), jnp.float32)
    def loss(x, w):  # two consumers of depthwise3's output, and of its input gradient
        y = nn.depthwise3(x, w, jnp.zeros(32))
        return jnp.sum(jnp.sin(y)) + jnp.sum(jnp.cos(y) * y)
    hlo = _compiled(jax.grad(lambda x, w: jnp.sum(jax.grad(loss)(x, w) ** 2), argnums=1), x, w)
    assert not re.search(r"= f32\[[^\]]*\][^ ]* dot\(", hlo)  # before: the identity products
    hlo = _compiled(loss, x, w)
    # the nine shifted multiply-adds in one kernel, read by both consumers (none of them recomputes the taps)
    fused = [b for b in re.split(r"\n(?=\S)", hlo) if b.count(" slice(") >= 9 or b.count("pad(") and b.count(" multiply(") >= 9]
    assert len(fused) == 1, len(fused)
