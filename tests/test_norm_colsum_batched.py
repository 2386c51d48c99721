"""Norm's scale and bias gradients under jax.vmap are batched ones-vector products (nn._colsum's vmap rule: the batch
leading in both operands), so XLA:CPU writes no transposed copy of `g * yh` or `g` for them (it did for every vmapped
Norm of the step: [2, 10, 256, 64] -> [256, 1280] and the like, session 46); the gradients are the per-example sums."""
import re

import jax
import jax.numpy as jnp
import numpy as np

from alphaearth_nb import nn


def _x(shape, seed=0):
    return jax.random.normal(jax.random.key(seed), shape) * 3 + 1


def _loss(norm, x, vmaps):
    f = norm
    for ax in vmaps: f = jax.vmap(f, in_axes=ax)
    return (f(x) * jnp.linspace(-1, 2, x.shape[-1])).sum()


def _per_example(norm, x):
    "The same gradient by a Python loop over the leading two axes (no vmap)."
    gs = [jax.grad(lambda m: (m(x[i, j]) * jnp.linspace(-1, 2, x.shape[-1])).sum())(norm)
          for i in range(x.shape[0]) for j in range(x.shape[1])]
    return sum(g.scale for g in gs), sum(g.bias for g in gs)


def test_vmapped_norm_gradient_has_no_transpose():
    norm, x = nn.Norm(64), _x((2, 10, 16, 16, 64))
    hlo = jax.jit(jax.grad(_loss), static_argnums=2).lower(norm, x, (0, 0)).compile().as_text()
    assert not re.findall(r" transpose\(", hlo), "a transposed copy in the vmapped Norm's gradient"


def test_vmapped_norm_gradients_are_the_per_example_sums():
    norm = nn.Norm(64)
    norm = jax.tree.map(lambda a: a + 0.1 * jnp.arange(a.size, dtype=a.dtype).reshape(a.shape) / a.size, norm)
    x = _x((2, 3, 4, 5, 64), seed=1)
    g = jax.jit(jax.grad(_loss), static_argnums=2)(norm, x, (0, 0))
    scale, bias = _per_example(norm, x)
    np.testing.assert_allclose(g.scale, scale, rtol=2e-6, atol=2e-5)
    np.testing.assert_allclose(g.bias, bias, rtol=2e-6, atol=2e-5)


def test_vmap_over_another_axis_and_rmsnorm():
    "A batch axis that is not the leading one (in_axes=1), three vmaps deep, and RMSNorm (scale only)."
    x = _x((3, 2, 4, 6, 16), seed=2)
    for norm in (nn.Norm(16), nn.Norm(16, "rmsnorm")):
        g = jax.grad(_loss)(norm, x, (1, 0, 0))
        xt = jnp.moveaxis(x, 1, 0)  # in_axes=1 at the outer vmap: the same examples in another order
        ref = jax.grad(lambda m: sum((m(xt[i, j, k]) * jnp.linspace(-1, 2, 16)).sum()
                                     for i in range(2) for j in range(3) for k in range(4)))(norm)
        np.testing.assert_allclose(g.scale, ref.scale, rtol=2e-6, atol=2e-5)
        if norm.bias is not None: np.testing.assert_allclose(g.bias, ref.bias, rtol=2e-6, atol=2e-5)
