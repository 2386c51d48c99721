"""A DEM of flat ground (a polder, a lake: the slope 0 at every pixel) or with no slope read is judged by nothing
(check_terrain reads sloped pixels only) and says nothing. Was (since a6c0da5): numpy's RuntimeWarning 'Mean of
empty slice' from the share of readings past 90 taken over no pixel."""
import warnings

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.units import check_terrain


@pytest.mark.parametrize("slope", [0.0, np.nan])
def test_flat_or_unread_slope_is_quiet(slope):
    y, x = 10.0 * np.arange(8, 0, -1), 10.0 * np.arange(8)
    ds = xr.Dataset({"elevation": (("y", "x"), np.full((8, 8), 2.0)), "slope": (("y", "x"), np.full((8, 8), slope))},
                    coords={"y": y, "x": x})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert check_terrain("dem", ds) is None
