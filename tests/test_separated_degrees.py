"Kind B: separated_points' distances are metres; points given as lon/lat degrees are not thinned to one silently."
import numpy as np
import pytest

from alphaearth_nb.core import UnitsWarning
from alphaearth_nb.evaluate import separated_points
from alphaearth_nb.geo import to_crs, utm_crs


def test_lonlat_points_are_named_not_thinned_to_one():
    """The official samples carry lon/lat: `separated_points(lonlat)` (the paper's 1280 m rule) measured degrees as
    metres, every point lay within 1280 of every other, and one point of 300 was kept without a word. Right: a
    warning naming degrees and the projection to use; projected to metres, the rule keeps many."""
    rng = np.random.default_rng(0)
    lon, lat = rng.uniform(-122.5, -122.0, 300), rng.uniform(37.5, 38.0, 300)
    with pytest.warns(UnitsWarning, match="degrees.*to_crs"):
        assert len(separated_points(np.c_[lon, lat])) == 1
    x, y = to_crs(lon, lat, "EPSG:4326", utm_crs(lon.mean(), lat.mean()))
    assert len(separated_points(np.c_[x, y])) > 50
    pts = np.array([[0, 0], [1, 0], [2, 0], [3, 0], [10, 10]], float)        # abstract units, spread > min_dist
    assert separated_points(pts, 1.5, order=[0, 1, 2, 3, 4]).tolist() == [0, 2, 4]
