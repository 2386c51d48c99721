"""Earth Engine's `orbitProperties_pass` read into `ascending` whatever form it came in: bytes (a reader that keeps
GDAL's or Arrow's raw strings) as text, and a frame without one (None, '', NaN) or with another word as unknown
(NaN, warned with the fix; `validate_stack` refuses it) instead of descending. Was: bytes and None were all read
as descending (0), silently."""

import numpy as np
import pytest

from alphaearth_nb.core import MetadataWarning
from alphaearth_nb.earthengine import to_stack_dataset
from alphaearth_nb.testing import fake_xee

X = 500_005.0 + 10 * np.arange(3)
Y = 5_000_025.0 - 10 * np.arange(2)
T = ["2024-05-01", "2024-05-11", "2024-05-21"]


def _s1(passes):
    ds = fake_xee({"VV": np.full((3, 2, 3), -12.0)}, T, X, Y)
    return ds.assign_coords(orbitProperties_pass=("time", np.array(passes, dtype=object)))


@pytest.mark.parametrize("passes", [[b"ASCENDING", b"DESCENDING", b"ascending"],
                                    np.array([b"ASCENDING", b"DESCENDING", b"ascending"])])   # object, or S10
def test_bytes_are_read_as_the_words(passes):
    o = to_stack_dataset(_s1(list(passes)) if isinstance(passes, list) else
                         fake_xee({"VV": np.full((3, 2, 3), -12.0)}, T, X, Y, coords={"orbitProperties_pass": passes}),
                         "sentinel1")
    assert o["ascending"].values.tolist() == [1.0, 0.0, 1.0]


@pytest.mark.parametrize("missing", [None, "", float("nan"), "LEFT"])
def test_a_frame_without_its_pass_is_unknown_and_said(missing):
    with pytest.warns(MetadataWarning, match=r"1 of 3 frames.*orbitProperties_pass.*isel\(time=") as rec:
        o = to_stack_dataset(_s1(["ASCENDING", missing, "DESCENDING"]), "sentinel1")
    a = o["ascending"].values
    assert a[0] == 1.0 and np.isnan(a[1]) and a[2] == 0.0   # was 0.0: read as descending
    assert "1 of 3" in str(rec[0].message) and len(rec) == 1


def test_passes_given_as_flags_stay_flags():
    o = to_stack_dataset(_s1([1.0, 0.0, 1.0]), "sentinel1")   # already 1/0: kept (was all 0: 'ASCENDING' != '1.0')
    assert o["ascending"].values.tolist() == [1.0, 0.0, 1.0]
