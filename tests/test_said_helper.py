"""`alphaearth_nb.testing.said` / `warned`: the one warning-capture helper of the tests (was a copy in each file:
`_said` in test_cloud_offset_table and test_overcast_not_offset, and nine more like it; review44 D1)."""
import warnings

import pytest

from alphaearth_nb.core import UnitsError, UnitsWarning
from alphaearth_nb.testing import said, warned


def _call(x, scale=1):
    warnings.warn(f"units of {x}", UnitsWarning)
    warnings.warn("something else", DeprecationWarning)
    if x < 0: raise UnitsError(f"refused {x}")
    return x * scale


def test_result_and_messages_kept_by_class_and_text():
    assert warned(_call, 2, scale=3) == (6, ["units of 2", "something else"])
    assert said(_call, 2, category=UnitsWarning) == ["units of 2"]
    assert said(_call, 2, holding="else") == ["something else"]
    assert said(_call, 2, category=UnitsWarning, holding="else") == []


def test_a_refusal_is_said_last_and_the_result_is_none():
    assert warned(_call, -1, category=UnitsWarning, refused=UnitsError) == (None, ["units of -1", "refused -1"])
    with pytest.raises(UnitsError, match="refused -1"): said(_call, -1)   # not named: raised as it is


def test_a_warning_said_before_is_said_again():
    for _ in range(2): assert said(_call, 1, category=UnitsWarning) == ["units of 1"]   # 'always', not once a place


def test_the_callers_filters_are_left_as_they_were():
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnitsWarning)
        before = list(warnings.filters)
        said(_call, 1)
        assert warnings.filters == before
