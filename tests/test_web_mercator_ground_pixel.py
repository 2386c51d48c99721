"""official.open(area, crs="EPSG:3857") gave a grid of 10 'm' Web-Mercator pixels that are 7.07 m on the ground at
45 N (the official 10 m pixels resampled about 2x finer, pixel counts and areas about 2x the ground's) with only the
warp's GridWarning. `grid_for` (official.open's grid) now warns with the ground size and the resolution that gives
10 m; a UTM grid, and the resolution it names, are quiet."""
import warnings

import pytest

from alphaearth_nb import official
from alphaearth_nb.core import GridWarning

pytest.importorskip("odc.geo")
AREA = (5.99, 44.99, 6.01, 45.01)


def test_web_mercator_at_45n_is_warned_with_the_resolution_for_10_m():
    with pytest.warns(GridWarning, match=r"the default 10 m in EPSG:3857 .*is 7\.08 x 7\.06 m on the ground") as got:   # WGS 84 geodesics (schema.ground_metres)
        gb = official.grid_for(AREA, crs="EPSG:3857")
    assert abs(gb.resolution.x) == 10
    msg = " ".join(str(w.message) for w in got)
    assert "`resolution=14.14`" in msg, msg
    with warnings.catch_warnings():
        warnings.simplefilter("error", GridWarning)
        gb = official.grid_for(AREA, crs="EPSG:3857", resolution=14.14)   # the fix named: 10 m on the ground
    assert gb.shape[0] < 300


@pytest.mark.parametrize("kw", [{}, {"crs": "EPSG:32631"}, {"crs": "EPSG:32631", "resolution": 20}])
def test_utm_grids_are_quiet(kw):
    with warnings.catch_warnings():
        warnings.simplefilter("error", GridWarning)
        official.grid_for(AREA, **kw)


def test_grid_for_stays_in_official():   # split out to official_grids, re-exported
    from alphaearth_nb import official_grids
    assert official.grid_for is official_grids.grid_for and official.pixel_size is official_grids.pixel_size
