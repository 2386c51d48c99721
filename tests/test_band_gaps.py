"A band with no valid value beside bands with data (a band that failed to load, or on another scale) is named: kind F."
import warnings

import numpy as np
import pytest

from alphaearth_nb.core import NoDataWarning
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.testing import with_source


def _quiet(tree):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return validate_stack(tree)


@pytest.mark.parametrize("name,bands,how", [
    ("sentinel2", ("B11",), lambda v: v * np.nan),            # the band's download failed: all NaN
    ("sentinel2", ("B11", "B12"), lambda v: v * 0),           # the 20 m bands written as the source's fill
    ("landsat", ("B2",), lambda v: v * np.nan),
    ("landsat", ("B6", "B7"), lambda v: v + 30000),           # outside the valid range: another scale
])
@pytest.mark.parametrize("lazy", [False, True])
def test_an_empty_band_beside_bands_with_data_is_named(crop, name, bands, how, lazy):
    ds = crop[name].to_dataset()
    ds = ds.assign({b: how(ds[b]) for b in bands})
    ds = ds.chunk({"time": 8, "y": 20, "x": 20}) if lazy else ds
    with pytest.warns(NoDataWarning, match=rf"{name}: band\(s\) {', '.join(bands)} hold no valid value.*drop_vars"):
        validate_stack(with_source(crop, name, ds))
    with pytest.warns(NoDataWarning, match=rf"{name}: band\(s\) {', '.join(bands)} are missing"):   # dropped: the
        validate_stack(with_source(crop, name, ds.drop_vars(list(bands))))   # same masking, told too (no silent way)


def test_the_other_polarisations_of_a_dual_pol_stack_are_not_a_slip(crop):
    # Earth Engine's COPERNICUS/S1_GRD over Europe: VV and VH; HH and HV of the union all NaN (another mode)
    s1 = crop["sentinel1"].to_dataset()
    s1 = s1.assign(HH=s1.VV * np.nan, HV=s1.VH * np.nan)
    _quiet(with_source(crop, "sentinel1", s1))
    _quiet(crop)   # the sample scene: every band has data


@pytest.mark.parametrize("empty", [("HV",), ("VH",), ("VH", "HV"), ("VH", "HH", "HV")])
def test_an_acquisition_mode_leaves_sentinel1_bands_empty_without_a_word(crop, empty):
    # a year of COPERNICUS/S1_GRD as Earth Engine's union gives it: dual-pol VV+VH scenes beside single-pol HH ones
    # (HV empty), or single-pol VV beside dual HH+HV (VH empty), or single-pol VV alone
    s1 = crop["sentinel1"].to_dataset()
    s1 = s1.assign(HH=s1.VV + 1.0, HV=s1.VH + 1.0)
    s1 = s1.assign({b: s1[b] * np.nan for b in empty})
    _quiet(with_source(crop, "sentinel1", s1))


@pytest.mark.parametrize("lost,have", [("HH", "HV"), ("VV", "VH")])
def test_a_co_polarised_band_lost_beside_its_cross_polarised_one_is_named(crop, lost, have):
    s1 = crop["sentinel1"].to_dataset()
    s1 = s1.assign(HH=s1.VV * np.nan, HV=s1.VH * np.nan)
    s1 = s1.assign({have: s1.VH, lost: s1.VV * np.nan})
    with pytest.warns(NoDataWarning, match=rf"band\(s\) {lost} hold no valid value where {have} do.*{have} only with "
                                           rf"{lost}"):
        validate_stack(with_source(crop, "sentinel1", s1))


@pytest.mark.parametrize("name,bands", [("sentinel2", ("B8", "B11", "B12")), ("dem", ("elevation",)),
                                        ("sentinel2", ("B3", "B4", "B8", "B11", "B12"))])
def test_as_many_empty_bands_as_full_ones_are_named_too(crop, name, bands):
    ds = crop[name].to_dataset()
    ds = ds.assign({b: ds[b] * np.nan for b in bands})
    with pytest.warns(NoDataWarning, match=rf"{name}: band\(s\) {', '.join(bands)} hold no valid value"):
        validate_stack(with_source(crop, name, ds))


def test_an_empty_band_embeds_as_a_dropped_one(crop):
    # what the warning's fix claims: the model masks a band without data as it masks a band left out
    from alphaearth_nb.stacks import to_frames
    s1 = crop["sentinel1"].to_dataset()
    a = to_frames(with_source(crop, "sentinel1", s1.assign(HH=s1.VV, HV=s1.VH * np.nan)), ["sentinel1"])["sentinel1"]
    b = to_frames(with_source(crop, "sentinel1", s1.assign(HH=s1.VV)), ["sentinel1"])["sentinel1"]
    for f in ("x", "valid", "days", "frame", "meta"):
        np.testing.assert_array_equal(getattr(a, f), getattr(b, f))
