"""A source's fixes are written on its Dataset, `ds` (`ds[bands] * 1e4`, `ds = ds.rename(...)`): for a stack passed
as a DataTree (or a dict of sources) no `ds` exists, nor ever a `bands` (a newcomer's finding, session 48).
`validate_stack` now says, in every error and warning of a source's checks whose fix acts on `ds`, what `ds` and
`bands` are for the stack as passed and how the fixed source goes back; the fix so completed runs and the stack
then passes. A lone Dataset is `ds` itself: only `bands` is said."""
import re
import warnings

import numpy as np
import pytest

from alphaearth_nb.core import DimensionError, NoDataWarning, UnitsError, UnknownBandError
from alphaearth_nb.stacks import validate_stack

CASES = {   # source -> (the slip, the bands the fix acts on)
    "sentinel2": (lambda ds: ds / 1e4, ["B2", "B3", "B4", "B8", "B11", "B12"]),          # reflectance in 0..1
    "sentinel1": (lambda ds: ds.assign(VV=10 ** (ds.VV / 20), VH=10 ** (ds.VH / 20)), ["VV", "VH"]),   # amplitude
}


def _passed(crop, name, ds, form):
    "The stack with source `name` replaced by `ds`, as the caller passes it, and validate_stack's keywords."
    if form == "Dataset": return ds, {"source": name}
    kids = {k: crop[k].to_dataset() for k in crop.children} | {name: ds}
    if form == "dict": return kids, {}
    tree = crop.copy()
    tree[name] = ds
    return tree, {}


def _spans(said): return re.findall(r"`([^`]+)`", said)


@pytest.mark.parametrize("form", ["DataTree", "dict", "Dataset"])
@pytest.mark.parametrize("name", CASES)
def test_the_units_fix_runs_as_written_for_the_stack_passed(crop, name, form):
    slip, bands = CASES[name]
    stack, kw = _passed(crop, name, slip(crop[name].to_dataset()), form)
    with pytest.raises(UnitsError) as e: validate_stack(stack, **kw)
    said = str(e.value)
    spans = _spans(said)
    fix = next(s for s in spans if "ds[bands]" in s)
    assert f"`bands = {bands!r}`" in said, said            # the bands of that unit: S1's angle is not among them
    gets = [s for s in spans if s.startswith("ds = stack[")]
    backs = [s for s in spans if s.startswith("stack[") and s.endswith("= ds")]
    assert (len(gets), len(backs)) == ((0, 0) if form == "Dataset" else (1, 1)), said
    ns = {"np": np, "stack": stack} if form != "Dataset" else {"np": np, "ds": stack}
    for code in gets + [f"bands = {bands!r}", f"ds[bands] = {fix}"] + backs: exec(code, ns)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # other notes of the sample crop are not this test's
        validate_stack(ns["stack"] if form != "Dataset" else ns["ds"], **kw)   # no UnitsError now


def test_a_rename_fix_says_where_ds_comes_from_in_a_tree(crop):
    ds = crop["sentinel2"].to_dataset().rename(x="lon", y="lat")   # xee's dims (a band's other name is read as it)
    stack, _ = _passed(crop, "sentinel2", ds, "DataTree")
    with pytest.raises(DimensionError) as e: validate_stack(stack)
    spans = _spans(str(e.value))
    assert spans[0].startswith("ds = ds.rename(") and "ds = stack['sentinel2'].to_dataset()" in spans, spans
    ns = {"stack": stack}
    for code in ("ds = stack['sentinel2'].to_dataset()", spans[0], "stack['sentinel2'] = ds"): exec(code, ns)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        validate_stack(ns["stack"])


def test_warnings_are_worded_so_too_and_once(crop):
    "A missing band's NoDataWarning (`ds['B12'] = ...`) under a tree says where `ds` is; said once, not twice."
    stack, _ = _passed(crop, "sentinel2", crop["sentinel2"].to_dataset().drop_vars("B12"), "DataTree")
    with pytest.warns(NoDataWarning, match=r"band\(s\) B12 are missing") as got:
        validate_stack(stack)
    said = str(next(w.message for w in got if "B12 are missing" in str(w.message)))
    assert said.count("`ds = stack['sentinel2'].to_dataset()`") == 1, said


def test_messages_without_a_fix_on_ds_are_as_they_were(crop):
    "A Dataset's drop fix names its own `ds`; a tree's refusal of a source with no valid pixel names `stack` itself."
    ds = crop["sentinel2"].to_dataset()
    with pytest.raises(UnknownBandError) as e: validate_stack(ds.assign(NDWI=ds.B2), source="sentinel2")
    assert "for the stack passed" not in str(e.value), str(e.value)
    stack, _ = _passed(crop, "sentinel2", ds * np.nan, "DataTree")
    with pytest.raises(Exception) as e, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        validate_stack(stack)
    assert "del stack['sentinel2']" in str(e.value) and "for the stack passed" not in str(e.value), str(e.value)
