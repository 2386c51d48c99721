"""conv3 knows it is traced under `jax.vmap` by the class of vmap's own trace, read once from a vmap traced abstractly
(convs._batch_trace), not by the name of a JAX internal: before, `type(trace).__name__ == 'BatchTrace'`, so a jax
upgrade renaming that class would have silently dropped the merge of the mapped axes into conv3's frames (the summary
Upsample's chunked weight gradient: 1.12x small's shortest runs, session 42)."""
import jax
import jax.numpy as jnp
import numpy as np
import pytest

from alphaearth_nb import convs

X = jnp.asarray(np.random.default_rng(0).normal(size=(2, 5, 8, 8, 4)), jnp.float32)
W = jnp.asarray(np.random.default_rng(1).normal(size=(3, 3, 4, 6)), jnp.float32)
B = jnp.zeros(6)


def _vmap_trace_class():
    "vmap's trace class, read afresh (convs._batch_trace uncached), before the test renames it."
    return convs._batch_trace.__wrapped__()


def _seen(f, *args):
    "What convs.under_vmap said inside `f` (called where the model calls conv3)."
    said = []
    def probe(v):
        said.append(convs.under_vmap())
        return v
    f(probe, *args)
    return said


@pytest.fixture(params=["as jax names it", "renamed"])
def trace_name(request):
    "vmap's trace class as JAX names it, and renamed as a later jax might."
    cls = _vmap_trace_class()
    name = cls.__name__
    if request.param == "renamed": cls.__name__ = "MappedAxisTrace"
    try: yield request.param
    finally: cls.__name__ = name


def test_under_vmap_is_read_from_the_trace_class(trace_name):
    "True inside jax.vmap (innermost, also under grad), False outside, under jit and under grad inside a vmap."
    assert _seen(lambda p, x: jax.vmap(p)(x), jnp.zeros(2)) == [True]
    assert _seen(lambda p, x: jax.grad(lambda v: jax.vmap(p)(v).sum())(x), jnp.zeros(2)) == [True]
    assert _seen(lambda p, x: jax.jit(p)(x), jnp.zeros(2)) == [False]
    assert _seen(lambda p, x: jax.vmap(jax.grad(lambda v: p(v).sum()))(x), jnp.zeros((2, 2))) == [False]
    assert _seen(lambda p, x: p(x), jnp.zeros(2)) == [False]


def test_the_merge_survives_a_renamed_trace(trace_name, monkeypatch):
    "conv3 vmapped over maps and examples still takes the merged frames' program (5 chunked weight gradients)."
    monkeypatch.setattr(convs, "DW_CHUNK_BYTES", 3 * 8 * 8 * 10 * 4)
    loss = lambda w: jnp.sum(jnp.sin(jax.vmap(jax.vmap(lambda m: convs.conv3(m[None], w, B)[0]))(X)))
    merged = lambda w: jnp.sum(jnp.sin(convs.conv3(X.reshape(10, 8, 8, 4), w, B)))
    count = lambda f: str(jax.make_jaxpr(jax.grad(f))(W)).count("conv_general_dilated")
    assert count(loss) == count(merged) > 3
