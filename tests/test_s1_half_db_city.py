"""A Sentinel-1 chip wholly of dense city (bright but right) is not told 'half the decibels' (units._half_db,
HALF_GAP, field case F): halving decibels halves the gap between co- and cross-polarised medians too (VV - VH is
6.3..7.6 dB in the three regions of the 2,160 official sample points, 5.9 at their built-up points: halved 3.2..3.8),
while a city keeps its gap (the urban sample points brighter than -6 dB in VV: VV -3.5, VH -9.9 dB, a gap of 6.4).
Was: those points, as a chip, were warned 'half the decibels: double them' (VV at +7 dB after the fix)."""
import warnings

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import UnitsWarning
from alphaearth_nb.units import check_units


def _quiet(*a):
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnitsWarning)
        check_units(*a)


@pytest.fixture(scope="module")
def city(shared_data):
    d = pd.read_csv(shared_data / "aef_samples" / "alphaearth_s1_dw_samples_sf_bay_urban_2024.csv")
    d = d[d.S1_VV > -6]                         # 20 points of bright city
    # a chip of them, 20 pixels each (400 values, the points' own quantiles): under units.HALF_DB_VALUES (300) the
    # values are too few to be judged at all, a field's own months (tests/test_s1_half_db_field)
    return np.repeat(d.S1_VV.values, 20), np.repeat(d.S1_VH.values, 20)


def test_a_chip_of_dense_city_is_not_half_decibels(city):
    vv, vh = city
    assert np.median(vv) > -7 and np.median(vh) > -10    # past both tops of HALF_DB_TOPS: was warned
    _quiet("sentinel1", ("VV", "VH"), (vv, vh))
    rng = np.random.default_rng(4)                       # downtown: VV -3, VH -9.5 (a gap of 6.5 dB)
    _quiet("sentinel1", ("VV", "VH"), (rng.normal(-3, 4, 3000), rng.normal(-9.5, 3, 3000)))


def test_the_same_city_in_half_decibels_is_still_warned(city):
    vv, vh = city
    with pytest.warns(UnitsWarning, match=r"half the decibels.*`ds\[bands\] \* 2`"):
        check_units("sentinel1", ("VV", "VH"), (vv / 2, vh / 2))   # gap 3.2 dB
