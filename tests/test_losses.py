"Tests of alphaearth_nb.losses on the tiny preset: finite terms, gradients where they belong, perturbations, CLIP."
import equinox as eqx
import jax
import jax.numpy as jnp
import numpy as np
import pytest

from alphaearth_nb.core import ConfigError, Frames, TrainExample
from alphaearth_nb.losses import (LossWeights, Perturbations, clip_loss, perturb, perturb_draws, total_loss,
                                  uniformity_loss)
from alphaearth_nb.model import dummy_example, init, preset
from alphaearth_nb.summary import unit

TERMS = ("recon", "uniformity", "consistency", "clip")


@pytest.fixture(scope="module")
def tiny():
    "The tiny preset with one encoder block (the losses' terms and gradients need no second; it halves the compile)."
    cfg = preset("tiny", blocks=1)
    batch = dummy_example(cfg, 0, batch=2)
    return init(cfg, 0), batch


@pytest.fixture(scope="module")
def grad_fn():
    "Gradient of `w . terms` for a traced weight vector: one compile serves every term."
    def f(model, batch, key, w):
        loss, terms = total_loss(model, batch, key)
        return sum(w[i] * terms[k] for i, k in enumerate(TERMS)), {**terms, "loss": loss}
    return eqx.filter_jit(eqx.filter_value_and_grad(f, has_aux=True))


def gsum(tree) -> float:
    "The sum of |g| over every leaf, on the host (jnp's sum compiled a program per leaf shape)."
    return float(sum(np.abs(np.asarray(x, np.float64)).sum() for x in jax.tree.leaves(eqx.filter(tree, eqx.is_array))))


def one_hot(k): return jnp.asarray([float(t == k) for t in TERMS])


@pytest.fixture(scope="module")
def grads(tiny, grad_fn):
    model, batch = tiny
    return {k: grad_fn(model, batch, jax.random.key(1), one_hot(k)) for k in TERMS}


def test_terms_are_finite(grads):
    (_, terms), _ = grads["recon"]
    assert set(TERMS) <= set(terms) and "recon/sentinel2" in terms
    for k, v in terms.items(): assert np.isfinite(float(v)), k
    for k, ((_, _), g) in grads.items():
        assert all(np.isfinite(np.asarray(x)).all() for x in jax.tree.leaves(eqx.filter(g, eqx.is_array))), k


def test_gradients_reach_the_right_parameters(grads):
    g = {k: v[1] for k, v in grads.items()}
    # reconstruction: decoder, summary and encoder; not the text head
    assert gsum(g["recon"].decoders["sentinel2"]) > 0 and gsum(g["recon"].summary) > 0 and gsum(g["recon"].encoder) > 0
    assert gsum(g["recon"].text_mlp) == 0 and float(g["recon"].log_scale) == 0
    # CLIP: text head, temperature, and the embedding side; never the decoders
    assert gsum(g["clip"].text_mlp) > 0 and float(g["clip"].log_scale) != 0 and gsum(g["clip"].summary) > 0
    assert gsum(g["clip"].decoders) == 0
    # uniformity and consistency shape the embedding only
    for k in ("uniformity", "consistency"):
        assert gsum(g[k].summary) > 0 and gsum(g[k].encoder) > 0 and gsum(g[k].decoders) == 0 and gsum(g[k].text_mlp) == 0


def test_total_is_the_weighted_sum(grads):
    (_, terms), _ = grads["recon"]
    w = LossWeights()
    want = w.recon * terms["recon"] + w.uniformity * terms["uniformity"] + w.consistency * terms["consistency"] + w.clip * terms["clip"]
    np.testing.assert_allclose(float(terms["loss"]), float(want), rtol=1e-6)
    assert (w.recon, w.uniformity, w.consistency, w.clip) == (1.0, 0.05, 0.02, 0.001)
    assert 0.0 <= float(terms["spread"]) <= 1.0 + 1e-6     # logged for the collapse watch, not in the loss (above)


def test_masked_source_stays_finite(tiny, grad_fn):
    "A target with no valid pixel and an input with no valid frame: every term and gradient finite."
    model, batch = tiny
    t = batch.targets["sentinel2"]
    s2 = batch.inputs["sentinel2"]
    empty_t = eqx.tree_at(lambda x: x.valid, t, jnp.zeros_like(t.valid))
    empty_in = Frames(jnp.zeros_like(s2.x), jnp.zeros_like(s2.valid), s2.days, jnp.zeros_like(s2.frame), s2.meta)
    for b in (TrainExample(batch.inputs, {"sentinel2": empty_t}, batch.texts, batch.period),
              TrainExample({"sentinel2": empty_in}, batch.targets, batch.texts, batch.period)):
        (val, terms), g = grad_fn(model, b, jax.random.key(2), jnp.ones(4))
        assert np.isfinite(float(val)) and all(np.isfinite(float(v)) for v in terms.values())
        assert all(np.isfinite(np.asarray(x)).all() for x in jax.tree.leaves(eqx.filter(g, eqx.is_array)))
    (_, terms), g = grad_fn(model, TrainExample(batch.inputs, {"sentinel2": empty_t}, batch.texts, batch.period),
                            jax.random.key(2), one_hot("recon"))
    assert float(terms["recon"]) == 0 and gsum(g.decoders) == 0


def test_clip_ranks_the_matching_text_first():
    k1, k2, k3 = jax.random.split(jax.random.key(3), 3)
    emb = unit(jax.random.normal(k1, (6, 64)))
    text = unit(emb + 0.5 * unit(jax.random.normal(k2, (6, 64))))  # each text near its own pixel's embedding
    valid = jnp.array([True] * 5 + [False])
    sim = np.asarray(text @ emb.T)[:5, :5]
    assert (sim.argmax(1) == np.arange(5)).all() and (sim.argmax(0) == np.arange(5)).all()
    scale = jnp.float32(1 / 0.07)
    matched = float(clip_loss(text, emb, valid, scale))
    shuffled = float(clip_loss(text, emb[jnp.array([1, 2, 3, 4, 0, 5])], valid, scale))
    assert matched < 0.1 < shuffled
    # padding is neither a row nor a column: changing the padded text changes nothing
    np.testing.assert_allclose(float(clip_loss(text.at[5].set(emb[0]), emb, valid, scale)), matched, rtol=1e-6)


def test_uniformity_rotates_the_batch():
    e = jnp.eye(4)
    u = jnp.stack([e[0], e[1], e[2]])[:, None, None]             # all orthogonal: 0
    assert float(uniformity_loss(u)) == 0
    u = jnp.stack([e[0], e[0], -e[0]])[:, None, None]            # every neighbour parallel or opposite: 1
    assert float(uniformity_loss(u)) == 1
    u = jnp.stack([e[0], e[0], e[1], e[1]])[:, None, None]       # pairs (0,3) (1,0) (2,1) (3,2): 1, 1, 0, 0... -> 0.5
    np.testing.assert_allclose(float(uniformity_loss(u)), 0.5)


def test_perturbations():
    T = 16
    d = jnp.linspace(0.0, 360.0, T)
    mk = lambda c: Frames(jnp.ones((T, 2, 2, c)), jnp.ones((T, 2, 2, c), bool), d, jnp.ones(T, bool), jnp.zeros((T, 0)))
    ins = {"sentinel2": mk(6), "landsat": mk(6), "sentinel1": mk(5)}
    per = jnp.array([30.0, 200.0])
    out, pc, mode = jax.jit(jax.vmap(lambda k: perturb(k, ins, per)))(jax.random.split(jax.random.key(4), 600))
    mode, pc = np.asarray(mode), np.asarray(pc)
    fr = {n: np.asarray(out[n].frame) for n in ins}
    assert set(mode) == {0, 1, 2}
    assert fr["sentinel2"][mode != 0].any(1).all()                              # S2 never dropped as a source
    for n in ("landsat", "sentinel1"):                                          # each family dropped ~30% of the time
        dropped = ~fr[n].any(1) & (mode != 0)
        assert 0.2 < dropped.sum() / (mode != 0).sum() < 0.4
    np.testing.assert_allclose(fr["sentinel2"][mode == 0].mean(), 0.5, atol=0.05)  # mode (a): half the S2 frames
    np.testing.assert_allclose(pc[mode == 0], np.broadcast_to(per, pc[mode == 0].shape))
    dd = np.asarray(d)
    for i in np.flatnonzero(mode == 1)[:5]:                                     # forecast: last six months summarised
        np.testing.assert_allclose(pc[i], [361 - 180.5, 361.0], atol=1e-3)
        assert (fr["sentinel2"][i] == (dd < pc[i, 0])).all()
    for i in np.flatnonzero(mode == 2)[:5]:                                     # backcast: first six months
        np.testing.assert_allclose(pc[i], [0.0, 180.5], atol=1e-3)
        assert (fr["sentinel2"][i] == (dd >= pc[i, 1])).all()
    with pytest.raises(ConfigError, match="always needs"): Perturbations(drop_source={"sentinel2": 0.1})
    with pytest.raises(ConfigError, match="sum"): Perturbations(modes=(0.5, 0.5, 0.5))


def test_perturb_draws_what_jax_random_draws():
    "`perturb_draws` (2 threefry calls) gives, bit for bit, a `jax.random` call per family, source and the mode."
    modes, lengths = (0.2, 0.5, 0.3), (16, 9, 5)                               # sources of unequal lengths

    def one_call_each(key):
        ks, km, kf = jax.random.split(key, 3)
        fam = jnp.stack([jax.random.uniform(jax.random.fold_in(ks, i)) for i in range(2)])
        mode = jax.random.choice(km, 3, p=jnp.asarray(modes, jnp.float32))
        return fam, mode, [jax.random.uniform(jax.random.fold_in(kf, i), (t,)) for i, t in enumerate(lengths)]

    keys = jax.random.split(jax.random.key(5), 400)
    fam, mode, frames = jax.jit(jax.vmap(lambda k: perturb_draws(k, 2, 3, max(lengths), modes)))(keys)
    fam_ref, mode_ref, frames_ref = jax.jit(jax.vmap(one_call_each))(keys)
    assert set(np.asarray(mode).tolist()) == {0, 1, 2}
    assert (fam.shape, mode.shape, frames.shape) == ((400, 2), (400,), (400, 3, 16))
    assert mode.dtype == mode_ref.dtype and np.asarray(mode).tobytes() == np.asarray(mode_ref).tobytes()
    assert np.asarray(fam).tobytes() == np.asarray(fam_ref).tobytes()
    for i, t in enumerate(lengths):
        assert np.asarray(frames[:, i, :t]).tobytes() == np.asarray(frames_ref[i]).tobytes()


def _eqns(jaxpr):
    "Every equation of a jaxpr and of the jaxprs inside its equations (jit, custom_vjp, scan...)."
    for e in jaxpr.eqns:
        yield e
        for v in e.params.values():
            for sub in (v if isinstance(v, (tuple, list)) else [v]):
                if isinstance(sub, jax.extend.core.ClosedJaxpr): yield from _eqns(sub.jaxpr)
                elif isinstance(sub, jax.extend.core.Jaxpr): yield from _eqns(sub)


def test_stacks_cut_by_split(tiny):  # issue 16 item 2 (session 20): 8.9 ms of small's step
    "The gradient of the loss holds no per-example stack padded with zeros along its stack axis (the teacher/student "
    "pair of encodings, the summaries of the periods, the vMF samples): a slice's or an index's gradient is the whole "
    "stack padded, one per piece, summed (XLA:CPU reads every copy); a split's gradient is one concatenate."
    model, batch = tiny
    jaxpr = jax.make_jaxpr(eqx.filter_grad(lambda m: total_loss(m, batch, jax.random.key(1))[0]))(model)
    padded = [e.outvars[0].aval.shape for e in _eqns(jaxpr.jaxpr) if e.primitive.name == "pad"
              and len(e.params["padding_config"]) >= 5 and e.params["padding_config"][1][:2] != (0, 0)
              and all(c == (0, 0, 0) for i, c in enumerate(e.params["padding_config"]) if i != 1)]
    assert padded == []  # main: 7 [B, periods, h, w, E] and 2 [B, 2, T, h, w, D]
