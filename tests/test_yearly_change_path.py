"""`yearly_change` of a path ('cube.zarr', a Path) or a bare array raises `as_embedding`'s `DTypeError` naming the
readers of each kind of file (d316a94's words at every other door), not 'yearly_change needs a cube with a `time`
dim (several years): open one with official.open(...)', which does not say that the cube given was a file's name
(a numpy array: 'got ndarray: wrap arrays with xr.DataArray(a, dims=...)', as_embedding's)."""
from pathlib import Path

import numpy as np
import pytest

from alphaearth_nb import years
from alphaearth_nb.core import DTypeError


@pytest.mark.parametrize("path", ["cube.zarr", Path("cube.zarr")])
def test_a_path_is_named_as_a_path(path):
    with pytest.raises(DTypeError, match=r"got the path 'cube\.zarr': load it first.*open_zarr"):
        years.yearly_change(path)


def test_a_bare_array_is_named_as_one():
    with pytest.raises(DTypeError, match=r"got ndarray: wrap arrays with `xr.DataArray"):
        years.yearly_change(np.zeros((3, 2, 2, 64), np.float32))
