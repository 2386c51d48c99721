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
    _quiet(with_source(crop, name, ds.drop_vars(list(bands))))   # the fix: embedded without them, knowingly


def test_the_other_polarisations_of_a_dual_pol_stack_are_not_a_slip(crop):
    # Earth Engine's COPERNICUS/S1_GRD over Europe: VV and VH; HH and HV of the union all NaN (another mode)
    s1 = crop["sentinel1"].to_dataset()
    s1 = s1.assign(HH=s1.VV * np.nan, HV=s1.VH * np.nan)
    _quiet(with_source(crop, "sentinel1", s1))
    _quiet(crop)   # the sample scene: every band has data
