"""`fit(..., sampler={"n_texts": 0})` (`SamplerConfig` takes n_texts >= 0) died in a ZeroDivisionError inside JAX's
reshape: the text head's Norm is vmapped over an example's texts, none, and its scale and bias gradients' column
sums (`nn._colsum`'s vmap rule) reshaped the vmapped axis of size 0 with a -1, which an array of no elements cannot
resolve. The sizes are now given: no rows sum to zeros, as JAX's own sum does. (End to end: `fit("tiny", toy_stack(size=40), steps=2,
batch_size=2, sampler={"n_texts": 0})` trains, losses finite.)"""
import jax
import jax.numpy as jnp
import numpy as np
import pytest

from alphaearth_nb import nn


@pytest.mark.parametrize("kind", ["layernorm", "rmsnorm"])
@pytest.mark.parametrize("shape", [(0, 5, 4), (0, 4), (3, 0, 4)])
def test_a_norm_vmapped_over_nothing_has_zero_gradients(kind, shape):
    norm = nn.Norm(4, kind)
    x = jnp.ones(shape)
    f = lambda m: jnp.sin(jax.vmap(m)(x)).sum()
    g = jax.grad(f)(norm)
    np.testing.assert_array_equal(g.scale, np.zeros(4))
    if kind == "layernorm": np.testing.assert_array_equal(g.bias, np.zeros(4))
    assert jax.vmap(norm)(x).shape == shape


def test_rows_still_sum_as_before():
    norm = nn.Norm(4)
    x = jax.random.normal(jax.random.key(0), (3, 5, 4))
    g = jax.grad(lambda m: jnp.sin(jax.vmap(m)(x)).sum())(norm)
    want = jax.grad(lambda m: jnp.sin(m(x)).sum())(norm)   # no vmap: JAX's own sums
    np.testing.assert_allclose(g.scale, want.scale, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(g.bias, want.bias, rtol=1e-5, atol=1e-6)
