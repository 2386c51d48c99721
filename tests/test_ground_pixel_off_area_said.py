"""`official_grids.warn_ground_pixel` (grid_for, official.open(crs=...)) returned None without a word where the
pixel's ground size cannot be measured at the area's centre (`ground_scale` NaN: the centre far outside the CRS's
area of use, whose inverse the package refuses): EPSG:3031 (Antarctic polar stereographic) over the Alps made a grid
of 11082 x 8355 pixels for a 0.2-degree box, and New York's EPSG:2263 at resolution=10 (US feet) a grid of 3.05 m
pixels, both in silence, where the same feet over New York are warned. Now a GridWarning says the size cannot be measured there,
with the unit's length where it is no metre, and how to pick the grid."""
import warnings

import numpy as np
import pytest

pytest.importorskip("odc.geo")
from alphaearth_nb.core import GridWarning
from alphaearth_nb.official_grids import grid_for, ground_scale

ALPS = (5.9, 44.95, 6.1, 45.05)


def _said(crs, resolution=None):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        grid_for(ALPS, crs=crs, resolution=resolution)
    return [str(x.message) for x in w if issubclass(x.category, GridWarning)]


@pytest.mark.parametrize("crs", ["EPSG:3031", "EPSG:2263"])
def test_a_crs_far_from_the_area_is_said(crs):
    assert np.isnan(ground_scale(crs, 6.0, 45.0)).all()                   # not measured there
    said = _said(crs, 10 if crs == "EPSG:2263" else None)
    assert len(said) == 1 and "cannot be measured" in said[0] and "leave `crs=` out" in said[0]   # was no warning
    if crs == "EPSG:2263": assert "0.3048006 m" in said[0] and "10 x 10 units is 3.05 x 3.05 m" in said[0]


def test_a_crs_measured_there_keeps_its_words():
    said = _said("EPSG:3857")
    assert len(said) == 1 and "cannot be measured" not in said[0] and "on the ground" in said[0]
    assert _said("EPSG:32631") == []
