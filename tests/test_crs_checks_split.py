"""`crs_checks` (02e): coordinates checked against their CRS (degrees that cannot be degrees, the CRS's area of use)
and transformed, split from `geo` (03, 598 lines against the 600-line cap); `geo` re-exports each name, so
`geo.to_crs` and `aef.geo.check_degrees` are the same objects as before."""
import alphaearth_nb as aef
from alphaearth_nb import crs_checks, geo

NAMES = ("POLE_TOL", "AREA_MARGIN", "check_degrees", "check_grid_degrees", "area_gap", "check_area_of_use",
         "shapes_in_area", "to_crs", "utm_crs")


def test_geo_reexports_every_name_of_crs_checks():
    for n in NAMES:
        assert getattr(geo, n) is getattr(crs_checks, n), n
        assert n in geo.__all__ and n in crs_checks.__all__, n
    assert aef.crs_checks is crs_checks


def test_a_moved_function_still_works_through_geo():
    x, y = geo.to_crs([3.0], [0.0], "EPSG:4326", "EPSG:32631")   # zone 31's central meridian on the equator
    assert abs(x[0] - 500_000.0) < 1e-6 and abs(y[0]) < 1e-6
