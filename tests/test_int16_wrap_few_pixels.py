"""A uint16 reflectance band read as int16 (`_Unsigned` ignored: xarray's mask_and_scale=False, or a cast) passed
`validate_stack` silently when few pixels were affected: 65535 fills as -1 (0.2% of a band) and values over 32767 (a
bright patch) stored negative, all out of the valid range and so read as no data. It was caught only where most
values were negative (`scale_slip`'s refusal). validate_stack now warns (UnitsWarning, `reflectance_scales.read_signed`)
naming the bands, the counts and the reopen fix, which runs: the fixed stack validates without it."""
import warnings

import numpy as np
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.core import UnitsWarning
from alphaearth_nb import reflectance_scales
from alphaearth_nb.stacks import toy_stack


def _u16(x):
    "Values as a uint16 file holds them (the toy's missing B2 pixels given a value: only the fills set below are -1)."
    return np.round(np.nan_to_num(x, nan=1000.0)).astype(np.uint16)


def _int16(edit):
    "The toy stack's Sentinel-2 as a 16-bit unsigned file (`_u16`) read as int16, after `edit(band, values, rng)`."
    st = toy_stack()
    ds = st["sentinel2"].to_dataset()
    rng = np.random.default_rng(0)
    out = {}
    for b in ds.data_vars:
        v = _u16(ds[b].values)
        edit(b, v, rng)
        out[b] = (ds[b].dims, v.astype(np.int16), ds[b].attrs)
    st["sentinel2"] = xr.Dataset(out, coords=ds.coords, attrs=ds.attrs)
    return st


def _signed(fill_share=0.002, bright=False):
    "The toy stack's Sentinel-2 as a 16-bit unsigned file read signed: 65535 at `fill_share` of B2's pixels (-1)."
    def edit(b, v, rng):
        if b == "B2": v.ravel()[rng.choice(v.size, max(1, round(fill_share * v.size)), replace=False)] = 65535
        if bright and b == "B4": v[0, :2, :2] = 40000   # bright patch over 32767
    return _int16(edit)


def _said(st):
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        aef.validate_stack(st)
    return [str(w.message) for w in got if issubclass(w.category, UnitsWarning) and "_Unsigned" in str(w.message)]


def test_few_fills_read_as_minus_one_are_said():
    said = _said(_signed())
    assert len(said) == 1 and "B2 (1 at -1 of 384 values read)" in said[0], said
    assert "`(ds[bands].astype('int32') % 65536).where(lambda v: v != 65535)`" in said[0], said


def test_a_bright_patch_stored_negative_is_said():
    said = _said(_signed(bright=True))
    assert len(said) == 1 and "B4 (4 under -1000 of 384 values read)" in said[0], said


def test_the_fix_as_written_gives_a_stack_without_the_warning():
    st = _signed(bright=True)
    ds = st["sentinel2"].to_dataset()
    bands = list(ds.data_vars)
    code = reflectance_scales.UNSIGNED_FIX.split("`")[-2]
    ds[bands] = eval(code, {"ds": ds, "bands": bands})
    st["sentinel2"] = ds
    assert ds["B2"].isnull().sum() == 1 and float(ds["B4"].max()) == 40000
    assert _said(st) == []


def test_offset_data_and_unsigned_reads_are_not_told():
    st = toy_stack()
    ds = st["sentinel2"].to_dataset()
    dark = {b: (ds[b].dims, (_u16(ds[b].values).astype(np.int32) - 1000).astype(np.int16), ds[b].attrs) for b in ds.data_vars}
    st["sentinel2"] = xr.Dataset(dark, coords=ds.coords, attrs=ds.attrs)   # the offset taken off: -1000 .. , int16
    assert _said(st) == []
    st = toy_stack()
    u16 = {b: (ds[b].dims, _u16(ds[b].values), ds[b].attrs) for b in ds.data_vars}
    st["sentinel2"] = xr.Dataset(u16, coords=ds.coords, attrs=ds.attrs)
    assert _said(st) == []


def test_an_undeclared_minus_9999_is_named_a_fill_not_an_unsigned_read():
    "Final helper s54: int16 reflectance with -9999 at 1% undeclared (GEE's unmask(-9999)) was told the uint16 fix, "
    "which run as told keeps the fills as 55537 (data) and then scaled three frames by 0.1: it is named a fill."
    def edit(b, v, rng):
        if b != "cloud": v.ravel()[rng.choice(v.size, 4, replace=False)] = 65536 - 9999   # -9999 read as int16
    st = _int16(edit)
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        aef.validate_stack(st)
    said = [str(w.message) for w in got if issubclass(w.category, UnitsWarning) and "-9999" in str(w.message)]
    assert said and "no-data value not declared" in said[0] and "65536" not in said[0], [str(w.message) for w in got]
