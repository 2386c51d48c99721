"""`official.grid_for` (official.open's grid) judged a pixel's ground size by the CRS's scale factor alone, never its
unit: in New York's State Plane (EPSG:2263, US survey feet) its "default 10 m" made 10-foot pixels, 3.05 m on the
ground (10.8x the pixels of the UTM grid), with no word. The default is now 10 m in the CRS's unit (32.81 feet), and
a resolution given in feet is warned with its ground size and the resolution for 10 m. The warning's area words
compared the ground pixel with the official 10 m one: `resolution=20` in EPSG:3857 said areas summed by pixel read
0.44x the ground's, where they read 1.74x (the scale factor squared); they now say each apart."""
import re
import warnings

import pytest

from alphaearth_nb import official
from alphaearth_nb.core import GridWarning

pytest.importorskip("odc.geo")
NYC = (-74.01, 40.70, -74.00, 40.71)


def _grid_words(**kw):
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        gb = official.grid_for(NYC, **kw)
    return gb, " ".join(str(w.message) for w in got if issubclass(w.category, GridWarning))


def test_the_default_in_a_crs_of_feet_is_10_m_on_the_ground():
    gb, said = _grid_words(crs="EPSG:2263")
    utm, _ = _grid_words()
    assert abs(abs(gb.resolution.x) - 10 / 0.3048006) < 0.01, gb.resolution   # 32.81 feet
    assert abs(gb.shape[0] - utm.shape[0]) <= 3 and abs(gb.shape[1] - utm.shape[1]) <= 3, (gb.shape, utm.shape)
    assert said == "", said


def test_a_resolution_in_feet_is_warned_with_its_ground_size():
    gb, said = _grid_words(crs="EPSG:2263", resolution=10)
    assert abs(gb.resolution.x) == 10
    assert "resolution=10 in EPSG:2263 is 3.05 x 3.05 m on the ground" in said, said
    assert "US survey foot" in said and "`resolution=32.81`" in said, said


def test_web_mercator_areas_read_the_scale_factor_squared_whatever_the_size():
    for res in (None, 20):
        _, said = _grid_words(crs="EPSG:3857", resolution=res)
        k = float(re.search(r"stretches distances there ([\d.]+) times", said).group(1))
        got = float(re.search(r"areas summed by pixel \(count x its size\) read ([\d.]+) times", said).group(1))
        assert abs(got - k * k) < 0.01, (res, said)
