"""A frame whose metadata says it cannot hold Sentinel-2's +1000 is never told to subtract it
(`reflectance_scales.no_offset_frames`, read by `stacks.validate_stack`): a processing baseline under 04.00, per frame
(STAC's `s2:processing_baseline` along time, as stackstac gives it) or for all (the attribute PROCESSING_BASELINE,
'N0301' of a SAFE name), or Earth Search's `earthsearch:boa_offset_applied` true. A baseline of 04.00 or later tells
nothing alone (Earth Engine's *_HARMONIZED collections keep it and take the offset off): the values judge as before.
Real frames: a 16 x 16 crop of the WorldCereal patch (L2A, 2020-11 .. 2021-10, no offset: README; bright bare soil on
2021-06-01), on 2020-11-01, 2021-03-01 and 2021-06-01 + 1000 (the values read as the offset). Was: 'sentinel2: 1 of
the 3 frames judged (2021-06-01) look like raw digital numbers of processing baseline 04.00 ... subtract it:
`ds[bands] - 1000`' whatever its metadata said. (The crop itself, no offset, was warned so too until its reading's
red, 6.5 times its blue, told it: `RED_OVER_BLUE`, tests/test_l2a_soil_not_offset.)"""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import UnitsError, UnitsWarning
from alphaearth_nb.reflectance_scales import no_offset_frames
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.testing import said

S2 = ("B2", "B3", "B4", "B8", "B11", "B12")
WRONG_FIX = "subtract it: `ds[bands] - 1000`"


@pytest.fixture(scope="module")
def soil(worldcereal_soil):
    "The bright soil crop (rows 32..47, columns 80..95) on three dates, the last + 1000, a sentinel2 Dataset."
    ds = worldcereal_soil([0, 0, 1000])   # 2020-11-01, 2021-03-01, 2021-06-01
    assert (np.array([np.percentile(ds[b][2], 1) for b in S2]) >= 1000).all()   # every band past the floor
    return ds


def _words(ds):
    return said(validate_stack, ds, "sentinel2", category=UnitsWarning, refused=UnitsError)


def test_without_metadata_the_values_alone_judge(soil):
    said_ = _words(soil)
    assert len(said_) == 1 and "1 of the 3 frames judged (2021-06-01)" in said_[0] and WRONG_FIX in said_[0], said_


@pytest.mark.parametrize("how", ["coord per frame", "attribute", "SAFE name", "Earth Search"])
def test_metadata_saying_no_offset_is_heeded(soil, how):
    ds = {"coord per frame": soil.assign_coords({"s2:processing_baseline": ("time", ["02.09", "03.00", "03.00"])}),
          "attribute": soil.assign_attrs(PROCESSING_BASELINE="03.00"),
          "SAFE name": soil.assign_attrs(processing_baseline="N0300"),
          "Earth Search": soil.assign_coords({"s2:processing_baseline": ("time", ["04.00"] * 3),
                                              "earthsearch:boa_offset_applied": ("time", [True] * 3)})}[how]
    assert no_offset_frames(ds).all()
    assert _words(ds) == []   # was: '1 of the 3 frames judged (2021-06-01) ... subtract it'


def test_a_later_baseline_tells_nothing_alone(soil):
    ds = soil.assign_coords({"s2:processing_baseline": ("time", ["04.00"] * 3)})
    assert not no_offset_frames(ds).any() and no_offset_frames(soil) is None
    said_ = _words(ds)   # Earth Engine's S2_SR_HARMONIZED keeps '04.00' and has no offset: the values judge
    assert len(said_) == 1 and WRONG_FIX in said_[0], said_


def test_only_the_frames_said_so(soil):
    # June said old, the two others + 1000 under 04.00 (a merged stack): those two named, June not
    off = soil.assign({b: soil[b] + 1000 * xr.DataArray([1, 1, 0], dims="time") for b in S2})
    ds = off.assign_coords({"s2:processing_baseline": ("time", ["04.00", "04.00", "03.00"])})
    said_ = _words(ds)
    assert len(said_) == 1 and "2 of the 3 frames judged (2020-11-01, 2021-03-01)" in said_[0], said_
    assert WRONG_FIX in said_[0]
