"""A whole stack passed as one DataArray, `stack['sentinel2'].to_dataset().to_array()` (a `variable` dim of bands),
was told "got a DataArray (None), not a stack: ... e.g. da.to_dataset(dim='band')" (newcomer s53): a dim it lacks and
"(None)" for an unnamed array; `.aef.embed` on it said it was "one band of a stack". Both now name the array's own
dim and the recipe, `da.to_dataset(dim='variable', ...)`, which run as printed gives a stack that validates."""
import re

import pytest

import alphaearth_nb as aef
from alphaearth_nb.command_inputs import open_stack
from alphaearth_nb.core import StackTypeError
from alphaearth_nb.stacks import validate_stack


@pytest.fixture(scope="module")
def da():
    return open_stack("samples")["sentinel2"].to_dataset().to_array()


def _runs(msg, da):
    code = re.search(r"`(ds = da[^`]*)`", msg).group(1)
    space = {"da": da}
    exec(code, space)
    validate_stack(space["ds"])
    assert sorted(space["ds"].data_vars) == sorted(map(str, da["variable"].values))


def test_fit_names_the_variable_dim_and_the_recipe_runs(da):
    with pytest.raises(StackTypeError) as e:
        aef.fit("tiny", da, steps=1)
    msg = str(e.value)
    assert "(None)" not in msg and "unnamed DataArray" in msg and "`variable` dim" in msg
    _runs(msg, da)


def test_embed_accessor_says_whole_stack(da):
    with pytest.raises(AttributeError) as e:
        da.aef.embed
    msg = str(e.value)
    assert "one band of a stack" not in msg and "whole stack" in msg
    _runs(msg, da)


def test_one_band_and_numbered_bands_keep_their_words(da):
    one = da.isel(variable=0, drop=True)
    with pytest.raises(AttributeError, match="one band of a stack"):
        one.aef.embed
    numbered = da.rename(variable="band").assign_coords(band=range(da.sizes["variable"]))
    with pytest.raises(StackTypeError, match=r"assign_coords\(band="):
        aef.fit("tiny", numbered, steps=1)
