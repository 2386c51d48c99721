"Tests of alphaearth_nb.model: presets, shapes, parameter count, embedding invariances, input checks."
import equinox as eqx
import jax
import jax.numpy as jnp
import numpy as np
import pytest

from alphaearth_nb.core import ConfigError, Frames, GridError, MissingSourceError, PeriodError, SourceError
from alphaearth_nb.model import AlphaEarth, dummy_example, init, param_count, preset

PERIODS = jnp.array([[0.0, 365.0], [100.0, 200.0], [300.0, 480.0]])  # the last one reaches past the data


@pytest.mark.parametrize("name", ["tiny", "small", "lite"])
def test_shapes_of_every_preset(name):
    cfg = preset(name)
    model = eqx.filter_eval_shape(AlphaEarth, cfg, key=jax.random.key(0))
    ex = dummy_example(cfg, 0)
    L = cfg.patch
    out = eqx.filter_eval_shape(lambda m, x, p: m(x, p), model, ex.inputs, PERIODS)
    assert out.shape == (3, L, L, cfg.embed_dim)
    for n in cfg.targets:
        rec = eqx.filter_eval_shape(lambda m, u, t: m.decode(n, u, t.meta, 0.5), model, jnp.zeros((L, L, 64)), ex.targets[n])
        assert rec.shape[:2] == (L, L)
    assert eqx.filter_eval_shape(lambda m, t: m.text_head(t.emb[0], t.period), model, ex.texts).shape == (64,)


def test_preset_sizes():
    t = preset("tiny")
    assert (t.patch, t.stp.d_space, t.stp.d_time, t.stp.d_precision, t.stp.blocks, t.embed_dim) == (32, 64, 32, 16, 2, 64)
    assert t.inputs == ("sentinel2",) and "sentinel2" in t.targets and t.source("sentinel2").name == "sentinel2"
    s = preset("small")
    assert set(s.inputs) == {"sentinel2", "sentinel1", "landsat"}
    assert set(s.targets) >= {"sentinel2", "sentinel1", "landsat", "dem", "era5", "landcover", "gedi"}
    lite = preset("lite")
    assert (lite.patch, lite.stp.d_space, lite.stp.d_time, lite.stp.d_precision, lite.stp.blocks) == (128, 1024, 512, 128, 15)
    assert preset("tiny", blocks=1, kappa=50.0).stp.blocks == 1
    assert preset("tiny", remat=True).stp.remat


def test_lite_parameter_count():
    n = param_count("lite")
    assert 430e6 <= n["total"] <= 530e6, n


def test_config_errors():
    with pytest.raises(ConfigError, match="unknown preset"): preset("huge")
    with pytest.raises(ConfigError, match="target-only"): preset("tiny", inputs=("dem",))
    with pytest.raises(ConfigError, match="kappa"): preset("tiny", kappa=-1.0)
    with pytest.raises(ConfigError, match="repeats"): preset("tiny", targets=("sentinel2", "sentinel2"))


@pytest.fixture(scope="module")
def tiny():
    cfg = preset("tiny")
    return init(cfg, 0), dummy_example(cfg, 1).inputs["sentinel2"]


@pytest.fixture(scope="module")
def run():
    return eqx.filter_jit(lambda m, x, p: m(x, p))


@pytest.fixture(scope="module")
def emb(tiny, run):
    model, s2 = tiny
    return np.asarray(run(model, {"sentinel2": s2}, PERIODS))


def test_embeddings_have_unit_norm(emb):
    assert emb.shape == (3, 32, 32, 64)
    np.testing.assert_allclose(np.linalg.norm(emb, axis=-1), 1.0, atol=1e-5)
    assert not np.allclose(emb[0], emb[1], atol=1e-3)  # the period matters


def test_permuting_frames_with_their_times_changes_nothing(tiny, run, emb):
    model, s2 = tiny
    perm = jnp.array([3, 0, 7, 1, 6, 2, 5, 4])
    out = run(model, {"sentinel2": jax.tree.map(lambda a: a[perm], s2)}, PERIODS)
    np.testing.assert_allclose(np.asarray(out), emb, atol=1e-4)


def test_appending_masked_frames_changes_nothing(tiny, run, emb):
    model, s2 = tiny
    pad = lambda a, v: jnp.concatenate([a, jnp.full((3, *a.shape[1:]), v, a.dtype)])
    junk = jnp.concatenate([s2.x, 5 + jnp.zeros((3, *s2.x.shape[1:]))])  # values of masked frames must not leak
    s2p = Frames(junk, pad(s2.valid, False), pad(s2.days, 200.0), pad(s2.frame, False), pad(s2.meta, 0.0))
    np.testing.assert_allclose(np.asarray(run(model, {"sentinel2": s2p}, PERIODS)), emb, atol=1e-5)


def test_input_checks(tiny):
    model, s2 = tiny
    small = Frames(s2.x[:, :16, :16], s2.valid[:, :16, :16], s2.days, s2.frame, s2.meta)
    with pytest.raises(GridError, match="tiles"): model.check_inputs({"sentinel2": small})
    with pytest.raises(MissingSourceError, match="add them"): model.check_inputs({"landsat": s2})
    with pytest.raises(PeriodError, match=r"\[P, 2\]"): model({"sentinel2": s2}, jnp.array([0.0, 365.0]))
    with pytest.raises(SourceError, match="no decoder"): model.decode("gedi", jnp.zeros((32, 32, 64)), jnp.zeros(0), 0.5)


def test_missing_droppable_source_is_filled_with_masked_frames():
    cfg = preset("small")
    model = eqx.filter_eval_shape(AlphaEarth, cfg, key=jax.random.key(0))
    ex = dummy_example(cfg, 0)
    got = AlphaEarth.check_inputs(model, {"sentinel2": ex.inputs["sentinel2"], "sentinel1": ex.inputs["sentinel1"]})
    assert sorted(got) == ["landsat", "sentinel1", "sentinel2"]
    assert not bool(got["landsat"].frame.any()) and got["landsat"].x.shape[1:] == (32, 32, 6)
    with pytest.raises(MissingSourceError, match="always needs"):
        AlphaEarth.check_inputs(model, {"landsat": ex.inputs["landsat"]})
