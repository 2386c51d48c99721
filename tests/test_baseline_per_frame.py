"""A processing baseline given for the whole stack (an attribute or a scalar coordinate: stackstac and odc-stac put an
item property there, users copy the first item's properties onto the stack) decides no frame whose own coordinate
along time says otherwise, nor marks as older than 04.00 a frame sensed from 2022-01-26 on (baseline 04.00 deployed
25 January 2022: `reflectance_scales.BASELINE_FROM`). Real frames: the WorldCereal patch's bright-soil crop (rows
32..47, columns 80..95; L2A, no offset) on 2020-11-01, 2021-03-01 and 2021-06-01, the last two + 1000. Was: the
attribute '03.01' (the first item's) marked every frame as holding no offset, so the two frames + 1000 passed unnamed."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import UnitsError, UnitsWarning
from alphaearth_nb.reflectance_scales import no_offset_frames
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.testing import said

T = np.array(["2020-11-01", "2021-03-01", "2021-06-01"], "datetime64[ns]")
LATER = np.array(["2021-11-01", "2022-03-01", "2022-06-01"], "datetime64[ns]")   # the same values sensed a year on


def _frames(n=3, times=T):
    return xr.Dataset({"B2": (("time", "y", "x"), np.zeros((n, 2, 2)))}, coords={"time": times[:n]})


def test_a_frames_own_coordinate_decides_over_the_stacks():
    ds = _frames().assign_coords({"s2:processing_baseline": ("time", ["03.01", "04.00", "05.09"])})
    for k in ("processing_baseline", "PROCESSING_BASELINE", "s2:processing_baseline"):
        assert no_offset_frames(ds.assign_attrs({k: "03.01"})).tolist() == [True, False, False], k
    # a frame without its own value takes the stack's
    gaps = _frames().assign_coords({"s2:processing_baseline": ("time", ["04.00", None, ""])})
    assert no_offset_frames(gaps.assign_attrs(processing_baseline="N0301")).tolist() == [False, True, True]
    taken = _frames().assign_coords({"earthsearch:boa_offset_applied": ("time", [True, False, False])})
    assert no_offset_frames(taken.assign_attrs({"earthsearch:boa_offset_applied": True})).tolist() == [True, False, False]


def test_a_stack_wide_old_baseline_says_nothing_of_frames_from_2022_01_26():
    ds = _frames(times=np.array(["2022-01-24", "2022-01-26", "2023-05-01"], "datetime64[ns]"))
    assert no_offset_frames(ds.assign_attrs(PROCESSING_BASELINE="03.01")).tolist() == [True, False, False]
    scalar = ds.assign_coords({"s2:processing_baseline": "02.09"})   # stackstac's, when all items agree
    assert no_offset_frames(scalar).tolist() == [True, False, False]
    assert no_offset_frames(ds.assign_attrs(PROCESSING_BASELINE="04.00")).tolist() == [False] * 3
    assert no_offset_frames(ds) is None


@pytest.fixture(scope="module")
def soil(worldcereal_soil):
    "The bright soil crop on three dates, the last two + 1000 (as products of baseline 04.00 store it)."
    return worldcereal_soil([0, 1000, 1000])


def _words(ds):
    return said(validate_stack, ds, "sentinel2", category=UnitsWarning, refused=UnitsError)


@pytest.mark.parametrize("key", ["processing_baseline", "s2:processing_baseline"])
def test_stackstac_layout_per_frame_coordinate_and_the_first_items_attribute(soil, key):
    ds = soil.assign_coords({"s2:processing_baseline": ("time", ["03.01", "04.00", "04.00"])}).assign_attrs({key: "03.01"})
    words = _words(ds)
    assert len(words) == 1 and "2 of the 3 frames judged (2021-03-01, 2021-06-01)" in words[0], words
    assert "ds[bands] - 1000" in words[0]


def test_attribute_only_layout_the_first_items_baseline_on_a_stack_into_2022(soil):
    ds = soil.assign_coords(time=LATER).assign_attrs(PROCESSING_BASELINE="03.01")   # was: nothing said
    words = _words(ds)
    assert len(words) == 1 and "2 of the 3 frames judged (2022-03-01, 2022-06-01)" in words[0], words
    assert _words(soil.assign_attrs(PROCESSING_BASELINE="03.01")) == []   # before 2022: heeded, as before
