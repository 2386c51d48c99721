"Plausible but wrong units (alphaearth_nb.units.check_units, sample_values): field cases F1, F4 and other slips."
import re
import warnings

import dask.array as da
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import UnitsError, UnitsWarning
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.units import check_units, sample_values
from alphaearth_nb.testing import with_source

RNG = np.random.default_rng(0)
REFL = RNG.uniform(200, 4000, 5000)          # reflectance x 1e4
DB = RNG.normal(-12, 3, 5000).clip(-30, 10)  # backscatter in dB
KELVIN = RNG.normal(285, 10, 5000)


@pytest.mark.parametrize("source,band", [("sentinel2", "B2"), ("sentinel2", "B12"), ("landsat", "B5"),
                                         ("sentinel2_l1c", "B8")])
def test_reflectance_in_0_1_is_refused_naming_the_scale(source, band):  # F1
    with pytest.raises(UnitsError, match=r"reflectance in 0\.\.1.*1e4"): check_units(source, band, REFL / 1e4)
    check_units(source, band, REFL)


def test_the_suggested_fix_works():  # G3: each message's fix, run
    for src, band, wrong, fix in [("sentinel2", "B4", REFL / 1e4, lambda v: v * 1e4),
                                  ("sentinel1", "VH", 10 ** (DB / 10), lambda v: 10 * np.log10(v)),
                                  ("era5", "temperature_2m", KELVIN - 273.15, lambda v: v + 273.15),
                                  ("sentinel1", "angle", np.degrees(RNG.uniform(0.5, 0.8, 500)), np.deg2rad),
                                  ("ndvi", "NDVI", RNG.uniform(-0.2, 0.9, 500) * 1e4, lambda v: v / 10000)]:
        with pytest.raises(UnitsError): check_units(src, band, wrong)
        check_units(src, band, fix(wrong))


@pytest.mark.parametrize("source,band,values,looks", [
    ("sentinel1", "VV", 10 ** (DB / 10), "linear backscatter"),
    ("era5", "temperature_2m", KELVIN - 273.15, "Celsius"),
    ("landsat_toa", "B10", KELVIN - 273.15, "Celsius"),
    ("era5", "total_precipitation", RNG.gamma(2, 40, 500), "millimetres"),
])
def test_other_unit_slips(source, band, values, looks):
    with pytest.raises(UnitsError, match=looks): check_units(source, band, values)


def test_right_units_with_gaps_and_fill_pass():
    v = REFL.copy(); v[::3] = np.nan; v[::7] = 0  # Sentinel-2's 0 is its nodata fill
    check_units("sentinel2", "B8", v)
    check_units("sentinel1", "VV", np.r_[DB, [np.nan] * 100])
    check_units("sentinel2", "B2", np.full(8, 0.1))  # too few values to judge: no verdict
    check_units("dem", "elevation", RNG.uniform(0, 3, 100))  # a flat coastal DEM in metres is fine


def test_lazy_values_are_sampled_from_a_few_chunks():  # F4
    computed = []
    def block(x, block_info=None):
        computed.append(block_info[0]["chunk-location"]); return x
    arr = da.from_array(np.ones((64, 64)), chunks=8).map_blocks(block, dtype=float)
    s = sample_values(xr.DataArray(arr, dims=("y", "x")), max_chunks=5)
    assert s.size == 5 * 64 and len(computed) == 5  # 5 of 64 chunks computed, nothing more
    with pytest.raises(UnitsError):
        check_units("sentinel2", "B3", sample_values(xr.DataArray(da.from_array(REFL.reshape(50, 100) / 1e4, chunks=10))))


# --- kind F, generalised: wrong scales named, bands judged together -------------------------------------------
S2 = ("B2", "B3", "B4", "B8", "B11", "B12")
STACK_REFL = [RNG.uniform(lo, hi, 4000) for lo, hi in ((150, 1500), (250, 1800), (150, 2200), (1200, 4500),
                                                       (800, 3500), (400, 2800))]  # land, reflectance x 1e4


def test_right_scale_stack_passes_without_a_word():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_units("sentinel2", S2, STACK_REFL)
        check_units("landsat", ("B2", "B3", "B4", "B5", "B6", "B7"), STACK_REFL)
        check_units("sentinel2", ("B2",), [RNG.uniform(90, 240, 500)])   # one dark band alone (B2 over forest)


@pytest.mark.parametrize("to_8bit", [lambda v: np.round(np.clip(v / 2000, 0, 1) * 255).astype(np.uint8),  # TCI-like
                                     lambda v: v / v.max() * 255,                                           # float
                                     lambda v: v / 100])                                                    # percent
def test_case_F_8bit_or_percent_stack_is_refused(to_8bit):
    wrong = [to_8bit(v) for v in STACK_REFL]
    with pytest.raises(UnitsError, match=r"8-bit.*0\.\.255.*percent.*S2_SR_HARMONIZED.*\* 100"):
        check_units("sentinel2", S2, wrong)
    one = np.r_[RNG.uniform(0, 200, 500), 255.0]      # one band alone reaching the top of 0..255
    with pytest.raises(UnitsError, match="8-bit"): check_units("sentinel2", ("B4",), [one])


def test_case_F_8bit_stack_is_refused_by_validate_stack_and_percent_fix_works():
    from alphaearth_nb.stacks import toy_stack, validate_stack
    st = toy_stack()
    s2 = st["sentinel2"].to_dataset()
    pct = s2.copy(data={b: s2[b] / 100 for b in s2.data_vars})
    swap = lambda ds: xr.DataTree.from_dict({k: (ds if k == "sentinel2" else st[k].to_dataset()) for k in st.children})
    with pytest.raises(UnitsError, match="percent"): validate_stack(swap(pct))
    validate_stack(swap(pct.copy(data={b: pct[b] * 100 for b in pct.data_vars})))
    lazy = pct.chunk({"time": 1})   # F4: lazy data get the same verdict
    with pytest.raises(UnitsError, match="8-bit"): validate_stack(swap(lazy))


def test_case_F_landsat_collection2_digital_numbers_are_refused_and_the_fix_works():
    bands = ("B2", "B3", "B4", "B5", "B6", "B7")
    dn = [(v / 1e4 + 0.2) / 2.75e-5 for v in STACK_REFL]            # what LANDSAT/LC08/C02/T1_L2 stores
    with pytest.raises(UnitsError, match=r"Collection 2.*\* 0\.275 - 2000"): check_units("landsat", bands, dn)
    fixed = [v * 0.275 - 2000 for v in dn]
    np.testing.assert_allclose(fixed[0], STACK_REFL[0], rtol=1e-9, atol=1e-6)
    check_units("landsat", bands, fixed)


def test_case_F_sentinel2_boa_add_offset_is_warned_and_the_fix_works():
    raw = [v + 1000 for v in STACK_REFL]      # processing baseline >= 04.00 digital numbers, offset not applied
    with pytest.warns(UnitsWarning, match=r"BOA_ADD_OFFSET.*- 1000"): check_units("sentinel2", S2, raw)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_units("sentinel2", S2, [v - 1000 for v in raw])


@pytest.mark.parametrize("values,looks,fix", [
    (RNG.uniform(20, 600, 3000), "amplitude or digital numbers", None),                 # GRD DN / amplitude
    (np.round(DB * 100), r"decibels x 100", lambda v: v / 100),                          # scaled-integer dB
])
def test_case_F_sentinel1_other_wrong_scales(values, looks, fix):
    with pytest.raises(UnitsError, match=looks): check_units("sentinel1", "VV", values)
    if fix is not None: check_units("sentinel1", "VV", fix(values))


def test_case_F_db_where_linear_power_is_expected():
    from alphaearth_nb.sources import Source
    lin = Source("s1_linear", ("VV", "VH"), units="linear", family="sentinel1")
    with pytest.raises(UnitsError, match=r"decibels.*10 \*\* \(ds\[bands\] / 10\)"): check_units(lin, "VV", DB)
    check_units(lin, ("VV", "VH"), [10 ** (DB / 10)] * 2)


def test_offset_rules_need_a_visible_band_among_several():
    "NIR or SWIR alone over vegetation is often above 1000: no offset verdict without a visible band beside it."
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_units("sentinel2", ("B8", "B11"), [STACK_REFL[3] + 1500, STACK_REFL[4] + 1200])
        check_units("sentinel2", ("B2",), [STACK_REFL[0] + 1000])


# --- kind F1, per frame: a stack merged from readers with different scales ----------------------------------------
def _later(ds, fn, frac=0.1, bands=None):
    "`ds` with `fn` applied to its bands from the frame at `frac` of the series on: (Dataset, first date changed)."
    t0 = ds.time[int(len(ds.time) * frac)]
    bands = bands or [b for b in ds.data_vars if b != "cloud"]
    return ds.assign({b: xr.where(ds.time >= t0, fn(ds[b]), ds[b]).transpose(*ds[b].dims) for b in bands}), t0


@pytest.mark.parametrize("lazy", [False, True])
def test_case_F1_later_frames_in_0_1_are_refused_naming_the_dates(crop, lazy):  # newcomer's repro, eager and dask
    import re
    from alphaearth_nb.stacks import validate_stack
    d, t0 = _later(crop["sentinel2"].to_dataset(), lambda v: v / 1e4)
    d = d.chunk({"time": 8, "y": 20, "x": 20}) if lazy else d
    with pytest.raises(UnitsError, match=r"sentinel2: \d+ of the \d+ frames judged \(\d{4}-.*"
                                         r"reflectance in 0\.\.1.*\* 1e4.*those frames only") as e:
        validate_stack(with_source(crop, "sentinel2", d))
    named = re.findall(r"\d{4}-\d\d-\d\d", str(e.value))
    assert len(named) >= 4 and min(named) >= str(t0.values)[:10], (named, t0.values)  # the changed dates only


def test_case_F1_per_frame_sample_of_a_lazy_cube_reads_the_centre_chunk_first(crop):  # F4: never the whole cube
    from alphaearth_nb.units import frame_samples
    d = crop["sentinel2"].to_dataset().chunk({"time": 8, "y": 20, "x": 20})
    s = frame_samples(d["B4"])
    v = crop["sentinel2"]["B4"].values
    centre = np.asarray(v[:, 20:40, 20:40], np.float64).reshape(len(v), -1)
    assert s.shape[0] == d.sizes["time"]
    np.testing.assert_array_equal(s[:, :400], centre)
    clear_centre, clear = np.isfinite(centre).sum(1), np.isfinite(v).reshape(len(v), -1).sum(1)
    assert not np.isfinite(s[clear_centre >= 64, 400:]).any()  # clear at the centre: nothing more read
    assert (np.isfinite(s).sum(1) >= np.minimum(64, clear)).all()  # clouded there: the clear pixels elsewhere


@pytest.mark.parametrize("name,fn,err,looks", [
    ("sentinel2", lambda v: v / 100, UnitsWarning, r"percent.*\* 100"),                      # percent frames
    ("sentinel2", lambda v: (v / 2000).clip(0, 1) * 255, UnitsWarning, "8-bit"),              # display frames
    ("sentinel2", lambda v: v + 1000, UnitsWarning, r"BOA_ADD_OFFSET.*- 1000"),               # baseline 04.00
    ("sentinel1", lambda v: 10 ** (v / 10), UnitsError, "linear backscatter"),              # linear among dB
    ("landsat", lambda v: v / 1e4, UnitsError, r"reflectance in 0\.\.1"),                   # another reader
    ("landsat", lambda v: (v / 1e4 + 0.2) / 2.75e-5, UnitsError, r"Collection 2.*0\.275"),  # digital numbers
])
def test_case_F1_other_slips_in_some_frames_are_named(crop, name, fn, err, looks):
    from alphaearth_nb.stacks import validate_stack
    src = crop[name].to_dataset()
    bands = ["VV", "VH"] if name == "sentinel1" else [b for b in src.data_vars if b.startswith("B")]
    d, t0 = _later(src, fn, frac=0.6, bands=bands)
    date = r"\d{4}-\d\d-\d\d"
    if err is UnitsError:
        with pytest.raises(UnitsError, match=rf"{name}: \d+ of the \d+ frames judged \({date}.*{looks}"):
            validate_stack(with_source(crop, name, d))
    else:
        with pytest.warns(UnitsWarning, match=rf"{name}: \d+ of the \d+ frames judged \({date}.*{looks}"):
            validate_stack(with_source(crop, name, d))
    first = str(d.time.where(d.time >= t0, drop=True).values[0])[:10]
    assert str(d.time.values[0])[:10] < first  # the earlier frames are fine: only changed dates can be named


def test_case_F1_a_dark_or_bright_date_is_not_refused(crop):
    "One flooded (dark water) or snow/desert-bright date is real data: at most a warning, never an error."
    from alphaearth_nb.stacks import validate_stack
    s2 = crop["sentinel2"].to_dataset()
    t = s2.time.values[len(s2.time) // 2]
    water = {"B2": 240.0, "B3": 200.0, "B4": 120.0, "B8": 40.0, "B11": 8.0, "B12": 1.0}  # clear deep water x 1e4
    noise = RNG.uniform(0.8, 1.2, (40, 40))
    dark = s2.assign({b: s2[b].where(s2.time != t, v * noise) for b, v in water.items()})
    bright = s2.assign({b: s2[b].where(s2.time != t, 4000.0 * noise) for b in water})
    for d in (dark, bright):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UnitsWarning)
            validate_stack(with_source(crop, "sentinel2", d))
            validate_stack(with_source(crop, "sentinel2", d.chunk({"time": 8})))


def test_case_F1_sample_data_pass_without_a_word(crop):
    from alphaearth_nb.scene import load_scene
    from alphaearth_nb.stacks import validate_stack
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnitsWarning)
        validate_stack(load_scene()[0]); validate_stack(load_scene()[0].chunk({"time": 16}))


class _Counting:
    "An array that counts its reads (one per chunk a dask array built on it computes)."
    def __init__(self, a): self.a, self.shape, self.dtype, self.ndim, self.reads = a, a.shape, a.dtype, a.ndim, []
    def __getitem__(self, k):
        out = self.a[k]
        if out.size: self.reads.append(k)  # (dask's look at an empty slice, for the dtype, reads nothing)
        return out


def _lazy(ds, chunks=20):
    "`ds` with every band a dask array on a `_Counting` (time, 20, 20 chunks): (Dataset, {band: counter})."
    seen = {v: _Counting(np.asarray(ds[v].values)) for v in ds.data_vars}
    return ds.assign({v: (ds[v].dims, da.from_array(c, chunks=(1, chunks, chunks))) for v, c in seen.items()}), seen


@pytest.mark.parametrize("name,fn,looks", [("sentinel2", lambda v: v / 1e4, r"reflectance in 0\.\.1"),
                                           ("sentinel1", lambda v: 10 ** (v / 10), "linear backscatter")])
def test_lazy_frame_in_wrong_units_clouded_over_the_centre_is_found(name, fn, looks):  # F1 and F4
    "The per-frame check sampled the centre chunk only: a bad frame with clouds there was never judged, and passed."
    from alphaearth_nb.stacks import toy_stack, validate_stack
    st = toy_stack(n_time=12, size=200)
    d = st[name].to_dataset()
    bad = d.time.values[len(d.time) // 2]
    bands = [b for b in d.data_vars if b != "cloud"]
    cloud = (d.y < d.y[40]) & (d.y > d.y[160]) & (d.x > d.x[40]) & (d.x < d.x[160])  # the middle 119 x 119 pixels
    d = d.assign({b: xr.where(d.time == bad, fn(d[b]).where(~cloud), d[b]).transpose(*d[b].dims) for b in bands})
    lazy, _ = _lazy(d)
    tree = xr.DataTree.from_dict({k: (lazy if k == name else st[k].to_dataset()) for k in st.children})
    with pytest.raises(UnitsError, match=rf"{name}: 1 of the \d+ frames judged \({str(bad)[:10]}\) look like {looks}"):
        validate_stack(tree)


def test_lazy_frame_sample_looks_past_clouds_reading_few_chunks():  # F4: never the whole cube
    from alphaearth_nb.units import frame_samples
    from alphaearth_nb.stacks import toy_stack, validate_stack
    st = toy_stack(n_time=12, size=200)  # 10 x 10 spatial chunks of 20 px, one frame per chunk: 1,200 per band
    d = st["sentinel2"].to_dataset()
    centre = (d.y < d.y[50]) & (d.y > d.y[150]) & (d.x > d.x[50]) & (d.x < d.x[150])
    d = d.assign({b: d[b].where(~(((d.time == d.time[3]) & centre) | (d.time == d.time[8]))).transpose(*d[b].dims)
                  for b in d.data_vars})  # frame 3: clouds over the middle 99 x 99 pixels; frame 8: no data at all
    lazy, seen = _lazy(d)
    s = frame_samples(lazy["B4"])
    clear = np.isfinite(s).sum(1)
    assert clear[3] >= 64 and clear[8] == 0 and (np.delete(clear, [3, 8]) == 400).all(), clear  # centre chunk: 20 x 20
    assert 12 + 1 <= len(seen["B4"].reads) <= 12 + 1 + 5, len(seen["B4"].reads)  # + frame 3: 1; empty frame 8: 5
    for c in seen.values(): c.reads.clear()
    tree = xr.DataTree.from_dict({k: (lazy if k == "sentinel2" else st[k].to_dataset()) for k in st.children})
    validate_stack(tree)  # a good stack passes
    assert max(len(c.reads) for c in seen.values()) <= 6 + 12 + 1 + 5  # + the pooled sample's 6 chunks; of 1,200


def test_lazy_stack_of_many_empty_dates_reads_few_chunks_past_the_centres():  # F4: the cost of looking past clouds
    "Each empty date read 6 chunks of every band (03b0bb1): the search now reads one band, the others its finds."
    from alphaearth_nb.units import frame_samples
    from alphaearth_nb.stacks import toy_stack, validate_stack
    st = toy_stack(n_time=24, size=200)  # 10 x 10 spatial chunks of 20 px per frame
    d = st["sentinel2"].to_dataset()
    bands = [b for b in d.data_vars if b != "cloud"]
    empty = d.time.isin(d.time.values[np.arange(24) % 3 != 0])  # 16 of the 24 dates hold no value
    centre = (d.time == d.time[3]) & (d.y < d.y[50]) & (d.y > d.y[150]) & (d.x > d.x[50]) & (d.x < d.x[150])
    d = d.assign({b: d[b].where(~(empty | centre)).transpose(*d[b].dims) for b in bands})  # frame 3: centre clouded
    lazy, seen = _lazy(d)
    tree = xr.DataTree.from_dict({k: (lazy if k == "sentinel2" else st[k].to_dataset()) for k in st.children})
    validate_stack(tree)
    reads = sum(len(seen[b].reads) for b in bands)
    # the pooled sample (6 chunks a band), every centre, the empty dates' 5 more in one band, frame 3's find
    assert reads <= len(bands) * (6 + 24 + 1) + 16 * 5, reads  # 03b0bb1: 6 x (6 + 24 + 1 + 16 x 5) = 666
    for c in seen.values(): c.reads.clear()
    s = frame_samples(lazy[bands], nodata=0)  # one plan for all bands: the same samples as band by band
    for b, v in zip(bands, s):
        clear = np.isfinite(v).sum(1)
        assert (clear[empty.values] == 0).all() and (clear[~empty.values] >= 64).all(), clear  # frame 3 too
        np.testing.assert_array_equal(np.sort(v, 1), np.sort(frame_samples(lazy[b], nodata=0), 1))
    slow = lazy.chunk({"time": 5})  # frames share time blocks: each block read once per chunk, rows picked right
    np.testing.assert_array_equal(np.sort(frame_samples(slow[bands], nodata=0)[2], 1), np.sort(s[2], 1))


def test_lazy_frame_search_counts_the_band_it_reads():  # F1 and F4: the count that stops the search
    """The search reads one band (the clearest at the centres) but counted each frame's clearest band: a frame whose
    search band was clouded at the centre, and another band clear there, stopped at once with no clear value of its
    own, so a frame whose angle was in degrees (the only band of its unit) was never judged, and passed."""
    from alphaearth_nb.stacks import toy_stack, validate_stack
    st = toy_stack(n_time=12, size=200)
    d = st["sentinel1"].to_dataset()
    cloud = (d.y < d.y[40]) & (d.y > d.y[160]) & (d.x > d.x[40]) & (d.x < d.x[160])  # the middle 119 x 119 pixels
    bad, t = d.time.values[6], d.time
    dB = (t == t[1]) | (t == t[2])     # VV and VH clouded at the centre twice: angle is the band the search reads
    d = d.assign(VV=d.VV.where(~(dB & cloud)), VH=d.VH.where(~(dB & cloud)),
                 angle=xr.where(t == bad, np.rad2deg(d.angle).where(~cloud), d.angle))
    d = d.assign({b: d[b].transpose("time", "y", "x") for b in d.data_vars})
    lazy, _ = _lazy(d)
    from alphaearth_nb.units import frame_samples
    s = frame_samples(lazy[["VV", "VH", "angle"]])
    assert np.isfinite(s[2][6]).sum() >= 64            # the bad frame's angle: found past the clouds (was 0)
    tree = xr.DataTree.from_dict({k: (lazy if k == "sentinel1" else st[k].to_dataset()) for k in st.children})
    with pytest.raises(UnitsError, match=rf"sentinel1: 1 of the \d+ frames judged \({str(bad)[:10]}\) look like degrees"):
        validate_stack(tree)


# --- F18-2: part of the scene on another scale (a mosaic of tiles from two readers), judged per band and frame --------
def _east(ds, fn, bands, x=20, since=None):
    "`ds` with `fn` applied east of column `x` (in the frames from `since` on, or all)."
    off = ds.x >= ds.x[x] if since is None else (ds.x >= ds.x[x]) & (ds.time >= since)
    return ds.assign({b: xr.where(off, fn(ds[b]), ds[b]).transpose(*ds[b].dims) for b in bands})


def _shares(message):
    import re
    return {b: int(s) for b, s in re.findall(r"(\w+) (\d+)%", message.split("look like")[0])}


@pytest.mark.parametrize("lazy", [False, True])
def test_case_F18_2_s1_with_part_of_the_scene_in_linear_power_is_warned(crop, lazy):  # the newcomer's repro
    from alphaearth_nb.stacks import validate_stack
    s1 = crop["sentinel1"].to_dataset()
    half = _east(s1, lambda v: 10 ** (v / 10), ("VV", "VH"))   # east 20 of 40 columns: about half the values
    half = half.chunk({"time": 8, "y": 20, "x": 20}) if lazy else half
    with pytest.warns(UnitsWarning, match=r"sentinel1: part of the values .* look like linear backscatter.*"
                                          r"10 \* np\.log10") as w:
        validate_stack(with_source(crop, "sentinel1", half))
    shares = _shares(str(w[0].message))
    assert set(shares) == {"VV", "VH"} and all(45 <= s <= 60 for s in shares.values()), shares
    fixed = _east(half, lambda v: 10 * np.log10(v), ("VV", "VH"))   # the fix, on the part from the linear reader
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnitsWarning)
        validate_stack(with_source(crop, "sentinel1", fixed))


def test_case_F18_2_later_frames_with_part_in_linear_power_are_named(crop):
    import re
    from alphaearth_nb.stacks import validate_stack
    s1 = crop["sentinel1"].to_dataset()
    t0 = s1.time.values[int(0.8 * s1.sizes["time"])]
    d = _east(s1, lambda v: 10 ** (v / 10), ("VV", "VH"), since=t0)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        validate_stack(with_source(crop, "sentinel1", d))
    msg = [str(x.message) for x in w if issubclass(x.category, UnitsWarning) and "frames judged" in str(x.message)]
    assert len(msg) == 1 and "10 * np.log10" in msg[0], [str(x.message) for x in w]
    named = re.findall(r"\d{4}-\d\d-\d\d", msg[0])
    assert named and min(named) >= str(t0)[:10]   # the changed dates only


@pytest.mark.parametrize("lazy", [False, True])
def test_case_F18_2_s2_with_part_of_the_scene_in_0_1_is_warned(lazy):  # the same rule for reflectance
    from alphaearth_nb.stacks import toy_stack, validate_stack
    st = toy_stack(n_time=6, size=16)
    s2 = st["sentinel2"].to_dataset()
    bands = [b for b in s2.data_vars if b.startswith("B")]
    half = _east(s2, lambda v: v / 1e4, bands, x=8)
    half = half.chunk({"time": 2, "y": 8, "x": 8}) if lazy else half
    with pytest.warns(UnitsWarning, match=r"sentinel2: part of the values .* reflectance in 0\.\.1.*\* 1e4") as w:
        validate_stack(with_source(st, "sentinel2", half))
    assert set(_shares(str(w[0].message))) == set(bands)


def test_case_F18_2_bright_targets_in_db_are_not_a_mosaic():
    "Urban VV above 0 dB over a third of a scene (VH stays negative), or a few bright pixels in both: real data."
    vv = np.where(RNG.random(5000) < 0.3, RNG.uniform(0, 8, 5000), DB)
    vh = DB - 6
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnitsWarning)
        check_units("sentinel1", ("VV", "VH"), (vv, vh))
        few = np.where(RNG.random(5000) < 0.05, RNG.uniform(0.01, 0.5, 5000), DB)  # 5%: below PART_SHARE
        check_units("sentinel1", ("VV", "VH"), (few, few - 6))
    with pytest.warns(UnitsWarning, match=r"VV 50%, VH 50%"):   # half of both in linear power: a mosaic
        lin = np.where(np.arange(5000) % 2 == 0, 10 ** (DB / 10), DB)
        check_units("sentinel1", ("VV", "VH"), (lin, lin))


LANDSAT = ("B2", "B3", "B4", "B5", "B6", "B7")


def test_case_F_landsat_level2_scale_without_its_offset_is_warned_and_the_fix_works():
    # DN x 2.75e-5 without the -0.2 offset of Collection 2 Level-2, then x 1e4 (what the 0..1 refusal asks): every
    # value 2000 too high, which passed without a word (the model read a brighter, flatter scene)
    scaled = [(v / 1e4 + 0.2) / 2.75e-5 * 2.75e-5 for v in STACK_REFL]   # reflectance + 0.2
    with pytest.raises(UnitsError, match=r"0\.\.1"): check_units("landsat", LANDSAT, scaled)
    raw = [v * 1e4 for v in scaled]
    with pytest.warns(UnitsWarning, match=r"-0\.2.*- 2000"): check_units("landsat", LANDSAT, raw)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_units("landsat", LANDSAT, [v - 2000 for v in raw])
    with pytest.raises(UnitsError, match=r"Collection 2 digital numbers"):   # DN themselves: still refused
        check_units("landsat", LANDSAT, [(v / 1e4 + 0.2) / 2.75e-5 for v in STACK_REFL])


@pytest.mark.parametrize("lazy", [False, True])
def test_case_F_landsat_frames_without_the_level2_offset_are_named(crop, lazy):
    from alphaearth_nb.stacks import validate_stack
    d, t0 = _later(crop["landsat"].to_dataset(), lambda v: v + 2000, frac=0.5)
    d = d.chunk({"time": 8, "y": 20, "x": 20}) if lazy else d
    with pytest.warns(UnitsWarning, match=r"landsat: \d+ of the \d+ frames judged.*-0\.2.*- 2000"):
        validate_stack(with_source(crop, "landsat", d))
    with pytest.warns(UnitsWarning, match=r"landsat band\(s\).*-0\.2.*- 2000"):   # the whole stack
        validate_stack(with_source(crop, "landsat", crop["landsat"].to_dataset() + 2000))


@pytest.mark.parametrize("name,shift", [("sentinel2", 1000), ("landsat", 2000)])
@pytest.mark.parametrize("lazy", [False, True])
def test_case_F_an_offset_subtracted_twice_is_refused_with_the_fix_that_works(crop, name, shift, lazy):
    # Sentinel-2's -1000 (baseline 04.00) applied to Earth Engine's *_HARMONIZED data, which had it already: the dark
    # bands went below 0 (masked: 97% of B2 lost). Was: refused as 'reflectance in 0..1: multiply by 10000' (whole
    # stack), or passed without a word (later frames only)
    from alphaearth_nb.stacks import validate_stack
    ds = crop[name].to_dataset()
    lz = (lambda d: d.chunk({"time": 8, "y": 20, "x": 20})) if lazy else (lambda d: d)
    with pytest.raises(UnitsError, match=rf"below 0.*\+ {shift}") as e:
        validate_stack(with_source(crop, name, lz(ds - shift)))
    assert "1e4" not in str(e.value).split("look like")[1]
    _quiet(with_source(crop, name, lz(ds - shift + shift)))
    d, t0 = _later(ds, lambda v: v - shift, frac=0.5)
    with pytest.raises(UnitsError, match=rf"{name}: \d+ of the \d+ frames judged.*below 0.*\+ {shift}"):
        validate_stack(with_source(crop, name, lz(d)))


def _quiet(tree):
    from alphaearth_nb.stacks import validate_stack
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnitsWarning)
        return validate_stack(tree)


def test_case_F_reflectance_scaled_twice_is_named(crop):
    from alphaearth_nb.stacks import validate_stack
    ds = crop["sentinel2"].to_dataset()
    with pytest.raises(UnitsError, match=r"scaled twice.*/ 1e4"): validate_stack(with_source(crop, "sentinel2", ds * 1e4))
    _quiet(with_source(crop, "sentinel2", ds * 1e4 / 1e4))


def test_dark_water_below_zero_in_swir_is_not_a_shift():
    water = [RNG.uniform(150, 900, 2000), RNG.uniform(-80, 60, 2000)]   # B2 over a lake; B12 about 0, part below
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_units("landsat", ("B2", "B7"), water)
        check_units("sentinel2", ("B2", "B12"), water)


@pytest.mark.parametrize("lazy", [False, True])
def test_case_F_sentinel1_polarisations_swapped_are_warned(crop, lazy):
    # VV and VH in the other order (a reader's band list, `to_dataset(dim='band')` on an array in VH, VV order): passed
    # without a word. Cross-polarised backscatter is weaker than co-polarised on every natural surface (the official
    # samples: VH > VV at 0 of 2160 points; Presto's 1122 x 12 steps: 0.9%)
    from alphaearth_nb.stacks import validate_stack
    s1 = crop["sentinel1"].to_dataset()
    swapped = s1.assign(VV=s1.VH, VH=s1.VV)
    swapped = swapped.chunk({"time": 8, "y": 20, "x": 20}) if lazy else swapped
    with pytest.warns(UnitsWarning, match=r"sentinel1: VV and VH look swapped.*rename\(VV='VH', VH='VV'\)"):
        validate_stack(with_source(crop, "sentinel1", swapped))
    _quiet(with_source(crop, "sentinel1", swapped.rename(VV="VH", VH="VV")))   # the fix the message gives
    hh = s1.rename(VV="HH", VH="HV")   # a polar scene in HH/HV: the same rule
    with pytest.warns(UnitsWarning, match="HH and HV look swapped"):
        check_units("sentinel1", ("HH", "HV"), [sample_values(hh.HV), sample_values(hh.HH)])


def test_case_F_kelvin_x_100_is_named_with_its_fix(crop):
    # AgERA5's TMEAN and other uint16 products store K x 100 (28500): outside the valid range, so the band was masked
    # whole without a word (precipitation beside it kept the source 'valid')
    from alphaearth_nb.stacks import validate_stack
    e5 = crop["era5"].to_dataset()
    scaled = e5.assign(temperature_2m=(e5.temperature_2m * 100).round().astype("uint16"))
    with pytest.raises(UnitsError, match=r"x 100.*/ 100"): validate_stack(with_source(crop, "era5", scaled))
    _quiet(with_source(crop, "era5", scaled.assign(temperature_2m=scaled.temperature_2m / 100)))
    with pytest.raises(UnitsError, match="Celsius"): check_units("era5", "temperature_2m", KELVIN - 273.15)


def test_case_F_an_8bit_index_is_not_told_to_divide_by_10000():
    # NDVI as a byte (0..250, Copernicus Global Land: NDVI = DN / 250 - 0.08): was told '/ 10000', which gives 0..0.025,
    # an NDVI of bare soil everywhere that then passed without a word
    ndvi = RNG.uniform(-0.05, 0.9, 3000)
    byte = np.round((ndvi + 0.08) * 250)
    with pytest.raises(UnitsError, match=r"8-bit.*/ 250 - 0\.08") as e: check_units("ndvi", "NDVI", byte)
    assert "10000" not in str(e.value)
    check_units("ndvi", "NDVI", byte / 250 - 0.08)
    with pytest.raises(UnitsError, match=r"/ 10000"): check_units("ndvi", "NDVI", ndvi * 1e4)   # x 1e4: as before


def test_case_F_sentinel1_digital_numbers_get_a_calibration_that_works():
    # WorldCereal's preprocessed inputs store S1 as uint16 DN (dB = 20 log10(DN) - 83): was told '20 * np.log10
    # (amplitude)', which gives 66..78 'dB', refused again with the same advice
    import os
    from alphaearth_nb.readers import shared_data_dir
    try: root = shared_data_dir()
    except Exception: root = None
    if root is None or not os.path.exists(os.path.join(root, "worldcereal_patch")): pytest.skip("no shared data")
    ds = xr.open_dataset(os.path.join(root, "worldcereal_patch", "worldcereal_preprocessed_inputs.nc"))
    dn = ds["S1-SIGMA0-VV"].values.astype(np.float64); dn = dn[dn != 65535]
    with pytest.raises(UnitsError, match=r"20 \* np\.log10\(ds\[bands\]\) - 83") as e: check_units("sentinel1", "VV", dn)
    fix = eval(str(e.value).split("`")[1].replace("ds[bands]", "v"), {"np": np, "v": dn})
    check_units("sentinel1", "VV", fix)
    with pytest.raises(UnitsError, match="linear"): check_units("sentinel1", "VV", 10 ** (DB / 10))   # as before


def test_case_F_precipitation_in_mm_x_100_is_named_with_its_fix():
    # AgERA5's PRECIP (uint16 mm x 100, median 10385 in the WorldCereal patch): was told 'millimetres: / 1000', which
    # gives 10 m a month, outside the valid range: the band masked whole without a word
    mm100 = np.round(RNG.gamma(2, 40, 3000) * 100)   # monthly sums in mm, x 100
    with pytest.raises(UnitsError, match=r"x 100.*/ 1e5") as e: check_units("era5", "total_precipitation", mm100)
    check_units("era5", "total_precipitation", eval(str(e.value).split("`")[1].replace("ds[bands]", "v"), {"v": mm100}))
    with pytest.raises(UnitsError, match=r"millimetres: divide by 1000"):   # mm: as before
        check_units("era5", "total_precipitation", mm100 / 100)


@pytest.mark.parametrize("name,band,factor,words", [
    ("dem", "elevation", 100, "centimetres"),   # hill country: 485 m median (its slope says so first)
    ("gedi", "rh98", 100, "centimetres (or millimetres)"),       # half the footprints near 0 m (fields)
    ("gedi", "rh98", 1000, "millimetres: far beyond"),
])
def test_metres_are_judged_against_each_band_own_range(crop, name, band, factor, words):
    # both bands say "m": a DEM in metres has the values of canopy heights in centimetres, so the rule is per band
    stack = crop.copy()
    if name == "dem":
        stack = with_source(stack, "dem", stack["dem"].to_dataset().assign(elevation=stack["dem"]["elevation"] + 400))
    ds = stack[name].to_dataset()
    v = ds[band]
    slipped = with_source(stack, name, ds.assign({band: v.where(~np.isfinite(v) | (v == -9999), v * factor)}))
    with pytest.raises(UnitsError, match=rf"{name}\.{band} should be in m .*{re.escape(words)}.*/ {factor}`"):
        validate_stack(slipped)
    validate_stack(stack)   # the same values in metres pass


def _slipped_frames(ds, bands, fn, since="2024-01-01"):
    late = ds.time >= np.datetime64(since)
    return ds.assign({b: ds[b].where(~late, fn(ds[b])) for b in bands})


@pytest.mark.parametrize("frames", [False, True])
def test_sentinel1_amplitude_is_not_told_the_power_conversion(crop, frames):
    # 10 * log10 of amplitude gives half the decibels (VV -5 dB): inside the valid range, silently wrong
    s1 = crop["sentinel1"].to_dataset()
    amp = lambda v: 10 ** (v / 20)
    s1 = _slipped_frames(s1, ["VV", "VH"], amp) if frames else s1.assign(VV=amp(s1.VV), VH=amp(s1.VH))
    with pytest.raises(UnitsError, match=r"linear amplitude.*`20 \* np.log10\(ds\[bands\]\)`"):
        validate_stack(with_source(crop, "sentinel1", s1))
    s1 = crop["sentinel1"].to_dataset()   # power: still 10 * log10
    with pytest.raises(UnitsError, match=r"power ratio\): convert to decibels: `10 \* np.log10\(ds\[bands\]\)`"):
        validate_stack(with_source(crop, "sentinel1", s1.assign(VV=10 ** (s1.VV / 10), VH=10 ** (s1.VH / 10))))


@pytest.mark.parametrize("product", ["st", "l1"])
def test_landsat_thermal_digital_numbers_are_named_as_such(crop, product):
    # Level-2 ST_B10 (K = DN x 0.00341802 + 149) was masked whole; Level-1 B10 was told 'kelvin x 100: / 100' (262 K
    # for 295 K, inside the valid range)
    import xarray as xr
    ls = crop["landsat"].to_dataset()[["B2", "B3", "B4", "B5", "B6"]]
    k = 290.0 + 10 * (ls["B5"] / ls["B5"].max())
    dn = (k - 149) / 0.00341802 if product == "st" else (774.8853 / np.expm1(1321.0789 / k) - 0.1) / 3.342e-4
    tree = xr.DataTree.from_dict({"landsat_toa": ls.assign(B10=np.round(dn))})
    with pytest.raises(UnitsError, match=r"Landsat thermal digital numbers.*\* 0\.00341802 \+ 149.*K1 774\.8853"):
        validate_stack(tree)
    validate_stack(xr.DataTree.from_dict({"landsat_toa": ls.assign(B10=k)}))


@pytest.mark.parametrize("factor,words", [(100, "looks like centimetres"), (1000, "looks like millimetres")])
def test_a_lowland_dem_in_centimetres_is_told_by_its_slope(crop, factor, words):
    # the sample scene's 85 m are 8,500 cm: inside -500..9000 m, so no reading of the values alone can tell
    dem = crop["dem"].to_dataset()
    with pytest.raises(UnitsError, match=rf"dem.elevation should be in m but {words}: its gradient is \d+ times.*/ {factor}`"):
        validate_stack(with_source(crop, "dem", dem.assign(elevation=dem.elevation * factor)))
    with pytest.raises(UnitsError, match=r"dem.slope should be in degrees but reads as radians.*np.rad2deg"):
        validate_stack(with_source(crop, "dem", dem.assign(slope=np.radians(dem.slope))))
    validate_stack(with_source(crop, "dem", dem.assign(slope=dem.slope * 1.5)))   # another product's slope: metres
