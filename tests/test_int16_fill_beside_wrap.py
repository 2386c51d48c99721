"""`reflectance_scales.read_signed` named an undeclared -9999 a fill only where it was the one value under -1000 in
its band: a band holding -9999 and also a value wrapped by a uint16 read signed (40000 reads -25536) was told the
uint16 fix alone, which run as printed turns every -9999 into 55537, kept as data (the hazard d0d6cf83 closed for the
band of fills alone). The usual no-data values (`LOW_FILLS`) are now taken out first, named fills, and the fix
printed for the rest masks them too: run as printed, the fills are NaN and the bright values kept."""
import warnings

import numpy as np
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.core import UnitsWarning
from alphaearth_nb.stacks import toy_stack


def _stack():
    "The toy Sentinel-2 as int16 read from a uint16 file: -9999 in 4 pixels of each band, and B4 bright (40000)."
    st = toy_stack()
    ds = st["sentinel2"].to_dataset()
    rng = np.random.default_rng(0)
    out = {}
    for b in ds.data_vars:
        v = np.round(np.nan_to_num(ds[b].values, nan=1000.0)).astype(np.uint16)
        if b != "cloud": v.ravel()[rng.choice(v.size, 4, replace=False)] = 65536 - 9999
        if b == "B4": v[0, :2, :2] = 40000
        out[b] = (ds[b].dims, v.astype(np.int16), ds[b].attrs)
    st["sentinel2"] = xr.Dataset(out, coords=ds.coords, attrs=ds.attrs)
    return st


def _said(st):
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        aef.validate_stack(st)
    return [str(w.message) for w in got if issubclass(w.category, UnitsWarning)]


def test_a_fill_beside_wrapped_values_is_named_and_masked_by_the_fix():
    said = [s for s in _said(_stack()) if "_Unsigned" in s]
    assert len(said) == 1 and "B4 (4 under -1000 of 384 values read)" in said[0], said
    assert "read at -9999" in said[0] and "55537" in said[0], said                     # was the uint16 fix alone
    st = _stack()
    ds = st["sentinel2"].to_dataset()
    bands = [b for b in ds.data_vars if b != "cloud"]
    code = said[0].split("make them unsigned and mask 65535: `")[1].split("`")[0]
    ds[bands] = eval(code, {"ds": ds, "bands": bands})                                # the line, as printed
    assert int(ds["B2"].isnull().sum()) == 4 and float(ds["B4"].max()) == 40000       # fills NaN, bright kept
    assert not (ds[bands].to_array() == 55537).any()
    st["sentinel2"] = ds
    assert not [s for s in _said(st) if "_Unsigned" in s or "-9999" in s]
