"TimePool normalises its features once per call: the pooling weights and the values share one `Norm`, so the " \
"gradient runs one Norm backward (in the training step XLA:CPU computed each Norm backward inside both consumers of " \
"the teacher / student split's gradient). The numbers are those of the old form, the Norm applied per use."
import equinox as eqx
import jax
import jax.numpy as jnp
import numpy as np

from alphaearth_nb.nn import build
from alphaearth_nb.summary import TimePool


def _norm_calls(jaxpr) -> int:
    "custom_vjp calls in `jaxpr` (and its sub-jaxprs) whose backward is nn's `_normalise_bwd` (the Norm's)."
    n = 0
    for e in jaxpr.eqns:
        if e.primitive.name.startswith("custom_vjp_call"):
            n += "_normalise_bwd" in repr(e.params["bwd"])
            continue
        for p in e.params.values():
            for sub in (p if isinstance(p, (list, tuple)) else [p]):
                inner = getattr(sub, "jaxpr", sub)
                if hasattr(inner, "eqns"): n += _norm_calls(inner)
    return n


def _inputs():
    k1, k2 = jax.random.split(jax.random.key(7))
    f = jax.random.normal(k1, (6, 3, 3, 8))
    days = jnp.array([10.0, 90.0, 150.0, 220.0, 400.0, 700.0])
    valid = jax.random.uniform(k2, (6, 3, 3)) > 0.3
    return f, days, valid, jnp.array([100.0, 300.0])


def _old(p, feats, days, valid, period):
    "TimePool.__call__ as it was: the weights normalise the features, the values normalise them again."
    N, h, w, _ = feats.shape
    H, dh = p.heads, p.width // p.heads
    a = p.weights(feats, days, valid, period)
    v = p.value_proj(p.norm(feats)).reshape(N, h, w, H, dh)
    return p.out(jnp.einsum("nyxh,nyxhd->yxhd", a, v).reshape(h, w, p.width))


def test_timepool_normalises_once_with_the_same_numbers():
    pool = build(TimePool, 8, 16, 4, key=jax.random.key(4))
    args = _inputs()
    jaxpr = jax.make_jaxpr(lambda f: pool(f, *args[1:]))(args[0])
    assert _norm_calls(jaxpr.jaxpr) == 1
    assert _norm_calls(jax.make_jaxpr(lambda f: _old(pool, f, *args[1:]))(args[0]).jaxpr) == 2  # the counter counts
    np.testing.assert_allclose(np.asarray(pool(*args)), np.asarray(_old(pool, *args)), rtol=1e-6, atol=1e-6)
    loss = lambda fn: lambda p, f: jnp.sum(jnp.sin(fn(p, f, *args[1:])))
    g_new = eqx.filter_grad(loss(lambda p, *a: p(*a)))(pool, args[0])
    g_old = eqx.filter_grad(loss(_old))(pool, args[0])
    for a, b in zip(jax.tree.leaves(g_new), jax.tree.leaves(g_old)):
        np.testing.assert_allclose(np.asarray(a), np.asarray(b), rtol=1e-5, atol=1e-6 * (np.abs(b).max() + 1e-30))
    gf = jax.grad(lambda f: loss(lambda p, *a: p(*a))(pool, f))(args[0])
    gf_old = jax.grad(lambda f: loss(_old)(pool, f))(args[0])
    np.testing.assert_allclose(np.asarray(gf), np.asarray(gf_old), rtol=1e-5, atol=1e-6)
