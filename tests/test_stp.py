"Tests of the STP encoder: shapes, parameter count, masking, equivariance, gradients, scan depth, input errors."
import dataclasses

import equinox as eqx
import jax
import jax.numpy as jnp
import numpy as np
import pytest

from alphaearth_nb.core import ConfigError, DimensionError, Frames, GridError, MissingSourceError
from alphaearth_nb.nn import count_params
from alphaearth_nb.stp import Encoded, STPConfig, STPEncoder, TimeOp
from alphaearth_nb.stp import UNROLL_BLOCKS, frame_codes

TINY = STPConfig(patch=32, d_space=64, d_time=32, d_precision=16, blocks=2)
SPECS = {"sentinel2": (6, 0), "sentinel1": (5, 1)}


def frames(seed, t=8, c=6, L=32, p_valid=0.8, real=True, day0=1500.0):
    "Random frames of one source; `real=False` makes padding frames full of garbage."
    r = np.random.default_rng(seed)
    v = r.random((t, L, L, c)) < p_valid
    x = np.where(v, r.normal(size=(t, L, L, c)), 0).astype(np.float32)
    days = (day0 + np.sort(r.uniform(0, 365, t))).astype(np.float32)
    return Frames(jnp.asarray(x), jnp.asarray(v), jnp.asarray(days), jnp.full(t, real), jnp.zeros((t, 0)))


def cat(a, b):
    return jax.tree.map(lambda u, w: jnp.concatenate([u, w]), a, b)


@pytest.fixture(scope="module")
def enc():
    return STPEncoder(TINY, SPECS, key=jax.random.key(0))


@pytest.fixture(scope="module")
def fwd():
    return eqx.filter_jit(lambda m, x: m(x))


@pytest.fixture(scope="module")
def base(enc, fwd):
    x = {"sentinel2": frames(1)}
    return x, fwd(enc, x)


def test_tiny_shapes(base):
    _, out = base
    assert isinstance(out, Encoded)
    assert (out.feats.shape, out.days.shape, out.valid.shape) == ((8, 16, 16, 16), (8,), (8, 16, 16))
    assert out.feats.dtype == jnp.float32 and out.valid.dtype == jnp.bool_
    assert np.isfinite(np.asarray(out.feats)).all()


def test_lite_shape_and_count():
    lite = STPConfig(patch=128, d_space=1024, d_time=512, d_precision=128, blocks=15)
    specs = {"landsat_toa": (7, 0), "sentinel1": (5, 1), "sentinel2_l1c": (5, 0)}
    m = eqx.filter_eval_shape(STPEncoder, lite, specs, key=jax.random.key(0))
    n = count_params(m)
    assert 430e6 < n < 510e6, n   # the whole model (plus a few M) must land in 430-530 M
    sd = lambda t, c: Frames(jax.ShapeDtypeStruct((t, 128, 128, c), jnp.float32), jax.ShapeDtypeStruct((t, 128, 128, c), bool),
                             jax.ShapeDtypeStruct((t,), jnp.float32), jax.ShapeDtypeStruct((t,), bool),
                             jax.ShapeDtypeStruct((t, 0), jnp.float32))
    out = eqx.filter_eval_shape(lambda m, x: m(x), m, {"sentinel2_l1c": sd(6, 5), "landsat_toa": sd(3, 7), "sentinel1": sd(2, 5)})
    assert out.feats.shape == (11, 64, 64, 128) and out.valid.shape == (11, 64, 64) and out.days.shape == (11,)


def test_padding_frames_and_masked_source_change_nothing(enc, fwd, base):
    x, out = base
    # a whole source of padding frames (sorted first: sentinel1 < sentinel2) and padding appended to sentinel2
    pad1 = frames(7, t=4, c=5, p_valid=1.0, real=False, day0=1000.0)
    pad2 = frames(8, t=3, p_valid=1.0, real=False, day0=1600.0)
    y = {"sentinel1": pad1, "sentinel2": cat(x["sentinel2"], pad2)}
    o2 = fwd(enc, y)
    assert o2.feats.shape == (15, 16, 16, 16)
    assert np.isfinite(np.asarray(o2.feats)).all()
    np.testing.assert_allclose(np.asarray(o2.feats[4:12]), np.asarray(out.feats), atol=1e-5)
    np.testing.assert_array_equal(np.asarray(o2.valid[4:12]), np.asarray(out.valid))
    assert not np.asarray(o2.valid[:4]).any() and not np.asarray(o2.valid[12:]).any()


def test_time_attention_ignores_masked_frames():
    op = TimeOp(TINY, key=jax.random.key(3))
    t = jax.random.normal(jax.random.key(4), (6, 4, 4, 32))
    tc = frame_codes(jnp.arange(6.0) * 9, jnp.ones(6, bool))
    mask = jnp.ones((6, 16), bool).at[4:].set(False).at[1, 5].set(False)   # two padding frames, one invalid cell
    others = jnp.array([0, 2, 3])
    jac = jax.jit(jax.grad(lambda t: op(t, mask, tc)[others].sum()))(t)
    assert np.abs(np.asarray(jac[4:])).max() == 0           # padding frames never reach the real ones
    # frame 1 is invisible to the others at cell 5 = (1, 1), visible at cell 4 = (1, 0)
    assert np.abs(np.asarray(jac[1, 1, 1])).max() == 0 and np.abs(np.asarray(jac[1, 1, 0])).max() > 0


def test_permutation_equivariance(enc, fwd, base):
    x, out = base
    perm = np.array([3, 0, 7, 5, 1, 6, 2, 4])
    xp = {"sentinel2": jax.tree.map(lambda a: a[perm], x["sentinel2"])}
    op = fwd(enc, xp)
    np.testing.assert_allclose(np.asarray(op.feats), np.asarray(out.feats)[perm], atol=1e-5)
    np.testing.assert_array_equal(np.asarray(op.days), np.asarray(out.days)[perm])


def test_no_nan_when_everything_masked(enc, fwd):
    f = frames(2)
    f = dataclasses.replace(f, valid=f.valid.at[:, :16, :16].set(False))   # a quarter of the patch never valid
    o = fwd(enc, {"sentinel2": f})
    assert np.isfinite(np.asarray(o.feats)).all() and not np.asarray(o.valid[:, :8, :8]).any()
    o = fwd(enc, {"sentinel2": dataclasses.replace(f, frame=jnp.zeros(8, bool))})   # no real frame at all
    assert np.isfinite(np.asarray(o.feats)).all() and not np.asarray(o.valid).any()


def test_gradient_reaches_every_parameter(enc, batch_three):
    "The encoder's parameter gradients of `batch_three` (a loss of its features over a batch of two sources, by "
    "`jax.vmap` and by `batch`): one per parameter, finite, and nonzero for nearly all."
    params = jax.tree.leaves(eqx.filter(enc, eqx.is_array))
    for g in batch_three["grads"]:
        leaves = jax.tree.leaves(g)
        assert len(leaves) == len(params)
        assert all(np.isfinite(np.asarray(l)).all() for l in leaves)
        nonzero = [bool(np.abs(np.asarray(l)).max() > 0) for l in leaves]
        assert np.mean(nonzero) > 0.9, np.mean(nonzero)   # (key biases of attention get exactly zero: softmax ignores them)


def shapes_of(tree):
    return jax.tree.map(lambda a: jax.ShapeDtypeStruct(a.shape, a.dtype), tree)


def test_blocks_run_in_one_scan():
    "Deep encoders hold one block whatever the depth; up to UNROLL_BLOCKS blocks run as straight-line code."
    x = shapes_of({"sentinel2": frames(5)})
    texts = {}
    for blocks in (1, 2, UNROLL_BLOCKS + 1, UNROLL_BLOCKS + 3):
        m = eqx.filter_eval_shape(STPEncoder, dataclasses.replace(TINY, blocks=blocks), SPECS, key=jax.random.key(0))
        assert jax.tree.leaves(m.blocks)[0].shape[0] == blocks
        params, static = eqx.partition(m, lambda a: isinstance(a, jax.ShapeDtypeStruct))
        texts[blocks] = jax.jit(lambda p, x: eqx.combine(p, static)(x).feats).lower(params, x).as_text()
    deep, deeper = texts[UNROLL_BLOCKS + 1], texts[UNROLL_BLOCKS + 3]
    assert "stablehlo.while" in deep
    assert deep.count("\n") == deeper.count("\n")    # the program holds one block whatever the depth
    assert "stablehlo.while" not in texts[2]
    assert texts[2].count("\n") > texts[1].count("\n")  # straight-line: one copy per block


def test_bf16_and_remat():
    cfg = dataclasses.replace(TINY, dtype="bfloat16", remat=True)
    m = eqx.filter_eval_shape(STPEncoder, cfg, SPECS, key=jax.random.key(0))
    assert all(a.dtype == jnp.float32 for a in jax.tree.leaves(m) if hasattr(a, "dtype"))   # parameters stay float32
    params, static = eqx.partition(m, lambda a: isinstance(a, jax.ShapeDtypeStruct))
    x = shapes_of({"sentinel2": frames(5)})
    jaxpr = str(jax.make_jaxpr(lambda p, x: jnp.sum(eqx.combine(p, static)(x).feats))(params, x))
    assert "bf16" in jaxpr and ("checkpoint" in jaxpr or "remat" in jaxpr)
    out = eqx.filter_eval_shape(lambda m, x: m(x), m, x)
    assert out.feats.dtype == jnp.float32


def test_input_errors(enc):
    f = frames(1)
    with pytest.raises(DimensionError, match=r"jax\.vmap\(encoder\)"):
        enc({"sentinel2": jax.tree.map(lambda a: a[None], f)})
    with pytest.raises(MissingSourceError, match="no projector.*drop them"):
        enc({"landsat": f})
    with pytest.raises(DimensionError, match="built for 5"):
        enc({"sentinel1": f})
    with pytest.raises(GridError, match="SamplerConfig.patch"):
        enc({"sentinel2": frames(1, L=48)})
    with pytest.raises(ConfigError, match="patch=32"):
        STPConfig(patch=30)
    with pytest.raises(ConfigError, match="divides"):
        STPConfig(d_time=96, heads_time=5)



def _batch_of_three():
    def one(seed, real):
        s1 = frames(seed, t=3, c=5, real=real)
        s1 = Frames(s1.x, s1.valid, s1.days, s1.frame, jnp.ones((3, 1)) * seed)
        return {"sentinel2": frames(seed + 1, t=4, day0=1500.0 + 40 * seed), "sentinel1": s1}
    return jax.tree.map(lambda *a: jnp.stack(a), one(3, True), one(5, False), one(7, True))


def _same(ref, got, **tol):
    for a, b in zip(jax.tree.leaves(ref), jax.tree.leaves(got)):
        assert a.shape == b.shape
        np.testing.assert_allclose(np.asarray(a, np.float32), np.asarray(b, np.float32), **tol)


@pytest.fixture(scope="module")
def batch_three(enc):
    """`_batch_of_three` through `enc` (2 blocks, straight-line code) and through `deep` (UNROLL_BLOCKS + 1 blocks
    under `lax.scan`, remat), each by `jax.vmap` and by `STPEncoder.batch`, and `enc`'s parameter gradients of
    sum(sin(features)) both ways, in one compiled program (the programs compiled one by one took longer; `enc`'s
    outputs are its gradients' forward pass): {"enc", "deep", "grads"}, each a (by vmap, by batch) pair."""
    xs = _batch_of_three()
    deep = STPEncoder(dataclasses.replace(TINY, blocks=UNROLL_BLOCKS + 1, remat=True), SPECS, key=jax.random.key(1))

    @eqx.filter_jit
    def every_way(deep, enc, xs):
        def grad(f):
            loss = lambda m: (lambda out: (jnp.sum(jnp.sin(out.feats)), out))(f(m))
            g, out = eqx.filter_grad(loss, has_aux=True)(enc)
            return eqx.filter(g, eqx.is_array), out
        (g_vmap, e_vmap), (g_batch, e_batch) = grad(lambda m: jax.vmap(m)(xs)), grad(lambda m: m.batch(xs))
        return dict(enc=(e_vmap, e_batch), deep=(jax.vmap(deep)(xs), deep.batch(xs)), grads=(g_vmap, g_batch))
    return every_way(deep, enc, xs)


def test_batch_equals_vmap(enc, batch_three):
    "STPEncoder.batch (all frames of the batch in one pass, one example after another) gives jax.vmap(encoder)'s "
    "numbers: two sources of 3 and 4 frames, an example of padding frames only."
    _same(*batch_three["enc"], atol=2e-5)
    xs = _batch_of_three()
    with pytest.raises(DimensionError, match="same leading"):
        enc.batch({"sentinel2": xs["sentinel2"], "sentinel1": jax.tree.map(lambda a: a[:2], xs["sentinel1"])})


@pytest.mark.slow
def test_batch_equals_vmap_scanned_and_gradients(batch_three):
    "The same under `lax.scan` (more than UNROLL_BLOCKS blocks) and with remat, and the same parameter gradients "
    "(~1 min)."
    _same(*batch_three["deep"], atol=2e-5)
    _same(*batch_three["grads"], atol=2e-4, rtol=1e-4)


SHARDED = """
import json, jax, jax.numpy as jnp, numpy as np, equinox as eqx
from jax.sharding import Mesh, NamedSharding, PartitionSpec as P
import runpy
from alphaearth_nb.core import Frames
from alphaearth_nb.stp import STPEncoder
t = runpy.run_path({path!r})   # this file's TINY, SPECS and frames, loaded by path
TINY, SPECS, frames = t["TINY"], t["SPECS"], t["frames"]
enc = STPEncoder(TINY, SPECS, key=jax.random.key(0))
def one(s):
    f = frames(s + 50, t=3, c=5, real=s % 3 > 0)
    return {{"sentinel2": frames(s, t=4), "sentinel1": Frames(f.x, f.valid, f.days, f.frame, jnp.ones((3, 1)))}}
xs = jax.tree.map(lambda *a: jnp.stack(a), *[one(s) for s in range(8)])
loss = lambda m, x: jnp.sum(jnp.sin(m.batch(x).feats))
res = {{}}
for name, devs in (("single", jax.devices()[:1]), ("sharded", jax.devices())):
    mesh = Mesh(np.array(devs), ("data",))
    x = jax.device_put(xs, NamedSharding(mesh, P("data")))
    m = jax.device_put(enc, NamedSharding(mesh, P()))
    f = eqx.filter_jit(eqx.filter_value_and_grad(loss)).lower(m, x).compile()   # compiled once, run as compiled
    ca = f.compiled.cost_analysis()
    v, g = f(m, x)
    res[name] = (float(v), [np.asarray(a) for a in jax.tree.leaves(eqx.filter(g, eqx.is_array))],
                 (ca[0] if isinstance(ca, list) else ca)["flops"])
print("RESULT" + json.dumps(dict(loss=abs(res["single"][0] - res["sharded"][0]),
                                 grad=max(float(np.max(np.abs(a - b)) / (np.max(np.abs(a)) + 1e-30))
                                          for a, b in zip(res["single"][1], res["sharded"][1])),
                                 flops=res["sharded"][2] / res["single"][2])))
"""


@pytest.mark.slow
def test_batch_sharded_equals_single_device():
    "encoder.batch with its batch axis split over 8 (faked CPU) devices: the single device's loss and gradients, and "
    "each device computes its own examples (the example-after-example layout keeps the split; frames of all examples "
    "interleaved made XLA run most of the encoder on every device)."
    import os, subprocess, sys, json
    env = dict(os.environ, XLA_FLAGS="--xla_force_host_platform_device_count=8", JAX_PLATFORMS="cpu")
    p = subprocess.run([sys.executable, "-c", SHARDED.format(path=__file__)], env=env,
                       capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr[-3000:]
    r = json.loads(p.stdout.split("RESULT")[-1])
    assert r["loss"] < 1e-5 * 8 * 7 * 16**3 and r["grad"] < 1e-4, r   # grad: relative to each leaf's largest (seen 1.1e-5)
    assert r["flops"] < 0.25, r   # per device; 1/8 when the work splits evenly


def test_scanned_blocks_same_gradients_as_unrolled(monkeypatch):
    "Deeper than UNROLL_BLOCKS the blocks run under `lax.scan`, where `conv3` takes its own backward pass on the CPU "
    "(`nn.loop_body`): the same loss and parameter gradients as the same encoder run as straight-line code."
    import alphaearth_nb.stp as stp
    # two blocks, scanned where UNROLL_BLOCKS is 1: the scan's carry and its backward pass from block to block, as in a
    # deeper encoder (UNROLL_BLOCKS + 1 = 5 blocks as straight-line code: 62 CPU s for this test, 43 s with 2)
    deep = STPEncoder(dataclasses.replace(TINY, blocks=2), SPECS, key=jax.random.key(2))
    x = {"sentinel2": frames(7, t=4)}
    def run(unroll):
        monkeypatch.setattr(stp, "UNROLL_BLOCKS", unroll)
        f = eqx.filter_jit(eqx.filter_value_and_grad(lambda m, x: jnp.sum(jnp.sin(m(x).feats)))).lower(deep, x)
        return f.compile()(deep, x), f.as_text()
    (v_scan, g_scan), text = run(1)
    assert "stablehlo.while" in text
    (v_line, g_line), text = run(2)
    assert "stablehlo.while" not in text
    np.testing.assert_allclose(float(v_scan), float(v_line), rtol=1e-5)
    for a, b in zip(jax.tree.leaves(eqx.filter(g_scan, eqx.is_array)), jax.tree.leaves(eqx.filter(g_line, eqx.is_array))):
        np.testing.assert_allclose(np.asarray(a), np.asarray(b), atol=1e-4 * (np.abs(np.asarray(b)).max() + 1e-6), rtol=1e-4)


def test_conv3_chunked_weight_gradient(monkeypatch):
    "conv3's weight gradient over chunks of strided frames (12 frames: 3 chunks of every 3rd frame) and over "
    "contiguous chunks (7 frames, prime: no equal strided chunks near 3): XLA's whole gradients within float32 rounding."
    import alphaearth_nb.convs as convs   # where the chunk size is read (split from nn, session 42)
    import alphaearth_nb.nn as nn
    assert (convs._strided_chunks(12, 4), convs._strided_chunks(12, 5), convs._strided_chunks(7, 3), convs._strided_chunks(8, 8)) \
        == (3, 3, 0, 1)
    for n in (12, 7):
        x, g = jax.random.normal(jax.random.key(n), (2, n, 8, 8, 8))
        w = jax.random.normal(jax.random.key(1), (3, 3, 8, 8)) / 9
        loss = lambda x, w: jnp.sum(nn.conv3(x, w, jnp.zeros(8)) * g)
        whole = jax.jit(jax.grad(loss, (0, 1)))(x, w)
        monkeypatch.setattr(convs, "DW_CHUNK_BYTES", 3 * 8 * 8 * 16 * 4)  # 3 frames of 8 x 8 x (8 + 8) float32 a chunk
        chunked = jax.jit(jax.grad(loss, (0, 1)))(x, w)
        monkeypatch.undo()
        for a, b in zip(whole, chunked):
            np.testing.assert_allclose(np.asarray(b), np.asarray(a), atol=1e-5 * float(np.abs(a).max()))
