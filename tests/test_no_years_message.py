"""The one message of a cube with no year where a map or cube is wanted (`embeddings.NO_YEARS`: as_embedding,
validate_embedding, places.cube_form, training_set) names the problem, an empty `time` most often left by a selection
of years the cube does not hold, and the fix: select years it holds, by their text, after listing them. Was: 'the
cube has no time steps: select at least one year', naming neither the cause nor how to select."""
import re

import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import DimensionError
from alphaearth_nb.embeddings import as_embedding, validate_embedding
from alphaearth_nb.places import cube_form
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_no_years_names_the_cause_and_the_selection_that_works():
    e = embedding_from_array(random_unit((4, 3), seed=1))
    cube = xr.concat([e] * 2, "time").assign_coords(time=pd.to_datetime(["2022-01-01", "2023-01-01"]))
    empty = cube.sel(time=slice("2030", "2031"))
    for call in (as_embedding, validate_embedding, cube_form):
        with pytest.raises(DimensionError) as err:
            call(empty)
        msg = str(err.value)
        assert msg.startswith("the cube has no time steps"), msg
        assert "a selection" in msg and "does not hold" in msg, msg   # the cause
        assert "cube.time.dt.year.values" in msg, msg                 # how to see the years
        fix = re.findall(r"`(cube\.sel\([^`]+\))`", msg)[-1]      # the selection named last, the fix, works on a cube
        assert eval(fix, {"cube": cube}).sizes["time"] == 2, fix     # of years it holds
