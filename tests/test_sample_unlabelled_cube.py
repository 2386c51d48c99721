"""`places.sample` of a cube whose `time` carries no labels (`xr.concat([e23, e24], 'time')`) labelled its rows
`year` 0, 1 (`years_of_cube`'s step indices: a count, not years), and a points table with its own `year` column
matched none of them (left from session 53). It is now a `TimeError` naming `assign_coords(time=...)`, before any
value is read; a labelled cube samples as before, one block of rows a year."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import TimeError
from alphaearth_nb.places import sample
from alphaearth_nb.testing import embedding_from_array, random_unit

E = embedding_from_array(random_unit((4, 5), seed=4))
PT = (float(E.x[2]), float(E.y[1]))


def test_a_cube_of_unlabelled_steps_is_refused_with_the_labels_to_give():
    cube = xr.concat([E, E], "time")
    with pytest.raises(TimeError, match=r"2 time steps carry no labels.*assign_coords\(time=pd\.to_datetime"):
        sample(cube, PT, crs=E.attrs["crs"])
    with pytest.raises(TimeError, match="cube.isel"):
        sample(cube, pd.DataFrame({"x": [PT[0]], "y": [PT[1]], "year": [2024]}), crs=E.attrs["crs"])


def test_the_fix_as_written_samples_each_year():
    cube = xr.concat([E, E], "time").assign_coords(time=pd.to_datetime(["2023-01-01", "2024-01-01"]))
    out = sample(cube, PT, crs=E.attrs["crs"])
    assert out["year"].tolist() == [2023, 2024] and out["inside"].all()
    np.testing.assert_allclose(out[[f"A{i:02d}" for i in range(64)]].values[0], E.isel(y=1, x=2).values, atol=1e-6)
