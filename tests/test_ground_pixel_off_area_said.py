"""`official_grids.warn_ground_pixel` (grid_for, official.open(crs=...)) returned None without a word where the
pixel's ground size cannot be measured at the area's centre (`ground_scale` NaN: the centre far outside the CRS's
area of use, whose inverse the package refuses): EPSG:3031 (Antarctic polar stereographic) over the Alps made a grid
of 11082 x 8355 pixels for a 0.2-degree box, and New York's EPSG:2263 at resolution=10 (US feet) a grid of 3.05 m
pixels, both in silence, where the same feet over New York are warned. Session 54 warned (a GridWarning: the size
cannot be measured there); session 55 refuses (GridError, `geo.check_area_of_use`, before any work), as every door
refuses a map in a CRS whose area of use lies that far from its data, and names how to pick the grid."""
import warnings

import numpy as np
import pytest

pytest.importorskip("odc.geo")
from alphaearth_nb.core import GridError, GridWarning
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
    with pytest.raises(GridError, match=r"far outside the area of use.*lon 5\.8.*leave `crs=` out"):   # was a warning
        _said(crs, 10 if crs == "EPSG:2263" else None)


def test_a_crs_measured_there_keeps_its_words():
    said = _said("EPSG:3857")
    assert len(said) == 1 and "cannot be measured" not in said[0] and "on the ground" in said[0]
    assert _said("EPSG:32631") == []
