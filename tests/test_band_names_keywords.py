"""`aef.band_names(dims=64)` (a misspelt keyword) was a bare Python TypeError where every other door says
`UnknownFieldError` naming what it takes (newcomer s55 finding 9): band_labels sits below core, so it could not wear
`core.checks_flags`. core now wraps it, one object in both modules, so the re-export and `aef.band_names` are checked."""
import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import UnknownFieldError


def test_a_misspelt_keyword_is_named():
    with pytest.raises(UnknownFieldError, match=r"band_names\(\) got an unknown name 'dims': it takes n"):
        aef.band_names(dims=64)
    with pytest.raises(UnknownFieldError):
        aef.band_labels.band_names(N=3)


def test_it_is_one_object_and_still_answers():
    assert aef.band_names is aef.core.band_names is aef.band_labels.band_names
    assert aef.band_names(3) == ["A00", "A01", "A02"] and aef.band_names(n=2) == ["A00", "A01"]
    assert len(aef.band_names()) == 64
