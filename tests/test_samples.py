import jax
import jax.numpy as jnp
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import (AEFError, DimensionError, DTypeError, EmptyStackError, GridError, MissingSourceError,
                                MissingTimeError, NoValidDataError, PeriodError, TimeError, TrainExample,
                                UnknownBandError, UnknownSourceError, UnsortedTimeError)
from alphaearth_nb.samples import (Batches, DuplicateTimeError, SamplerConfig, StackTypeError, example_at, prepare, sample_batch,
                                   sample_example, sample_periods, sample_site, to_frames, validate_stack)
from alphaearth_nb.sources import normalise
from alphaearth_nb.text import encode_texts
from alphaearth_nb.timecodes import to_days

H = W = 12
Y = 4_000_000.0 - 10 * np.arange(H) - 5
X = 300_000.0 + 10 * np.arange(W) + 5


def make_ds(name, bands, times, seed=0, lo=300.0, hi=4000.0, **coords):
    rng = np.random.default_rng(seed)
    t = pd.DatetimeIndex(times)
    data = {b: (("time", "y", "x"), rng.uniform(lo, hi, (len(t), H, W)).astype(np.float32)) for b in bands}
    return xr.Dataset(data, coords=dict(time=t, y=Y, x=X, **coords), attrs={"crs": "EPSG:32631"})


def make_stack(n_s2=20, days=760, seed=0):
    "Two years of S2 (with clouds), S1 with pass direction, a static DEM and land-cover labels (categorical target)."
    t0 = np.datetime64("2021-01-01")
    s2 = make_ds("sentinel2", ("B2", "B3", "B4", "B8", "B11", "B12"),
                 t0 + np.sort(np.random.default_rng(seed).choice(days, n_s2, replace=False)).astype("timedelta64[D]"), seed)
    cloud = np.random.default_rng(seed + 1).random((n_s2, H, W)) < 0.3
    s2 = s2.where(~cloud)  # NaN gaps everywhere, as readers deliver them
    t1 = t0 + np.arange(0, days, 12).astype("timedelta64[D]")
    s1 = make_ds("sentinel1", ("VV", "VH"), t1, seed + 2, -25, -5, ascending=("time", np.arange(len(t1)) % 2 == 0))
    dem = make_ds("dem", ("elevation",), [t0], seed + 3, 100, 400)
    lc = make_ds("landcover", ("class",), t0 + np.array([0, 365]).astype("timedelta64[D]"), seed + 4, 0, 1)
    lc["class"][:] = (np.arange(W)[None, None, :] // 4 + np.zeros((2, H, 1))).astype(np.float32)  # 3 classes by column
    return xr.DataTree.from_dict({"sentinel2": s2, "sentinel1": s1, "dem": dem, "landcover": lc})


@pytest.fixture(scope="module")
def stack():
    return make_stack()


CFG = SamplerConfig(patch=6, frames={"sentinel2": 5, "sentinel1": 7}, n_texts=3, text_dim=32)


# ---- schema and errors -------------------------------------------------------------------------------------------

def test_valid_stack_accepted(stack):
    assert validate_stack(stack) is stack
    # a spatial_ref coordinate instead of attrs['crs'] is accepted too
    s2 = stack["sentinel2"].to_dataset().drop_attrs().assign_coords(spatial_ref=((), 0, {"crs_wkt": "EPSG:32631"}))
    validate_stack(s2, source="sentinel2")


def _with(stack, name, ds):
    d = {k: v.to_dataset() for k, v in stack.children.items()}
    d[name] = ds
    return xr.DataTree.from_dict(d)


def _s2(stack):
    return stack["sentinel2"].to_dataset()


BAD = {
    "missing time coord": (lambda st: _s2(st).drop_vars("time"), MissingTimeError, "assign_coords(time="),
    "no time dim": (lambda st: _s2(st).isel(time=0, drop=True), MissingTimeError, "expand_dims"),
    "unsorted times": (lambda st: _s2(st).isel(time=[2, 1, 3]), UnsortedTimeError, "sortby('time')"),
    "duplicated times": (lambda st: _s2(st).isel(time=[1, 1, 3]), DuplicateTimeError, "drop_duplicates"),
    "time not datetime": (lambda st: _s2(st).assign_coords(time=np.arange(_s2(st).sizes["time"])), TimeError, "pd.to_datetime"),
    "unknown band": (lambda st: _s2(st).rename(B12="B13"), UnknownBandError, "drop_vars"),
    "wrong dim names": (lambda st: _s2(st).rename(y="lat"), DimensionError, "rename"),
    "wrong dim order": (lambda st: _s2(st).transpose("time", "x", "y"), DimensionError, "transpose('time', 'y', 'x')"),
    "wrong rank": (lambda st: _s2(st).expand_dims(band=[1]), DimensionError, "to_dataset(dim='band')"),
    "other grid": (lambda st: _s2(st).assign_coords(x=X + 5), GridError, "interp_like"),
    "other size": (lambda st: _s2(st).isel(y=slice(0, 5)), GridError, "different grids"),
    "other crs": (lambda st: _s2(st).assign_attrs(crs="EPSG:32632"), GridError, "reproject"),
    "no valid pixel": (lambda st: _s2(st) * np.nan, NoValidDataError, "del stack['sentinel2']"),
    "non-numeric": (lambda st: _s2(st).assign(B2=_s2(st)["B2"].astype(str)), DTypeError, "astype('float32')"),
    "no frames": (lambda st: _s2(st).isel(time=slice(0, 0)), EmptyStackError, "select a period"),
    "no bands": (lambda st: _s2(st)[[]], EmptyStackError, "add its bands"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_input_raises_precise_error(stack, case):
    make, err, fix = BAD[case]
    with pytest.raises(err) as e:
        validate_stack(_with(stack, "sentinel2", make(stack)))
    assert fix in str(e.value), str(e.value)
    assert isinstance(e.value, AEFError)
    if err is UnsortedTimeError: assert not isinstance(e.value, DuplicateTimeError)


def test_lazy_stack_skips_value_check(stack):
    lazy = _with(stack, "sentinel2", _s2(stack) * np.nan).chunk()
    assert validate_stack(lazy) is lazy  # reading every pixel of a dask stack is left to the caller
    with pytest.raises(NoValidDataError):
        validate_stack(lazy, check_values=True)


def test_other_bad_inputs(stack):
    with pytest.raises(UnknownSourceError, match="register"):
        validate_stack(xr.DataTree.from_dict({"sentinel3": _s2(stack)}))
    with pytest.raises(UnknownSourceError, match=r"attrs\['source'\]"):
        validate_stack(_s2(stack))
    with pytest.raises(EmptyStackError, match="from_dict"):
        validate_stack(xr.DataTree())
    with pytest.raises(StackTypeError, match="to_dataset"):
        validate_stack(_s2(stack)["B2"])
    with pytest.raises(StackTypeError, match="DataTree"):
        validate_stack(np.zeros((2, 3, 3)))
    with pytest.raises(PeriodError, match="end > start"):
        to_frames(stack, period=("2021-06-01", "2021-05-01"))
    with pytest.raises(MissingSourceError, match="missing='empty'"):
        to_frames(stack, ["landsat"])
    with pytest.raises(MissingSourceError, match="SamplerConfig"):
        prepare(stack, SamplerConfig(patch=6, targets=("gedi",)))


# ---- whole-extent frames -----------------------------------------------------------------------------------------

def test_to_frames_values_masks_and_times(stack):
    fr = to_frames(stack, ["sentinel2", "sentinel1"], period=2021)
    s2 = _s2(stack).sel(time=slice("2021-01-01", "2021-12-31"))
    f = fr["sentinel2"]
    assert f.x.shape == (s2.sizes["time"], H, W, 6) and f.frame.all()
    raw = np.stack([s2[b].values for b in ("B2", "B3", "B4", "B8", "B11", "B12")], -1)
    np.testing.assert_array_equal(f.valid, np.isfinite(raw))
    np.testing.assert_allclose(f.x, np.nan_to_num(normalise("sentinel2", raw)), rtol=1e-6)
    assert (f.x[~f.valid] == 0).all()
    np.testing.assert_array_equal(f.days, to_days(s2.time.values))
    m = fr["sentinel1"].meta
    assert m.shape[1] == 1 and set(np.unique(m)) == {0.0, 1.0}
    # absent bands (HH, HV, angle) are invalid everywhere
    assert not fr["sentinel1"].valid[..., 2:].any() and fr["sentinel1"].valid[..., :2].all()


def test_to_frames_pad_and_truncate(stack):
    n = _s2(stack).sizes["time"]
    pad = to_frames(stack, "sentinel2", n_frames=n + 4)["sentinel2"]
    assert pad.x.shape[0] == n + 4 and pad.frame.sum() == n and not pad.valid[n:].any() and (pad.x[n:] == 0).all()
    even = to_frames(stack, "sentinel2", n_frames=4)["sentinel2"]
    days = to_days(_s2(stack).time.values)
    np.testing.assert_array_equal(even.days, days[np.round(np.linspace(0, n - 1, 4)).astype(int)])
    rnd = to_frames(stack, "sentinel2", n_frames=4, subsample="random", rng=1)["sentinel2"]
    assert rnd.frame.all() and np.all(np.diff(rnd.days) > 0) and set(rnd.days) <= set(days)


def test_single_source_dataset(stack):
    ds = _s2(stack).assign_attrs(source="sentinel2")
    fr = to_frames(ds, n_frames=3)
    assert list(fr) == ["sentinel2"] and fr["sentinel2"].x.shape == (3, H, W, 6)
    ex = sample_example(ds, SamplerConfig(patch=4, frames=3, n_texts=0), 0)
    assert list(ex.inputs) == ["sentinel2"] and list(ex.targets) == ["sentinel2"]
    assert ex.inputs["sentinel2"].x.shape == (3, 4, 4, 6) and ex.texts.emb.shape == (0, 256)


# ---- training examples -------------------------------------------------------------------------------------------

def _shapes(tree):
    return [(np.shape(a), np.asarray(a).dtype) for a in jax.tree.leaves(tree)]


def test_static_shapes_whatever_the_frame_count():
    shapes = {str(_shapes(sample_batch(make_stack(n_s2=n, seed=n), CFG, 0, batch=2))) for n in (2, 5, 40)}
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
    drone = make_ds("test_thermal_drone", ("LST",), t, 9, 280, 320)
    st = _with(stack, "test_thermal_drone", drone)
    cfg = SamplerConfig(patch=6, inputs=("sentinel2", "test_thermal_drone"), targets=("test_thermal_drone", "dem"), frames=3)
    b = sample_batch(st, cfg, 0, batch=2)
    assert b.inputs["test_thermal_drone"].x.shape == (2, 3, 6, 6, 1)
    assert np.abs(b.targets["test_thermal_drone"].x).max() <= 2.0 + 1e-5  # (280 .. 320 - 300) / 10
