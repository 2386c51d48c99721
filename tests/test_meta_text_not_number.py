"""Earth Engine's per-frame metadata given as text that is no number ('n/a', 'unknown') is read as NaN, an unknown
value, so earthengine's `MetadataWarning` names those frames and the fix (`earthengine._meta_values`). Was: Python's
bare ValueError "could not convert string to float: 'n/a'" from `float(v)`, the whole stack lost. Text that is a
number ('45.25') is still read as it."""
from types import SimpleNamespace

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import MetadataWarning
from alphaearth_nb.earthengine import _frame_meta, _meta_values


def test_text_that_is_no_number_is_nan():
    got = _meta_values(np.array(["45.25", "n/a", "unknown", "-3"], dtype=object), "sun_elevation")
    np.testing.assert_array_equal(got, np.array([45.25, np.nan, np.nan, -3.0], np.float32))


def test_its_frames_are_warned_with_the_fix():
    ds = xr.Dataset(coords={"time": np.arange(3), "SUN_ELEVATION": ("time", np.array(["45.25", "n/a", "30"], object))})
    spec = SimpleNamespace(name="landsat", meta={"SUN_ELEVATION": "sun_elevation"})
    with pytest.warns(MetadataWarning, match=r"1 of 3 frames of landsat have no SUN_ELEVATION it can read \(.*n/a"):
        res = _frame_meta(xr.Dataset(coords={"time": np.arange(3)}), ds, spec)
    np.testing.assert_array_equal(res["sun_elevation"].values, np.array([45.25, np.nan, 30.0], np.float32))
