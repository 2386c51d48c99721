"Georeferencing: spatial dims, CRS read and compared by meaning, north-up, pixel lookup, grid checks."
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import MissingDependencyError
from alphaearth_nb.geo import require


def test_require_names_the_extra():
    with pytest.raises(MissingDependencyError, match=r"pip install 'alphaearth_nb\[maps\]'"):
        require("surely_not_installed_pkg", "maps", "explore()")
