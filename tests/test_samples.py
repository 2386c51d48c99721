"Tests of the training sampler."
import re

import jax
import jax.numpy as jnp
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import AEFError, ConfigError, GridError, MissingSourceError, TrainExample
from alphaearth_nb.samples import (Batches, SamplerConfig, example_at, prepare, sample_batch, sample_example,
                                   sample_periods, sample_site)
from alphaearth_nb.testing import SOURCE_X as X, SOURCE_Y as Y, sampler_stack, source_ds, with_source
from alphaearth_nb.text import encode_texts

H, W = len(Y), len(X)


@pytest.fixture(scope="module")
def stack():
    return sampler_stack()


CFG = SamplerConfig(patch=6, frames={"sentinel2": 5, "sentinel1": 7}, n_texts=3, text_dim=32)


def _shapes(tree):
    return [(np.shape(a), np.asarray(a).dtype) for a in jax.tree.leaves(tree)]


def test_single_source_dataset(stack):
    ds = stack["sentinel2"].to_dataset().assign_attrs(source="sentinel2")
    ex = sample_example(ds, SamplerConfig(patch=4, frames=3, n_texts=0), 0)
    assert list(ex.inputs) == ["sentinel2"] and list(ex.targets) == ["sentinel2"]
    assert ex.inputs["sentinel2"].x.shape == (3, 4, 4, 6) and ex.texts.emb.shape == (0, 256)


def test_sampler_needs_its_sources(stack):
    with pytest.raises(MissingSourceError, match="SamplerConfig"):
        prepare(stack, SamplerConfig(patch=6, targets=("gedi",)))


def test_static_shapes_whatever_the_frame_count():
    shapes = {str(_shapes(sample_batch(sampler_stack(n_s2=n, seed=n), CFG, 0, batch=2))) for n in (2, 5, 40)}
    assert len(shapes) == 1


def test_batch_layout_and_jit(stack):
    b = sample_batch(stack, CFG, 3, batch=4)
    assert isinstance(b, TrainExample)
    assert b.inputs["sentinel2"].x.shape == (4, 5, 6, 6, 6) and b.inputs["sentinel1"].meta.shape == (4, 7, 1)
    assert set(b.targets) == {"sentinel2", "sentinel1", "dem", "landcover"}
    assert b.targets["landcover"].x.shape == (4, 6, 6, 1) and b.texts.emb.shape == (4, 3, 32)
    lc = b.targets["landcover"]
    assert set(np.unique(lc.x[lc.valid])) <= {0.0, 1.0, 2.0}
    f = jax.jit(jax.vmap(lambda e: jnp.sum(e.inputs["sentinel2"].x * e.inputs["sentinel2"].valid) + e.period[1]))
    assert f(b).shape == (4,)


def test_held_out_frames_absent_from_inputs(stack):
    prep = prepare(stack, SamplerConfig(patch=6, frames=50))  # more slots than frames: all but the target are inputs
    rng = np.random.default_rng(0)
    for _ in range(10):
        ex = sample_example(prep, prep.cfg, rng)
        for name in ("sentinel2", "sentinel1"):
            fr, tg = ex.inputs[name], ex.targets[name]
            assert tg.valid.any()
            real = fr.days[fr.frame]
            assert tg.day not in real
            # every other frame between the first and last input frame is still there
            days = prep.arrays[name].days
            between = days[(days >= real.min()) & (days <= real.max())]
            assert set(between) - set(real) <= {tg.day}
    keep = prepare(stack, SamplerConfig(patch=6, frames=50, hold_out=False))
    ex = sample_example(keep, keep.cfg, 0)
    assert ex.targets["sentinel2"].day in ex.inputs["sentinel2"].days[ex.inputs["sentinel2"].frame]


def test_target_frame_matches_stack(stack):
    prep = prepare(stack, CFG)
    ex = sample_example(prep, prep.cfg, 5)
    tg = ex.targets["sentinel2"]
    t = int(np.flatnonzero(prep.arrays["sentinel2"].days == tg.day)[0])
    z = prep.arrays["sentinel2"].z[t]
    # find the window: the target equals the stack's frame on some 6 x 6 window
    hits = [(r, c) for r in range(H - 5) for c in range(W - 5)
            if np.array_equal(np.isfinite(z[r:r + 6, c:c + 6]), tg.valid) and np.allclose(np.nan_to_num(z[r:r + 6, c:c + 6]), tg.x)]
    assert hits


def test_periods_do_not_overlap_and_summaries_inside(stack):
    prep = prepare(stack, CFG)
    rng = np.random.default_rng(0)
    for _ in range(200):
        p = sample_periods(prep.span, prep.cfg, rng)
        assert p.shape == (2, 2) and p[0, 1] <= p[1, 0]
        np.testing.assert_allclose(p[:, 1] - p[:, 0], 365.25)
        assert p[0, 0] >= prep.span[0] and p[1, 1] <= prep.span[1] + 1e-6
    short = sample_periods((0.0, 100.0), CFG, rng)  # a short span: two halves
    np.testing.assert_allclose(short[:, 1] - short[:, 0], 50.0)
    b = sample_batch(prep, prep.cfg, 1, batch=6)
    for per in [b.period, b.texts.period] + [t.period for t in b.targets.values()]:
        assert (per[:, 1] - per[:, 0] > 4).all()
    for name in ("sentinel2", "sentinel1"):
        t = b.targets[name]
        ok = t.valid.reshape(6, -1).any(1)
        assert ((t.day >= t.period[:, 0]) & (t.day < t.period[:, 1]))[ok].all()


def test_batch_order_sites_and_periods(stack):
    # 6 examples = 3 sites x 2 periods, period-major: b and b + 3 share a site (the static DEM
    # target is the same window) in non-overlapping periods; neighbours b, b + 1 (the uniformity
    # loss's roll) never share a site
    b = sample_batch(stack, SamplerConfig(patch=4, frames=3, n_texts=0), 11, batch=6)
    dem, s1 = b.targets["dem"].x, b.inputs["sentinel1"]
    for i in range(3):
        np.testing.assert_array_equal(dem[i], dem[i + 3])
        d0, d1 = s1.days[i][s1.frame[i]], s1.days[i + 3][s1.frame[i + 3]]
        assert d0.max() < d1.min()
    for i in range(6):
        assert not np.array_equal(dem[i], dem[(i + 1) % 6])
    two = sample_batch(stack, SamplerConfig(patch=4, frames=3, n_texts=0), 11, batch=2)
    assert not np.array_equal(two.targets["dem"].x[0], two.targets["dem"].x[1])


def test_strata_balance_sites(stack):
    # one tiny stratum (4 pixels in the top-left corner) against a big one: drawn about half the time
    s = np.ones((H, W)); s[:2, :2] = 0; s[-1, -1] = np.nan
    strata = xr.DataArray(s, dims=("y", "x"), coords=dict(y=Y, x=X))
    prep = prepare(stack, CFG, strata=strata)
    rng = np.random.default_rng(0)
    sites = [sample_site(prep, rng) for _ in range(400)]
    frac = np.mean([r == 0 and c == 0 for r, c in sites])  # the corner window
    assert 0.4 < frac < 0.65, frac
    with pytest.raises(GridError):
        prepare(stack, CFG, strata=strata.assign_coords(x=X + 100))
    yearly = xr.concat([strata, strata * 0], "year")  # (year, y, x) labels: the first year stratifies
    assert len(prepare(stack, CFG, strata=yearly).strata) == 2


@pytest.mark.parametrize("turn", [dict(y=slice(None, None, -1)), dict(x=slice(None, None, -1)),
                                  dict(y=slice(None, None, -1), x=slice(None, None, -1))])
def test_strata_stored_turned_are_the_same_strata(stack, turn):  # F3's kind: the same grid in another order
    s = np.ones((H, W)); s[:2, :3] = 0; s[-1, -1] = 2
    strata = xr.DataArray(s, dims=("y", "x"), coords=dict(y=Y, x=X))
    want = prepare(stack, CFG, strata=strata).strata
    got = prepare(stack, CFG, strata=strata.isel(turn)).strata
    assert len(got) == len(want) == 3 and all(np.array_equal(a, b) for a, b in zip(got, want))


def test_texts_inside_patch_and_period(stack):
    texts = pd.DataFrame(dict(y=[Y[1], Y[10], Y[1]], x=[X[1], X[10], X[1]],
                              time=pd.to_datetime(["2021-06-01", None, "2030-01-01"]),
                              text=["olive grove", "river bank", "far future"]))
    cfg = SamplerConfig(patch=6, frames=3, n_texts=4, text_dim=32, period_days=900)  # one long period: the whole span
    prep = prepare(stack, cfg, texts=texts)
    ex = example_at(prep, (0, 0), (prep.span[0], prep.span[1]), np.random.default_rng(0))
    assert ex.texts.valid.tolist() == [True, False, False, False]  # the 2030 note is outside the period
    np.testing.assert_array_equal(ex.texts.yx[0], [1, 1])
    ex = example_at(prep, (6, 6), (prep.span[0], prep.span[1]), np.random.default_rng(0))
    assert ex.texts.valid.sum() == 1 and ex.texts.yx[0].tolist() == [4, 4]  # timeless note at row 10, col 10
    np.testing.assert_allclose(ex.texts.emb[0], encode_texts(["river bank"], 32)[0])
    with pytest.raises(AEFError, match="column"):
        prepare(stack, cfg, texts=texts.drop(columns="time"))


def test_batches_deterministic_and_resumable(stack):
    a = Batches(stack, CFG, batch_size=2, seed=3)
    run = [next(a) for _ in range(4)]
    assert a.state() == {"seed": 3, "position": 4}
    b = Batches(stack, CFG, batch_size=2).restore({"seed": 3, "position": 2})
    for x, y in zip(jax.tree.leaves(next(b)), jax.tree.leaves(run[2])):
        np.testing.assert_array_equal(x, y)
    assert b.state()["position"] == 3
    other = next(Batches(stack, CFG, batch_size=2, seed=4))
    assert not np.array_equal(other.inputs["sentinel2"].x, run[0].inputs["sentinel2"].x)


def test_sample_scene_batch(samples_dir):
    if not any(samples_dir.glob("*")):
        pytest.skip("alphaearth_nb/data/ is empty: the sample scene has not been written yet")
    scene = pytest.importorskip("alphaearth_nb.scene")
    st, texts, labels = scene.load_scene(samples_dir)
    cfg = SamplerConfig(patch=16, frames=4, n_texts=4)
    b = sample_batch(st, cfg, 0, batch=2, texts=texts, strata=labels)
    assert b.period.shape == (2, 2) and set(b.inputs) >= {"sentinel2", "sentinel1"}
    assert all(f.x.shape[:3] == (2, 4, 16) for f in b.inputs.values())
    assert all(f.valid.any() for f in b.inputs.values()) and b.texts.valid.any()
    for name in set(b.targets) & set(b.inputs):
        f = b.inputs[name]
        for i in range(2):
            if b.targets[name].valid[i].any(): assert b.targets[name].day[i] not in f.days[i][f.frame[i]]


def test_user_registered_source(stack):
    from alphaearth_nb.sources import Source, register
    register(Source("test_thermal_drone", ("LST",), mean=(300.0,), std=(10.0,), valid_range=(200, 350), family="drone"),
             overwrite=True)
    t = pd.date_range("2021-03-01", periods=4, freq="90D")
    drone = source_ds(("LST",), t, 9, 280, 320)
    st = with_source(stack, "test_thermal_drone", drone)
    cfg = SamplerConfig(patch=6, inputs=("sentinel2", "test_thermal_drone"), targets=("test_thermal_drone", "dem"), frames=3)
    b = sample_batch(st, cfg, 0, batch=2)
    assert b.inputs["test_thermal_drone"].x.shape == (2, 3, 6, 6, 1)
    assert np.abs(b.targets["test_thermal_drone"].x).max() <= 2.0 + 1e-5  # (280 .. 320 - 300) / 10


def test_uniformity_partner_is_always_another_site():
    "The uniformity loss pairs b with b - 1 (a roll, wrapping): never one site, for any batch and periods per site."
    st = sampler_stack(n_s2=6, days=760)
    for P in (2, 3):
        cfg = SamplerConfig(patch=4, frames=1, n_texts=0, periods_per_site=P)
        for B in range(2, 17):
            dem = sample_batch(st, cfg, B, batch=B).targets["dem"].x.reshape(B, -1)  # the static DEM names the window
            for b in range(B):
                assert not np.array_equal(dem[b], dem[b - 1]), (P, B, b)


def test_near_duplicate_of_the_target_is_not_in_the_input():
    "A second granule of the target's pass (20 s later) never reaches the encoder when that pass is held out."
    t0 = np.datetime64("2021-01-01T10:30:00")
    times = np.sort(np.concatenate([t0 + np.arange(0, 360, 30).astype("timedelta64[D]"),
                                    t0 + np.arange(0, 360, 30).astype("timedelta64[D]") + np.timedelta64(20, "s")]))
    s2 = source_ds(("B2", "B3", "B4", "B8", "B11", "B12"), times, 3)
    st = xr.DataTree.from_dict({"sentinel2": s2})
    cfg = SamplerConfig(patch=4, frames=30, n_texts=0, periods_per_site=1)
    for seed in range(12):
        ex = sample_example(st, cfg, seed)
        d, f = ex.inputs["sentinel2"].days, ex.inputs["sentinel2"].frame
        assert np.abs(d[f] - ex.targets["sentinel2"].day).min() > 1 / 24, seed
    keep = sample_example(st, SamplerConfig(patch=4, frames=30, n_texts=0, periods_per_site=1, twin_days=0), 0)
    d, f = keep.inputs["sentinel2"].days, keep.inputs["sentinel2"].frame
    assert np.abs(d[f] - keep.targets["sentinel2"].day).min() < 1e-2   # without the window, the twin leaks


def test_cloudy_pixels_reach_the_encoder_but_weigh_nothing():
    "Paper S2.2.2: a `cloud` layer flags pixels; their raw values are inputs, and they are never targets."
    t = np.datetime64("2021-01-01") + np.arange(0, 240, 30).astype("timedelta64[D]")
    s2 = source_ds(("B2", "B3", "B4", "B8", "B11", "B12"), t, 5)
    s2["cloud"] = (("time", "y", "x"), np.zeros((len(t), H, W), np.float32))
    s2["cloud"][:, :2, :] = 1.0                                   # the first two rows are cloudy in every frame
    s2["B4"][:, :2, :] = 3900.0                                   # bright, as clouds are
    st = xr.DataTree.from_dict({"sentinel2": s2})
    cfg = SamplerConfig(patch=H, frames=8, n_texts=0, periods_per_site=1)
    ex = sample_example(st, cfg, 1)
    f, tg = ex.inputs["sentinel2"], ex.targets["sentinel2"]
    real = f.frame
    assert f.valid[real][:, :2].all() and (f.x[real][:, :2, :, 2] > 1.0).all()   # raw, normalised B4 reaches the encoder
    assert not tg.valid[:2].any() and tg.valid[2:].all()                          # but no loss weight there


def test_frames_without_data_never_take_an_input_slot():
    "Frames that are NaN over the whole window (masked clouds) are skipped before the `frames` are drawn."
    t = np.datetime64("2021-01-01T10:30:00") + np.arange(0, 360, 10).astype("timedelta64[D]")
    s2 = source_ds(("B2", "B3", "B4", "B8", "B11", "B12"), t, 3)
    empty = np.arange(len(t)) % 3 != 0                            # two frames in three hold no value at all
    for b in s2.data_vars: s2[b][empty] = np.nan
    st = xr.DataTree.from_dict({"sentinel2": s2})
    cfg = SamplerConfig(patch=H, frames=8, n_texts=0, periods_per_site=1)
    for seed in range(6):
        f = sample_example(st, cfg, seed).inputs["sentinel2"]
        assert f.frame.sum() == 8, seed                           # 12 frames hold data: all 8 slots are used
        assert f.valid[f.frame].any((1, 2, 3)).all(), seed        # and every used slot holds data


def test_a_training_stack_of_one_date_is_not_silent(stack):
    "Field kind F: frames from one date (or a few days) give sequence periods shorter than a summary: warned."
    import warnings
    from alphaearth_nb.core import TrainingWarning
    ds = stack["sentinel2"].to_dataset().assign_attrs(source="sentinel2")
    cfg = SamplerConfig(patch=4, frames=3, n_texts=0)
    with pytest.warns(TrainingWarning, match=r"span 1 days \(frames sentinel2: 1\).*0.5 days.*at least a season"):
        prepare(ds.isel(time=[2]), cfg)
    with warnings.catch_warnings():
        warnings.simplefilter("error", TrainingWarning)
        prepare(ds, cfg)                                        # the test stack's frames cover months: silent


@pytest.mark.parametrize("unit,div,fix", [("s", 10**9, "unit='s'"), ("years", None, "format='%Y'")])
def test_text_times_as_numbers_get_the_conversion_that_works(unit, div, fix):
    # epoch seconds (what Python's time.time() and many exporters write) or bare years in a texts table: was told to
    # "write ISO dates", while the same numbers in a stack's time are named with their conversion (G3)
    import pandas as pd
    from alphaearth_nb.core import TimeError
    from alphaearth_nb.samples import read_texts
    from alphaearth_nb.scene import load_scene
    texts = load_scene()[1]
    t = texts.time.astype("int64") // div if div else texts.time.dt.year
    with pytest.raises(TimeError, match=rf"row 0, line 2.*{fix}") as e:
        read_texts(texts.assign(time=t), "--texts notes.csv", first_line=2)
    fixed = eval(str(e.value).split("`")[1], {"pd": pd, "values": t.values, "np": np})   # the conversion, run
    assert read_texts(texts.assign(time=fixed))[2][0] == read_texts(texts.assign(time=pd.to_datetime(fixed)))[2][0]


def test_counts_as_text_are_refused_with_an_example_that_works(stack):
    "Batches' batch_size, seed and start: text was a TypeError ('abc' < 1) or int()'s "
    "ValueError, 2.5 read as 2; now ConfigError naming the setting with an example that, passed back, is accepted."
    for name in ("batch_size", "seed", "start"):
        with pytest.raises(ConfigError, match=rf"^{name}='abc' is not a whole number: pass e\.g\. {name}=\d+\.$") as e:
            Batches(stack, CFG, **{"batch_size": 2, name: "abc"})
        Batches(stack, CFG, **{"batch_size": 2, name: int(re.search(r"=(\d+)\.$", str(e.value)).group(1))})
    with pytest.raises(ConfigError, match="batch_size=2.5"): Batches(stack, CFG, batch_size=2.5)
