"""nn.Dense under `jax.vmap` (the summary's layers, the text head's and the decoders' output layers under
total_loss's vmap over examples) keeps the mapped axis among its rows (`nn._dense_rows`, a custom_vmap rule), so that the weight
gradient is ONE product over every example's rows: before, JAX took a batched product of one weight gradient per
example (XLA:CPU runs it as Eigen's batched dot, not YNNPACK's) and then summed them. tiny's step: 1,870 -> 1,854
thunks, shortest runs 30.2 -> 28.7 ms, losses of 3 steps bit-equal (benchmarks/NOTES.md, Session 50 step)."""
import jax
import jax.numpy as jnp
import numpy as np

from alphaearth_nb import nn

DENSE = nn.Dense(6, 5, key=jax.random.key(0))
X = jax.random.normal(jax.random.key(1), (3, 4, 7, 6))   # examples, periods, rows, channels


def _loss(d, x, vmaps):
    f = lambda v: jnp.sin(d(v))
    for _ in range(vmaps): f = jax.vmap(f)
    return f(x).sum()


def _batched_products(d, x, vmaps) -> list:
    "The dot_generals with batch dimensions in the jaxpr of the weight gradient."
    jaxpr = jax.make_jaxpr(jax.grad(_loss), static_argnums=2)(d, x, vmaps)
    found = []
    def walk(j):
        for e in j.eqns:
            if e.primitive.name == "dot_general" and e.params["dimension_numbers"][1][0]: found.append(e)
            for v in e.params.values():
                for s in (v if isinstance(v, (tuple, list)) else [v]):
                    if hasattr(s, "jaxpr"): walk(s.jaxpr if hasattr(s.jaxpr, "eqns") else s.jaxpr.jaxpr)
                    elif hasattr(s, "eqns"): walk(s)
    walk(jaxpr.jaxpr)
    return found


def test_vmapped_dense_weight_gradient_is_one_product():
    for vmaps, x in ((1, X[0]), (2, X)):
        assert not _batched_products(DENSE, x, vmaps), f"{vmaps} vmaps: a product per example"


def test_vmapped_dense_gradients_are_the_sums_of_the_examples():
    w, b = np.asarray(DENSE.w, np.float64), np.asarray(DENSE.b, np.float64)
    x = np.asarray(X, np.float64)
    gy = np.cos(x @ w + b)   # d sin(y) / dy
    g = jax.jit(jax.grad(_loss), static_argnums=2)(DENSE, X, 2)
    np.testing.assert_allclose(g.w, x.reshape(-1, 6).T @ gy.reshape(-1, 5), rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(g.b, gy.reshape(-1, 5).sum(0), rtol=1e-5, atol=1e-5)
    y = jax.vmap(jax.vmap(DENSE))(X)   # the forward map unchanged
    np.testing.assert_allclose(y, x @ w + b, rtol=1e-5, atol=1e-5)


def test_per_example_gradients_stay_per_example():
    "vmap OF grad (the rule's merge applies to grad of vmap only): each example's own weight gradient."
    per = jax.vmap(jax.grad(lambda d, x: jnp.sin(d(x)).sum()), (None, 0))(DENSE, X[:, 0])
    for i in range(3):
        one = jax.grad(lambda d: jnp.sin(d(X[i, 0])).sum())(DENSE)
        np.testing.assert_allclose(per.w[i], one.w, rtol=1e-6, atol=1e-6)
        np.testing.assert_allclose(per.b[i], one.b, rtol=1e-6, atol=1e-6)


def test_mapped_weights_and_other_axes():
    "Stacked layers vmapped with their inputs (vmapped as JAX would), and inputs mapped along a later axis."
    ds = jax.vmap(lambda k: nn.Dense(6, 5, key=k))(jax.random.split(jax.random.key(2), 3))
    y = jax.vmap(lambda d, x: d(x))(ds, X[:, 0])
    np.testing.assert_allclose(y, jnp.einsum("nri,nio->nro", X[:, 0], ds.w) + ds.b[:, None], rtol=1e-5, atol=1e-5)
    g = jax.grad(lambda d: jnp.sin(jax.vmap(d, in_axes=1, out_axes=1)(X[0])).sum())(DENSE)
    want = jax.grad(lambda d: jnp.sin(d(X[0])).sum())(DENSE)
    np.testing.assert_allclose(g.w, want.w, rtol=1e-5, atol=1e-5)
    assert not _batched_products(DENSE, X[0].swapaxes(0, 1), 1)
