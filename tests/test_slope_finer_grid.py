"""A slope in degrees computed on a finer grid than its DEM's elevation (a 10 m slope beside an elevation averaged
over 30 m, gullies on the steep ground) is not warned 'may be in percent' (terrain._warn_percent, PERCENT_GENTLE,
field case F): its steep readings outgrow the gradient as a slope in percent does, but on gentle readings its
gradient is about its tangent (0.93..1.05), where a slope in percent read as degrees gives 1/1.745 (100 tan a is
1.745 a in degrees, so tan(reading) is 1.745 times the gradient: 0.56 here). Was: warned, with a conversion
that would have flattened a right slope. A slope in percent on the DEM's own grid is still warned."""

import numpy as np
import pytest
import xarray as xr
from numpy.lib.stride_tricks import sliding_window_view

from alphaearth_nb.core import UnitsWarning
from alphaearth_nb.terrain import check_terrain
from alphaearth_nb.testing import said


def _mean(a, k):
    "The k x k moving mean (edges padded with their own values), as a resampling over k pixels smooths."
    return sliding_window_view(np.pad(a, k // 2, mode="edge"), (k, k)).mean((-1, -2))


def _mountain(peak, rough, smooth, n=360, res=10.0):
    "A cone to `peak` m on 10 m pixels, gullies `rough` deep in proportion to its steepness; the slope in degrees from" \
    " the 10 m grid, the elevation a `smooth` x `smooth` moving mean of it (a coarser DEM brought to 10 m)."
    yy, xx = np.mgrid[0:n, 0:n] * res
    c = n * res / 2
    base = 400 + (peak - 400) * np.clip(1 - np.hypot(yy - c, xx - c) / c, 0, 1) ** 1.5
    noise = _mean(np.random.default_rng(0).normal(0, 1, (n, n)), 5)
    fine = base + rough * np.hypot(*np.gradient(base, res, res)) * noise / noise.std() * 3 * res
    slope = np.degrees(np.arctan(np.hypot(*np.gradient(fine, res, res))))
    elevation = _mean(fine, smooth) if smooth > 1 else fine
    return xr.Dataset({"elevation": (("y", "x"), elevation), "slope": (("y", "x"), slope)},
                      coords={"y": 5e6 - yy[:, 0], "x": 4e5 + xx[0]})


def _said(ds): return said(check_terrain, "dem", ds, category=UnitsWarning)


@pytest.mark.parametrize("peak,rough", [(1000, 0.6), (1200, 0.3), (1200, 0.8), (1400, 0.3), (1800, 0.2)])
def test_a_slope_from_a_finer_grid_is_not_told_percent(peak, rough):
    assert _said(_mountain(peak, rough, 3)) == []


@pytest.mark.parametrize("peak", [1200, 1400])
def test_a_slope_in_percent_on_its_own_grid_is_still_warned(peak):
    ds = _mountain(peak, 0.0, 1)
    pct = ds.assign(slope=100 * np.tan(np.radians(ds.slope)))
    assert float(pct.slope.max()) < 95                     # no value past a cliff's: the gradient alone tells
    said = _said(pct)
    assert len(said) == 1 and "may be in percent, not degrees" in said[0]
    assert _said(ds) == []
