"conv3 under jax.vmap merges the mapped axes into its frames (convs._conv3_frames, a custom_vmap): the summary's " \
"Upsample, vmapped over the periods and the examples, takes conv3's chunked weight gradient over all its maps at once " \
"(small: 20 maps of 32 x 32 x 32; XLA's own weight gradient of the vmapped convolution ran some 3x slower a FLOP)."
import equinox as eqx
import jax
import jax.numpy as jnp
import numpy as np
import pytest

from alphaearth_nb import convs, nn

R = np.random.default_rng(0)
X = jnp.asarray(R.normal(size=(2, 5, 8, 8, 4)), jnp.float32)   # 2 examples x 5 maps, as the Upsample's [B, P, ...]
W = jnp.asarray(R.normal(size=(3, 3, 4, 6)), jnp.float32)
B = jnp.zeros(6)


def loss(y): return jnp.sum(jnp.sin(y))
def own(x, w): return jax.lax.conv_general_dilated(x, w, (1, 1), "SAME", dimension_numbers=("NHWC", "HWIO", "NHWC"))
def vmapped(w, x):
    "Conv3 (the Upsample's module) on one HWC map at a time, vmapped over the maps and over the examples."
    conv = eqx.tree_at(lambda m: m.w, nn.Conv3(4, 6, key=jax.random.PRNGKey(0)), w)
    return loss(jax.vmap(jax.vmap(conv))(x))
def merged(w, x): return loss(convs.conv3(x.reshape(10, *x.shape[2:]), w, B).reshape(*x.shape[:2], 8, 8, 6))


@pytest.fixture
def chunks(monkeypatch):
    "Chunks of 3 frames of 8 x 8 x (4 + 6) float32 (so 10 frames are 5 strided chunks of 2)."
    monkeypatch.setattr(convs, "DW_CHUNK_BYTES", 3 * 8 * 8 * 10 * 4)


def n_convs(f, *args): return str(jax.make_jaxpr(f)(*args)).count("conv_general_dilated")


def test_vmapped_gradient_is_the_merged_one(chunks):
    "Conv3 on one HWC map, vmapped over maps and over examples: the gradient's program is conv3's on the 10 merged " \
    "frames (forward, input gradient, 5 chunked weight gradients), and its numbers are those (XLA's own to rounding)."
    g = jax.grad(vmapped, (0, 1))
    xla = jax.grad(lambda w, x: loss(jax.vmap(jax.vmap(lambda m: own(m[None], w)[0]))(x)), (0, 1))
    assert n_convs(xla, W, X) == 3   # forward, input gradient, weight gradient
    assert n_convs(g, W, X) == n_convs(jax.grad(merged, (0, 1)), W, X) > 7   # and 5 chunks' weight gradients
    for a, b in zip(g(W, X), jax.grad(merged, (0, 1))(W, X)): np.testing.assert_array_equal(a, b)
    for a, b in zip(g(W, X), xla(W, X)): np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-4)


def test_other_transformations_keep_xla_numbers(chunks):
    "A mapped kernel, constants inside a vmap, vmap of grad, grad without vmap, jit and a scan: XLA's numbers."
    ws = jnp.stack([W, 2 * W])
    np.testing.assert_allclose(jax.vmap(lambda v: convs.conv3(X[0], v, B))(ws), jax.vmap(lambda v: own(X[0], v))(ws),
                               rtol=1e-5, atol=1e-4)
    np.testing.assert_allclose(jax.vmap(lambda m, v: convs.conv3(m, v, B))(X, ws), jax.vmap(own)(X, ws),
                               rtol=1e-5, atol=1e-4)
    assert jax.vmap(lambda s: convs.conv3(X[0], W, B).sum() * s)(jnp.ones(3)).shape == (3,)
    per = lambda f: jax.vmap(lambda v: jax.grad(lambda v: loss(jax.vmap(lambda m: f(m[None], v)[0])(X[0])))(v))(ws)
    np.testing.assert_allclose(per(lambda m, v: convs.conv3(m, v, B)), per(own), rtol=1e-5, atol=1e-4)
    np.testing.assert_allclose(jax.grad(lambda w: loss(convs.conv3(X[0], w, B)))(W),
                               jax.grad(lambda w: loss(own(X[0], w)))(W), rtol=1e-5, atol=1e-4)
    np.testing.assert_allclose(jax.vmap(jax.grad(lambda m: loss(convs.conv3(m, W, B))))(X),
                               jax.vmap(jax.grad(lambda m: loss(own(m, W))))(X), rtol=1e-5, atol=1e-4)
    jitted = jax.jit(jax.grad(lambda w: loss(jax.vmap(lambda m: convs.conv3(m, w, B))(X))))
    np.testing.assert_allclose(jitted(W), jax.grad(lambda w: loss(jax.vmap(lambda m: own(m, w))(X)))(W),
                               rtol=1e-5, atol=1e-4)
    def scanned(f):
        body = lambda c, _: (c, loss(jax.vmap(lambda m: f(m, W))(c)))
        return jax.grad(lambda x: jax.lax.scan(body, x, None, length=2)[1].sum())(X)
    np.testing.assert_allclose(scanned(lambda m, w: convs.conv3(m, w, B)), scanned(own), rtol=1e-5, atol=1e-4)
