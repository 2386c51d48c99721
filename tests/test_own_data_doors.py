"""Own data given to fit, embed and validate_stack in forms the newcomer tried (s53, items 7, 11, 13, 14): each gets
words that can be followed where the call was made, or none where nothing is wrong."""
import warnings

import numpy as np
import pandas as pd
import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import StackTypeError, TimeWarning, UnknownSourceError
from alphaearth_nb.stacks import toy_stack, validate_stack


@pytest.fixture
def s2():
    return toy_stack()["sentinel2"].to_dataset()


@pytest.mark.parametrize("form", [lambda ds: ds.to_array().values, lambda ds: ds.to_dataframe()])
def test_fit_of_bare_numbers_is_refused_at_the_door(s2, form):
    with pytest.raises(StackTypeError, match="numbers without band names") as e:   # was AttributeError in the trace
        aef.fit("tiny", form(s2), steps=1)
    assert "xr.Dataset(" in str(e.value) and "attrs={'source': 'sentinel2'" in str(e.value)


def test_a_band_asked_to_embed_names_the_stack(s2):
    with pytest.raises(AttributeError, match=r"ds\.aef\.embed\(model, period\)"):
        s2["B2"].aef.embed(None, 2021)
    assert not hasattr(s2["B2"].aef, "embed") and hasattr(s2["B2"].aef, "similarity")


def test_a_dataset_without_its_source_is_told_the_attribute_alone(s2):
    with pytest.raises(UnknownSourceError) as e:   # embed and fit take no source=: the fix is the attribute
        aef.fit("tiny", s2.drop_attrs(), steps=1)
    said = str(e.value)
    assert "ds.attrs['source'] = 'sentinel2'" in said and "or pass source=" not in said


def test_zoned_times_are_converted_without_a_format_warning(s2):
    zoned = s2.assign_coords(time=pd.DatetimeIndex(s2.time.values).tz_localize("Europe/Brussels"))
    with warnings.catch_warnings():
        warnings.simplefilter("error", TimeWarning)
        out = validate_stack(zoned)["sentinel2"].to_dataset()
    want = pd.DatetimeIndex(s2.time.values).tz_localize("Europe/Brussels").tz_convert("UTC").tz_localize(None)
    np.testing.assert_array_equal(out.time.values, want.values)   # naive UTC, an hour earlier in winter
