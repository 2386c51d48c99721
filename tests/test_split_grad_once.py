"""The gradient of the encoder's features, the teacher / student split's concatenate (losses.total_loss), is computed
once in the compiled training gradient: XLA:CPU had fused it, with TimePool's Norm backward for both halves behind it,
into two fusions, one per consumer (the encoder out_norm's bias gradient and the rest of that Norm's backward; session
40: 0.54 + 0.52 ms of tiny's step). `losses._grad_once` passes it through `nn.computed_once`; the values are the same."""
import re

import equinox as eqx
import jax
import jax.numpy as jnp
import numpy as np
import pytest

from alphaearth_nb import losses
from alphaearth_nb.model import dummy_example, init, preset
from alphaearth_nb.runtime import compiler_options


@pytest.fixture(scope="module")
def tiny():
    cfg = preset("tiny", blocks=1)
    return init(cfg, 0), dummy_example(cfg, 0, batch=2)


def _fusions_with_pair_concatenate(hlo: str) -> list:
    "Fused computations holding a float32 concatenate along axis 1 of a [B, 2, N, h, w, D] pair (the split's gradient)."
    comps = {m.group(1): m.group(2) for m in re.finditer(r"^%([\w.\-]+) \(.*?\{\n(.*?)\n\}", hlo, re.M | re.S)}
    pair = re.compile(r"= f32\[\d+,2,\d+,\d+,\d+,\d+\]\{[\d,]+\} concatenate\(.*dimensions=\{1\}")
    return [name for name, body in comps.items() if pair.search(body)]


def test_split_gradient_computed_once(tiny):
    model, batch = tiny
    params, static = eqx.partition(model, eqx.is_array)
    grad = jax.grad(lambda p: losses.total_loss(eqx.combine(p, static), batch, jax.random.key(1))[0])
    hlo = jax.jit(grad).lower(params).compile(compiler_options(step=True)).as_text()
    assert len(_fusions_with_pair_concatenate(hlo)) == 1  # before: 2, the same work in each


def test_grad_once_is_the_identity_both_ways():
    x = jnp.arange(48.0).reshape(2, 3, 8) / 7
    np.testing.assert_array_equal(losses._grad_once(x), x)
    g = jax.grad(lambda x: jnp.sum(jnp.sin(losses._grad_once(x)) * x))(x)
    np.testing.assert_allclose(g, jax.grad(lambda x: jnp.sum(jnp.sin(x) * x))(x), rtol=1e-6, atol=1e-7)
