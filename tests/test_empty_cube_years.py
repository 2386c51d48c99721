"""Kind F: a cube with a `time` dim of length 0 (a year selection that holds none: `cube.sel(time=slice('2030',
None))`, `cube.where(..., drop=True)`) is refused naming the fix, by every function of a cube, as cluster and rgb
refuse it; an empty official Dataset is named as empty."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.analysis import change, classify, regress, similarity
from alphaearth_nb.core import DimensionError
from alphaearth_nb.embeddings import as_embedding, from_official, validate_embedding
from alphaearth_nb.testing import embedding_from_array, fake_official, random_unit


def _cube(n=2):
    e = embedding_from_array(random_unit((4, 3), seed=1))
    return xr.concat([e] * n, "time").assign_coords(time=pd.to_datetime([f"{2022 + i}-01-01" for i in range(n)])), e


def test_empty_cube_is_refused_by_every_cube_function():
    """similarity, classify, regress, change and validate of a cube with no year: xarray's 'ValueError: must supply
    at least one object to concatenate' from inside the package (its per-year loop and validate's concat). Right:
    DimensionError 'the cube has no time steps: select at least one year', as cluster/rgb say."""
    cube, e = _cube()
    empty = cube.isel(time=slice(0, 0))
    lab = xr.DataArray(np.arange(12.0).reshape(4, 3) % 2, dims=("y", "x"), coords={"y": e.y, "x": e.x})
    calls = {"similarity": lambda: similarity(empty, e.values[1, 1]),
             "classify": lambda: classify(empty, lab, k=1),
             "regress": lambda: regress(empty, lab, k=1),
             "change": lambda: change(empty, empty),
             "validate": lambda: validate_embedding(empty),
             "accessor": lambda: empty.aef.similarity(e.values[1, 1])}
    for name, call in calls.items():
        with pytest.raises(DimensionError, match="no time steps: select at least one year"):
            call()
    assert similarity(cube, e.values[1, 1]).sizes["time"] == 2   # a cube with years, as before


def test_empty_official_dataset_is_named_empty():
    """xee's Dataset with no image along `time` (a filter of years that matched none): 'holds 0 images along `time`
    without dates or years: pick one first, e.g. `ds.isel(time=[0])`', an index that fails. Right: it holds no
    image, select a year it has."""
    _, e = _cube()
    ds = fake_official(e).isel(time=slice(0, 0))
    for read in (from_official, as_embedding):
        with pytest.raises(DimensionError, match="no image along `time`") as err:
            read(ds)
        assert "isel(time=[0])" not in str(err.value)
