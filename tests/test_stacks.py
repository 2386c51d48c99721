"Tests of the stack schema (validate_stack) and whole-extent arrays (to_frames)."
import re

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import (AEFError, DimensionError, DTypeError, DuplicateTimeError, EmptyStackError, GridError,
                                MissingSourceError, MissingTimeError, NoValidDataError, PeriodError, StackTypeError,
                                TimeError, UnitsError, UnknownBandError, UnknownSourceError, UnsortedTimeError)
from alphaearth_nb.sources import normalise
from alphaearth_nb.stacks import DIMS, embedding_field, to_frames, toy_stack, validate_stack
from alphaearth_nb.testing import SOURCE_X as X, SOURCE_Y as Y, sampler_stack, with_source
from alphaearth_nb.timecodes import to_days

H, W = len(Y), len(X)


@pytest.fixture(scope="module")
def stack():
    return sampler_stack()


# ---- schema and errors -------------------------------------------------------------------------------------------

def test_valid_stack_accepted(stack):
    assert validate_stack(stack) is stack
    # a spatial_ref coordinate instead of attrs['crs'] is accepted too
    s2 = stack["sentinel2"].to_dataset().drop_attrs().assign_coords(spatial_ref=((), 0, {"crs_wkt": "EPSG:32631"}))
    validate_stack(s2, source="sentinel2")


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
        validate_stack(with_source(stack, "sentinel2", make(stack)))
    assert fix in str(e.value), str(e.value)
    assert isinstance(e.value, AEFError)
    if err is UnsortedTimeError: assert not isinstance(e.value, DuplicateTimeError)



def test_unsorted_and_duplicated_times_one_message(stack):
    "Times out of order with a frame repeated apart: one refusal whose fix, as named, is enough (was: sortby, then"
    "the duplicate on the next call)."
    s2 = _s2(stack)
    for both, fix in [(xr.concat([s2, s2.isel(time=[1])], "time"), "drop_duplicates('time')`"),   # repeat is last
                      (s2.isel(time=[2, 3, 0, 1, 2]), "drop_duplicates('time').sortby('time')`")]:
        with pytest.raises(DuplicateTimeError) as e:
            validate_stack(with_source(stack, "sentinel2", both))
        assert fix in str(e.value), str(e.value)
        fixed = both.drop_duplicates("time").sortby("time") if "sortby" in fix else both.drop_duplicates("time")
        validate_stack(with_source(stack, "sentinel2", fixed))

def test_lazy_stack_gets_the_same_checks(stack):  # F4: the same errors as eager data, from a sample of chunks
    lazy = with_source(stack, "sentinel2", _s2(stack) * np.nan).chunk()
    with pytest.raises(NoValidDataError): validate_stack(lazy)
    assert validate_stack(lazy, check_values=False) is lazy  # asked to skip: skipped
    ok = stack.chunk()
    assert validate_stack(ok) is ok
    with pytest.raises(UnitsError, match="reflectance in 0..1"):
        validate_stack(with_source(stack, "sentinel2", _s2(stack) / 1e4).chunk())


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


# --- plausible but wrong (field cases F1, F3, G2, G3) --------------------------------------------------------------------
def test_reflectance_in_0_1_is_refused(stack):  # F1
    with pytest.raises(UnitsError, match=r"sentinel2\.B\d+ should be in reflectance x 1e4.*multiply by 10000"):
        validate_stack(with_source(stack, "sentinel2", _s2(stack) / 1e4))


def test_other_unit_slips_in_a_stack(stack):
    s1 = stack["sentinel1"].to_dataset()
    lin = s1.assign(VV=10 ** (s1["VV"] / 10), VH=10 ** (s1["VH"] / 10))
    with pytest.raises(UnitsError, match="linear backscatter"): validate_stack(with_source(stack, "sentinel1", lin))
    fixed = lin.assign(VV=10 * np.log10(lin["VV"]), VH=10 * np.log10(lin["VH"]))  # the message's fix
    validate_stack(with_source(stack, "sentinel1", fixed))


def test_y_ascending_is_turned_north_up_with_its_labels(stack):  # F3 (embedding: tests/test_embed.py)
    south_first = xr.DataTree.from_dict({k: v.to_dataset().isel(y=slice(None, None, -1)) for k, v in stack.children.items()})
    got = validate_stack(south_first)
    for k in stack.children:
        xr.testing.assert_identical(got[k].to_dataset(), stack[k].to_dataset())


def test_orbit_direction_words_are_read_as_the_flags(stack):  # G2: Earth Engine's words, read since c15296c
    s1 = stack["sentinel1"].to_dataset()
    ee = s1.assign_coords(ascending=("time", np.where(s1["ascending"].values > 0.5, "ASCENDING", "DESCENDING")))
    got = validate_stack(with_source(stack, "sentinel1", ee))["sentinel1"]["ascending"].values
    assert got.dtype == np.float32
    np.testing.assert_array_equal(got, s1["ascending"].values)


@pytest.mark.parametrize("unit", ["ms", "s"])
def test_numeric_times_name_a_fix_that_works(stack, unit):  # G3: not pd.to_datetime without unit=
    s2 = _s2(stack)
    num = s2.assign_coords(time=s2.time.values.astype(f"datetime64[{unit}]").astype("int64"))
    with pytest.raises(TimeError, match=f"unit='{unit}'"): validate_stack(with_source(stack, "sentinel2", num))
    fixed = num.assign_coords(time=pd.to_datetime(num.time.values, unit=unit))
    validate_stack(with_source(stack, "sentinel2", fixed))


_REV = slice(None, None, -1)


@pytest.mark.parametrize("turn", [dict(x=_REV), dict(x=_REV, y=_REV)])
def test_x_descending_is_turned_west_to_east_with_its_labels(stack, turn):  # F3 for columns
    east_first = xr.DataTree.from_dict({k: v.to_dataset().isel(turn) for k, v in stack.children.items()})
    got = validate_stack(east_first)
    for k in stack.children:
        assert (np.diff(got[k].x.values) > 0).all() and (np.diff(got[k].y.values) < 0).all()
        xr.testing.assert_identical(got[k].to_dataset(), stack[k].to_dataset())


def _run_hint(message, **names):
    "Run the first backticked statement of an error message; return the names it binds (e.g. `ds`)."
    code = message.split("`")[1]
    scope = dict(np=np, pd=pd, xr=xr, **names)
    if code.startswith("ds = "): exec(code, scope); return scope["ds"]
    return eval(code, scope)


@pytest.mark.parametrize("words", [("true", "false"), ("True", "FALSE"), (" ascending", "Descending"),
                                   ("DESCENDING", "DESCENDING")])
def test_orbit_flag_strings_hint_is_right_for_the_words_found(stack, words):  # G2: hint not inverted
    s1 = stack["sentinel1"].to_dataset()
    asc = s1["ascending"].values > 0.5
    if words[0] == words[1]: asc = np.zeros_like(asc)   # every frame descending
    txt = s1.assign_coords(ascending=("time", np.where(asc, *words)))
    if words[0].strip().lower() in ("ascending", "descending"):   # the orbit's own words: read (spellings.flag_word)
        got = validate_stack(with_source(stack, "sentinel1", txt))["sentinel1"]["ascending"].values
        np.testing.assert_array_equal(got, asc.astype("float32"))
        return
    with pytest.raises(DTypeError) as e: validate_stack(with_source(stack, "sentinel1", txt))
    fixed = _run_hint(str(e.value), ds=txt)
    np.testing.assert_array_equal(fixed["ascending"].values, asc.astype("float32"))
    validate_stack(with_source(stack, "sentinel1", fixed))


def test_epoch_ms_as_text_times_hint_runs(stack):  # G3: '1672772700000' needs int first and unit='ms'
    s2 = _s2(stack)
    txt = s2.assign_coords(time=s2.time.values.astype("datetime64[ms]").astype("int64").astype(str))
    with pytest.raises(TimeError, match="unit='ms'") as e: validate_stack(with_source(stack, "sentinel2", txt))
    t = _run_hint(str(e.value).split(": ", 1)[1], values=txt.time.values)
    np.testing.assert_array_equal(np.asarray(t, "datetime64[ms]"), s2.time.values.astype("datetime64[ms]"))
    validate_stack(with_source(stack, "sentinel2", txt.assign_coords(time=t)))


@pytest.mark.parametrize("codes", [(2, 3), (1, -1), (1.0, np.nan), (0.5, 0.0), (3, 2)])
def test_case_G2_orbit_codes_other_than_1_0_are_refused_with_a_recoding(stack, codes):
    "The one rule: ascending is 1 (ascending) / 0 (descending) or bool; other codes are named, never guessed."
    s1 = stack["sentinel1"].to_dataset()
    asc = s1["ascending"].values > 0.5
    coded = s1.assign_coords(ascending=("time", np.where(asc, *codes)))
    with pytest.raises(DTypeError, match=r"must be 1 \(ascending\) or 0 \(descending\)") as e:
        validate_stack(with_source(stack, "sentinel1", coded))
    fixed = _run_hint(str(e.value), ds=coded)
    if not np.isnan(codes).any():   # the recoding maps the code its message names to ascending, the rest to 0
        named = float(str(e.value).split("(if ")[1].split(" means ascending")[0])
        assert named in codes
        np.testing.assert_array_equal(fixed["ascending"].values, (coded["ascending"].values == named).astype("f4"))
    else:                           # NaN: the frames of unknown pass are dropped
        assert fixed.sizes["time"] == int(asc.sum())
    validate_stack(with_source(stack, "sentinel1", fixed))


@pytest.mark.parametrize("words", [("asc", "desc"), ("A", "D"), ("Ascending", "Descending"), ("Y", "N")])
def test_case_G2_orbit_spellings_get_a_conversion_that_works(stack, words):
    s1 = stack["sentinel1"].to_dataset()
    asc = s1["ascending"].values > 0.5
    txt = s1.assign_coords(ascending=("time", np.where(asc, *words)))
    if words[0].lower() == "ascending":   # the orbit's own words, any case: read as the flags (spellings.flag_word)
        got = validate_stack(with_source(stack, "sentinel1", txt))["sentinel1"]["ascending"].values
        np.testing.assert_array_equal(got, asc.astype("float32"))
        return
    with pytest.raises(DTypeError, match="not numbers") as e: validate_stack(with_source(stack, "sentinel1", txt))
    np.testing.assert_array_equal(_run_hint(str(e.value), ds=txt)["ascending"].values, asc.astype("float32"))


@pytest.mark.parametrize("as_flag", [lambda a: a, lambda a: a.astype(np.int8), lambda a: a.astype("float32")])
def test_case_G2_orbit_bools_and_1_0_pass_unchanged(stack, as_flag):
    s1 = stack["sentinel1"].to_dataset()
    ok = s1.assign_coords(ascending=("time", as_flag(s1["ascending"].values > 0.5)))
    got = validate_stack(with_source(stack, "sentinel1", ok))
    np.testing.assert_array_equal(got["sentinel1"]["ascending"].values, ok["ascending"].values)


def test_case_G2_orbit_flag_as_a_data_variable_is_named_with_set_coords(stack):
    "Dropping it (the generic fix for an unknown variable) would read every frame as descending: say set_coords."
    s1 = stack["sentinel1"].to_dataset()
    asvar = s1.reset_coords("ascending")
    with pytest.raises(UnknownBandError, match=r"set_coords\(\['ascending'\]\)") as e:
        validate_stack(with_source(stack, "sentinel1", asvar))
    fixed = _run_hint(str(e.value), ds=asvar)
    got = validate_stack(with_source(stack, "sentinel1", fixed))
    np.testing.assert_array_equal(got["sentinel1"]["ascending"].values, s1["ascending"].values)


def test_case_G2_one_orbit_flag_for_the_whole_source_is_spread_over_its_frames(stack):
    s1 = stack["sentinel1"].to_dataset()
    one = s1.assign_coords(ascending=1.0)   # a scalar: every frame ascending
    with pytest.raises(DimensionError, match="give every frame the value") as e:
        validate_stack(with_source(stack, "sentinel1", one))
    fixed = _run_hint(str(e.value), ds=one)
    assert (validate_stack(with_source(stack, "sentinel1", fixed))["sentinel1"]["ascending"].values == 1).all()


def _s1_stack(**coords):
    from alphaearth_nb.stacks import toy_stack
    st = toy_stack()
    s1 = st["sentinel1"].to_dataset()
    asc = s1["ascending"].values
    s1 = s1.drop_vars("ascending").assign_coords(**{k: ("time", v(asc)) for k, v in coords.items()})
    return st, s1, asc


def test_orbit_under_earth_engine_name_is_read():
    "Earth Engine's `orbitProperties_pass` was ignored: every frame read as descending, silently; then refused with a " \
    "conversion (a DTypeError); its words are read as `ascending` (spellings._provider_flag; tests/test_orbit_provider_names)."
    import warnings
    from alphaearth_nb.stacks import META_NAMES
    st, s1, asc = _s1_stack(orbitProperties_pass=lambda a: np.where(a, "ASCENDING", "DESCENDING"))
    assert "orbitProperties_pass" in META_NAMES["ascending"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = validate_stack(xr.DataTree.from_dict({"sentinel2": st["sentinel2"].to_dataset(), "sentinel1": s1}))
    assert (out["sentinel1"]["ascending"].values == asc).all()


def test_sentinel1_without_orbit_direction_warns_what_is_assumed():
    from alphaearth_nb.core import MetadataWarning
    st, s1, _ = _s1_stack()
    with pytest.warns(MetadataWarning, match="read as descending.*assign_coords\\(ascending="):
        validate_stack(xr.DataTree.from_dict({"sentinel2": st["sentinel2"].to_dataset(), "sentinel1": s1}))


@pytest.mark.parametrize("key,fill,dtype", [("_FillValue", -9999, "float32"), ("nodata", 0, "float32"),
                                            ("_FillValue", 65535, "uint16"), ("missing_value", -32768, "int16"),
                                            ("nodatavals", (0,), "uint16")])
def test_declared_source_fill_is_no_data(key, fill, dtype):
    "A source read without decoding keeps its fill in the values and names it in attrs (A2's rule for stacks)."
    from alphaearth_nb.stacks import source_arrays, toy_stack, validate_stack
    st = toy_stack(size=8)
    s2, f = st["sentinel2"].to_dataset(), np.atleast_1d(fill)[0]
    hole = np.zeros(s2["B3"].shape, bool); hole[:, :3] = True
    s2 = s2.assign({b: s2[b].where(~hole, f).fillna(f).astype(dtype).assign_attrs({key: fill})
                    for b in ("B3", "B4", "B8")})
    s1 = st["sentinel1"].to_dataset()
    s1["VV"][:, 5:] = -9999.0; s1["VV"].attrs["_FillValue"] = -9999.0   # dB with a fill: not 'dB x 100'
    tree = validate_stack(xr.DataTree.from_dict({"sentinel2": s2, "sentinel1": s1, "dem": st["dem"].to_dataset()}))
    for b in ("B3", "B4", "B8"):
        v = tree["sentinel2"][b].values
        assert np.isnan(v[:, :3]).all() and key not in tree["sentinel2"][b].attrs
        assert np.isfinite(v[:, 3:]).any()
    assert np.isnan(tree["sentinel1"]["VV"].values[:, 5:]).all()
    assert np.isnan(source_arrays(tree, "sentinel2").z[:, :3, :, 1:4]).all()   # B3, B4, B8
    from alphaearth_nb.stacks import mask_declared
    from alphaearth_nb.sources import get_source
    s2_plain = st["sentinel2"].to_dataset()
    assert mask_declared(s2_plain, get_source("sentinel2")) is s2_plain   # nothing declared: as it is


@pytest.mark.parametrize("lazy", [False, True])
def test_a_source_with_only_its_auxiliary_band_has_no_data(lazy):  # newcomer finding F (F4's kind)
    "Sentinel-1 with VV/VH all NaN but the incidence angle kept (a border-noise mask) passed as data."
    from alphaearth_nb.core import NoValidDataError
    from alphaearth_nb.stacks import toy_stack
    d = {k: v.to_dataset() for k, v in toy_stack(n_time=6, size=16).children.items()}
    s1 = d["sentinel1"]
    bad = s1.assign(VV=s1.VV * np.nan, VH=s1.VH * np.nan)
    assert np.isfinite(bad.angle.values).all()
    with pytest.raises(NoValidDataError, match="no valid pixel in any measurement band \\(VV, VH; its auxiliary angle"):
        validate_stack(xr.DataTree.from_dict({**d, "sentinel1": bad.chunk({"time": 1}) if lazy else bad}))
    one = s1.assign(VV=s1.VV.where(s1.VV.x == s1.x[3]) * 1, VH=s1.VH * np.nan)  # one column of VV: data
    validate_stack(xr.DataTree.from_dict({**d, "sentinel1": one.chunk({"time": 1}) if lazy else one}))


def test_aux_names_some_bands_not_all():
    from alphaearth_nb.core import ConfigError
    from alphaearth_nb.sources import Source, get_source
    assert get_source("sentinel1").aux == ("angle",) and get_source("sentinel2").aux == ()
    with pytest.raises(ConfigError, match="aux"): Source("t", ("a", "b"), aux=("c",))
    with pytest.raises(ConfigError, match="at least one measurement band"): Source("t", ("a",), aux=("a",))


# ---- F18-1: times with a zone (STAC '...Z' text, tz-aware Timestamps) are UTC instants, read as naive UTC -----------
def _zoned(s2, how):
    t = pd.DatetimeIndex(s2.time.values)
    if how == "Z text": v = np.array([x.strftime("%Y-%m-%dT%H:%M:%SZ") for x in t], object)   # STAC item datetimes
    elif how == "+02:00 text": v = np.array([(x + pd.Timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%S+02:00") for x in t])
    elif how == "tz-aware UTC": v = np.array(list(t.tz_localize("UTC")), object)     # pystac item.datetime
    elif how == "tz-aware index": v = t.tz_localize("UTC").tz_convert("Asia/Tokyo")   # xarray keeps the zone
    else: raise ValueError(how)
    return s2.assign_coords(time=v)


@pytest.mark.parametrize("how", ["Z text", "+02:00 text", "tz-aware UTC", "tz-aware index"])
def test_times_with_a_zone_are_read_as_naive_utc(stack, how):
    s2 = _s2(stack)
    got = validate_stack(with_source(stack, "sentinel2", _zoned(s2, how)))
    t = got["sentinel2"].time.values
    assert t.dtype.kind == "M"                        # naive: the same instants, the zone dropped
    np.testing.assert_array_equal(t.astype("datetime64[s]"), s2.time.values.astype("datetime64[s]"))
    f = to_frames(got, sources=["sentinel2"])["sentinel2"]
    np.testing.assert_array_equal(np.asarray(f.days)[:s2.sizes["time"]], to_days(s2.time.values))


def test_a_zone_is_converted_not_dropped(stack):  # 10:00 at +02:00 is 08:00 UTC (not 10:00)
    s2 = _s2(stack).isel(time=[0, 1])
    d = [str(x)[:10] for x in s2.time.values]
    v = np.array([f"{d[0]}T10:00:00+02:00", f"{d[1]}T10:00:00Z"])
    got = validate_stack(with_source(stack, "sentinel2", s2.assign_coords(time=v)))["sentinel2"].time.values
    assert [str(x)[:19] for x in got] == [f"{d[0]}T08:00:00", f"{d[1]}T10:00:00"]
    same = np.array([f"{d[0]}T10:00:00Z", f"{d[0]}T12:00:00+02:00"])   # one instant written in two zones
    with pytest.raises(DuplicateTimeError): validate_stack(with_source(stack, "sentinel2", s2.assign_coords(time=same)))


def test_unreadable_time_text_names_a_fix_that_works(stack):
    s2 = _s2(stack)
    bad = s2.assign_coords(time=np.array(["2024-13-%02d" % (i + 1) for i in range(s2.sizes["time"])], object))
    with pytest.raises(TimeError, match=r"utc=True\)\.tz_localize\(None\)"): validate_stack(with_source(stack, "sentinel2", bad))


def test_a_stack_labelled_in_degrees_whose_axes_are_metres():
    "Field kind F: a reader's default EPSG:4326 on a UTM stack is refused naming the CRS (it was accepted)."
    from alphaearth_nb.core import GridError
    from alphaearth_nb.stacks import toy_stack, validate_stack
    st = toy_stack(n_time=4, size=8)
    bad = xr.DataTree.from_dict({k: v.to_dataset().assign_attrs(crs="EPSG:4326") for k, v in st.children.items()})
    with pytest.raises(GridError, match=r"EPSG:4326 is geographic.*projected coordinates.*real CRS"):
        validate_stack(bad)
    validate_stack(st)                                      # its own UTM CRS: fine


def test_an_embedding_field_given_as_a_stack_is_named_with_from_official(official_forms):
    # the official embeddings given to validate_stack (/ a DataTree's .aef.validate) were told to set attrs['source']='sentinel2'
    # (a Dataset) or to split the bands into variables (a DataArray): the fix is to map with them, not to embed them
    xee, tile, rio = official_forms
    fix = r"embedding field.*aef\.from_official\(ds\).*\.aef\.similarity"
    for obj in (xee, tile, rio, xee.assign_attrs(source="sentinel2"), xr.DataTree.from_dict({"sentinel2": xee}),
                xr.DataTree.from_dict({"embedding": tile.to_dataset(name="embedding")})):
        with pytest.raises(StackTypeError, match=fix): validate_stack(obj)
    with pytest.raises(StackTypeError, match=fix): xr.DataTree.from_dict({"sentinel2": xee}).aef.validate()
    for obj in (xee, rio):   # a Dataset holding an embedding: `.aef.validate` is validate_embedding there (1648bb4)
        assert obj.aef.validate().sizes["band"] == 64
    assert embedding_field(xee) and embedding_field(tile) and embedding_field(rio)
    assert not any(embedding_field(toy_stack()[s].to_dataset()) for s in ("sentinel2", "sentinel1", "dem"))
    with pytest.raises(UnknownSourceError, match=r"attrs\['source'\]"):   # a source's Dataset is still told so
        validate_stack(toy_stack()["sentinel2"].to_dataset().drop_attrs())


@pytest.mark.parametrize("dims,ren", [(("time", "latitude", "longitude"), "{'latitude': 'y', 'longitude': 'x'})`"),
                                      (("time", "lon", "lat"), "{'lon': 'x', 'lat': 'y'}).transpose('time', 'y', 'x')`"),
                                      (("date", "y", "x"), "{'date': 'time'})`")])
def test_dims_under_other_names_are_told_the_rename_that_works(dims, ren):
    # xee's (time, lon, lat) and netCDF's latitude/longitude were told "e.g. ds.rename({'t': 'time', 'lat': ...})"
    ds = toy_stack()["sentinel2"].to_dataset()
    other = ds.transpose(*(("time", "x", "y") if dims[1] == "lon" else DIMS)).rename(
        dict(zip(("time", "x", "y") if dims[1] == "lon" else DIMS, dims)))
    with pytest.raises(DimensionError, match=re.escape(f"rename them: `ds = ds.rename({ren}")) as e:
        validate_stack(other, "sentinel2")
    fix = eval(str(e.value).split("`")[1].removeprefix("ds = "), {"ds": other})   # the fix, as written, works
    validate_stack(fix, "sentinel2")


def test_bands_along_a_dim_of_one_variable_are_told_to_split_and_rename():
    # a stackstac array held in a Dataset (or a netCDF's 'reflectance' with a band dim) was told to rename or drop it
    ds = toy_stack()["sentinel2"].to_dataset()
    bands = [b for b in ds.data_vars if b != "cloud"]
    spelled = {b: f"B{int(b[1:]):02d}" for b in bands}
    one = xr.Dataset({"reflectance": ds[bands].rename(spelled).to_dataarray("band")})
    with pytest.raises(UnknownBandError, match=r"sentinel2.reflectance holds \d bands along 'band' \(B02") as e:
        validate_stack(one, "sentinel2")
    fixes = [f.removeprefix("ds = ") for f in str(e.value).split("`")[1::2]]
    fixed = one
    for f in fixes: fixed = eval(f, {"ds": fixed})
    validate_stack(fixed, "sentinel2")


def _s1_twice(stack, **coords):
    "The stack's Sentinel-1 with its second frame at the first one's time (an ascending and a descending frame)."
    s1 = stack["sentinel1"].to_dataset()
    t = s1.time.values.copy(); t[1] = t[0]
    return s1.assign_coords(time=t, **coords)


def test_frames_of_opposite_orbits_at_one_time_keep_one_orbit(stack):
    "Two Sentinel-1 frames of opposite orbits at one timestamp: was told `ds.groupby('time').mean()`, which averages "
    "two viewing geometries (and drops `ascending`, the orbit the decoders read); now told to keep one orbit, and the "
    "call it names does."
    s1 = _s1_twice(stack)
    with pytest.raises(DuplicateTimeError) as e: validate_stack(with_source(stack, "sentinel1", s1))
    msg = str(e.value)
    assert "opposite orbits (`ascending` True and False)" in msg and "keep one orbit" in msg and "mean()" not in msg, msg
    one = eval(re.search(r"`(ds\.sel\(time=ds\.ascending == \w+\))`", msg).group(1), {"ds": s1})   # as offered
    validate_stack(with_source(stack, "sentinel1", one))
    assert one.sizes["time"] == (s1.ascending.values == s1.ascending.values[0]).sum() and "ascending" in one.coords


def test_opposite_orbits_are_refused_in_one_wording(stack):
    "validate_stack and earthengine.dedupe_passes each found Sentinel-1 frames of opposite orbits at one timestamp, "
    "in two wordings; now both ask stacks.check_orbits: one refusal, one message."
    from alphaearth_nb import earthengine
    s1 = _s1_twice(stack)
    with pytest.raises(DuplicateTimeError) as v: validate_stack(with_source(stack, "sentinel1", s1))
    with pytest.raises(DuplicateTimeError) as d: earthengine.dedupe_passes(s1)
    tree = " (for the stack passed: `ds = stack['sentinel1'].to_dataset()`; after the fix, `stack['sentinel1'] = ds`)."
    assert str(v.value) == f"sentinel1: {str(d.value)[:-1]}{tree}", (str(v.value), str(d.value))   # its `ds`: a tree's
    assert "share the timestamp" in str(d.value) and "keep one orbit" in str(d.value)


def test_frames_of_one_orbit_at_one_time_are_mosaicked(stack):
    "Frames of one orbit (slices of one pass) at one timestamp: a mosaic, first valid pixel, keeping `ascending`."
    from alphaearth_nb import earthengine
    s1 = _s1_twice(stack, ascending=("time", np.ones(stack["sentinel1"].sizes["time"], bool)))
    with pytest.raises(DuplicateTimeError) as e: validate_stack(with_source(stack, "sentinel1", s1))
    assert "mosaic them (one orbit: `ascending`)" in str(e.value) and "earthengine.dedupe_passes(ds)" in str(e.value)
    merged = earthengine.dedupe_passes(s1)
    validate_stack(with_source(stack, "sentinel1", merged))
    assert merged.sizes["time"] == s1.sizes["time"] - 1 and "ascending" in merged.coords
    bare = _s1_twice(stack).drop_vars("ascending")   # no orbit on the frames: the stack's attribute named, else a caution
    with pytest.raises(DuplicateTimeError, match="must not be merged: keep one orbit"):
        validate_stack(with_source(stack, "sentinel1", bare))
    with pytest.raises(DuplicateTimeError, match="one orbit: `ascending`"):   # read from the attribute (_provider_flag)
        validate_stack(with_source(stack, "sentinel1", bare.assign_attrs(orbitProperties_pass="DESCENDING")))
