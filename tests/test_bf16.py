"The bfloat16 policy: products of bfloat16 operands summed in float32 (nn.products), float32 activations on the CPU, "
"parameter gradients in float32; the bf16 training step tracks the float32 one and its loss falls."
import jax
import jax.numpy as jnp
import numpy as np
import pytest

from alphaearth_nb import nn, tracing
from alphaearth_nb.train import TrainConfig, apply_policy, init_state, make_optimizer, make_train_step

BF, F32 = jnp.bfloat16, jnp.float32


def _rel(a, b): return float(jnp.max(jnp.abs(a - b)) / jnp.max(jnp.abs(b)))


def _layers():
    "(name, fn(params, x) -> y, params, x) for a Dense, a chunked conv3 and attention along both axes."
    k = jax.random.split(jax.random.key(0), 6)
    dense = nn.Dense(16, 24, key=k[0])
    att = nn.Attention(16, 2, key=k[1])
    w = nn.host_normal(k[2], (3, 3, 8, 12), 72)
    x = jax.random.normal(k[3], (6, 5, 16))
    img = jax.random.normal(k[4], (48, 8, 8, 8))  # more frames than one chunk of conv3's weight gradient
    mask = jnp.ones((6, 5), bool).at[0, 1].set(False)
    return [("dense", lambda p, a: p(a), dense, x),
            ("conv3", lambda p, a: nn.conv3(a, p, jnp.zeros(12)), w, img),
            ("space attention", lambda p, a: p(a, mask, axis=1), att, x),
            ("time attention", lambda p, a: p(a, mask, axis=0, groups=2), att, x)]


@pytest.mark.parametrize("i", range(4))
def test_products_round_operands_and_sum_in_float32(i):
    name, f, p, x = _layers()[i]
    def loss(p, x): return jnp.sum(jnp.sin(f(p, x)))
    grad = jax.jit(jax.grad(loss, argnums=(0, 1)))
    g32 = grad(p, x)
    with nn.products("bfloat16"):
        jaxpr = str(jax.make_jaxpr(jax.grad(loss, argnums=(0, 1)))(p, x))
        glow = jax.jit(jax.grad(loss, argnums=(0, 1)))(p, x)
        y = f(p, x)
    assert y.dtype == F32  # float32 activations in, float32 out: only the products' operands are rounded
    np.testing.assert_allclose(y, f(p, x), rtol=0, atol=3e-2 * float(jnp.abs(f(p, x)).max()))
    assert "bf16" in jaxpr and "preferred_element_type=float32" in jaxpr, name
    for a, b in zip(jax.tree.leaves(glow), jax.tree.leaves(g32)):
        assert a.dtype == b.dtype == F32  # gradients w.r.t. parameters (and inputs) stay float32
        assert _rel(a, b) < 3e-2, (name, _rel(a, b))


def test_bfloat16_activations_take_float32_sums():
    "With bfloat16 activations (accelerators) the products sum in float32 too, and return bfloat16."
    for name, f, p, x in _layers():
        jaxpr = str(jax.make_jaxpr(f)(p, x.astype(BF)))
        assert f(p, x.astype(BF)).dtype == BF and "preferred_element_type=float32" in jaxpr, name


def test_float32_policy_unchanged():
    "products('float32') and no context trace the same program: the float32 policy is the plain one."
    for name, f, p, x in _layers():
        plain = str(jax.make_jaxpr(jax.grad(lambda p: jnp.sum(f(p, x))))(p))
        with nn.products("float32"):
            assert str(jax.make_jaxpr(jax.grad(lambda p: jnp.sum(f(p, x))))(p)) == plain, name
        assert "bf16" not in plain


def test_cpu_rounds_only_wide_dense_forward():
    "Traced for the CPU (float32 activations there) `products` rounds only a Dense's forward product, and only from "
    "CPU_LOW_MIN_WIDTH on; the rest is the float32 program."
    k = jax.random.split(jax.random.key(1), 2)
    w = nn.CPU_LOW_MIN_WIDTH
    wide, x = nn.Dense(w, w, key=k[0]), jax.random.normal(k[1], (8, w))
    def jaxpr(f, p, x):
        with nn.products("bfloat16"), nn.traced_for("cpu"):
            return str(jax.make_jaxpr(jax.grad(lambda p, x: jnp.sum(jnp.sin(f(p, x))), argnums=(0, 1)))(p, x))
    j = jaxpr(lambda p, a: p(a), wide, x)
    assert j.count("bf16[") == 2  # the forward product's two operands rounded; `_affine`'s float32 backward pass
    for name, f, p, x in _layers():  # narrow layers, convolutions, attention: as plain float32
        assert "bf16" not in jaxpr(f, p, x), name


def test_activation_dtype_per_platform():
    assert nn.activation_dtype("float32") == F32
    assert nn.activation_dtype("bfloat16") == BF  # platform unknown: as on accelerators
    with nn.traced_for("cpu"): assert nn.activation_dtype("bfloat16") == F32
    with nn.traced_for("tpu"): assert nn.activation_dtype("bfloat16") == BF


@pytest.mark.slow
def test_bf16_step_tracks_f32_and_loss_falls(monkeypatch):
    "The tiny model (one block) on the sample scene. The CPU's bf16 policy: float32 activations, and at tiny's widths "
    "(< CPU_LOW_MIN_WIDTH) no rounded product, so the float32 step to the bit. The accelerators' policy, forced on the "
    "CPU (bfloat16 activations, every product of bfloat16 operands): 40 steps finite, the first 3 losses within 1% of "
    "float32's, the loss falling, parameters float32. (40 steps since session 41's scene with cloudy inputs: float32 "
    "itself ends 20 steps of batches of 2 where it began, 0.740 -> 0.740, and falls to 0.72x by 40.)"
    from alphaearth_nb import losses, model, samples, scene, stp
    stack, texts, _ = scene.load_scene()
    cfg = model.preset("tiny", blocks=1)
    m = model.AlphaEarth(cfg, key=jax.random.key(0))
    batches = samples.Batches(stack, samples.sampler_config(cfg, "tiny"), 2, seed=0, texts=texts)
    def run(bf16, n):
        tcfg = TrainConfig(steps=40, warmup=3, peak_lr=5e-3, batch_size=2, bf16=bf16)
        opt = make_optimizer(tcfg)
        state, step, out = init_state(apply_policy(m, tcfg), opt), make_train_step(losses.total_loss, opt), []
        for i in range(n):
            state, loss, aux = step(state, batches.batch_at(i))
            out.append(float(loss))
            assert float(aux["skipped"]) == 0.0
        return np.array(out), state
    ref, _ = run(False, 3)
    cpu, _ = run(True, 3)
    np.testing.assert_array_equal(cpu, ref)
    monkeypatch.setattr(stp, "activation_dtype", lambda dtype: nn.DTYPES[dtype])  # as on an accelerator
    monkeypatch.setattr(tracing, "CPU_LOW_PRODUCTS", ("dense", "attention", "conv3"))
    monkeypatch.setattr(tracing, "CPU_LOW_MIN_WIDTH", 0)
    low, state = run(True, 40)
    assert np.isfinite(low).all() and state.model.cfg.stp.dtype == "bfloat16"
    assert all(a.dtype == F32 for a in jax.tree.leaves(state.model) if hasattr(a, "dtype") and jnp.issubdtype(a.dtype, jnp.floating))
    np.testing.assert_allclose(low[:3], ref, rtol=1e-2)
    assert low[-5:].mean() < 0.9 * low[:5].mean(), low
