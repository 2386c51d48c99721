"""A `crs=` fix names a CRS a user can type: 'EPSG:n' where one EPSG CRS is it, PROJ text where that reads back as
the same CRS, else Python that reads it off the map (`aef.geo.crs_of(<the map>)`). Was: crs_of's stored WKT, 800-1800
characters, inside `crs='PROJCRS[...]'` (geo.crs_advice, geo.point_crs's error and warning)."""
import re, warnings
import numpy as np, pytest, xarray as xr
from pyproj import CRS
from alphaearth_nb.core import PointError
from alphaearth_nb.crs import as_crs, crs_typed, same_crs
from alphaearth_nb.grids import write_crs
from alphaearth_nb import geo

LAEA = "+proj=laea +lat_0=40 +lon_0=10 +x_0=0 +y_0=0 +ellps=GRS80 +units=m"   # a custom LAEA: no EPSG code
# EPSG:3035's WKT renamed and its origin moved to 40 N: ETRS89 (a named datum that PROJ.4 text cannot say)
ETRS_LAEA = CRS("EPSG:3035").to_wkt().replace('"ETRS89-extended / LAEA Europe"', '"ETRS89 / my LAEA"').replace(
    'PARAMETER["Latitude of natural origin",52', 'PARAMETER["Latitude of natural origin",40')

def _map(crs=LAEA, x0=0.0, y0=0.0):   # 4 x 5 pixels of 10 m
    x = x0 + np.arange(5) * 10 + 5.0; y = y0 + np.arange(4)[::-1] * 10 + 5.0
    return write_crs(xr.DataArray(np.zeros((4, 5), np.float32), dims=("y", "x"), coords={"y": y, "x": x}), crs)

def _typed_reads_back(msg, crs):
    """Every `crs=...` in `msg` is short and, evaluated as Python, the CRS meant (or aef.geo.crs_of(<the map>))."""
    fixes = re.findall(r"`crs=([^`]+)`", msg)
    assert fixes, msg
    assert "PROJCRS[" not in msg and len(msg) < 700, msg
    for f in fixes:
        if f == "'EPSG:4326'": continue
        assert f == "aef.geo.crs_of(<the map>)" or same_crs(eval(f), crs), f

def test_crs_typed_forms():
    assert crs_typed("EPSG:32631") == "'EPSG:32631'" and crs_typed(as_crs(32631).to_wkt()) == "'EPSG:32631'"
    assert crs_typed(LAEA) == repr(LAEA)   # PROJ text as given
    t = crs_typed(as_crs(LAEA).to_wkt())   # WKT as stored: PROJ.4 that reads back as it
    assert t.startswith("'+proj=laea") and same_crs(eval(t), LAEA), t
    assert crs_typed(ETRS_LAEA, "aef.geo.crs_of(<the map>)") == "aef.geo.crs_of(<the map>)"   # PROJ.4 drops ETRS89
    assert crs_typed(ETRS_LAEA).startswith("'PROJCRS[")   # nothing shorter says it: the WKT

@pytest.mark.parametrize("crs", [LAEA, ETRS_LAEA])
def test_point_crs_fix_is_typed(crs):
    x0, y0 = (0.0, 0.0) if crs == LAEA else (4321000.0, 3210000.0)   # the origin, lon 10 lat 40 (EPSG:3035's false E/N)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(PointError) as e: geo.point_crs(_map(crs, x0, y0), [1e6], [1e6])   # off the map either way
    _typed_reads_back(str(e.value), crs)

def test_crs_advice_names_the_map_crs_typed():
    msg = geo.crs_advice(_map(), [25.0], [20.0], "EPSG:4326")   # the map's own x/y (metres) read as lon/lat
    assert "they lie on it read in" in msg, msg
    _typed_reads_back(msg, LAEA)

def test_both_readings_warning_is_typed():
    # x centres 0, 10 and y 40 .. 0 (10 m pixels) about the LAEA's origin, lon 10, lat 40: the point (10, 40) lies on
    # the map read in its CRS (at x 10, y 40) and read as lon/lat (at x 0, y 0)
    e = write_crs(xr.DataArray(np.zeros((5, 2), np.float32), dims=("y", "x"),
                               coords={"y": [40.0, 30.0, 20.0, 10.0, 0.0], "x": [0.0, 10.0]}), LAEA)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        geo.point_crs(e, [10.0], [40.0])
    said = [str(a.message) for a in w if "both read in" in str(a.message)]
    assert said, [str(a.message) for a in w]
    _typed_reads_back(said[0], LAEA)


@pytest.mark.parametrize("code", ["ESRI:102003", "ESRI:54009"])
def test_another_authoritys_code_is_given_as_that_code(code):
    assert crs_typed(code) == repr(code)                      # was a PROJ.4 string for a CRS that has a code
    assert crs_typed(CRS(code).to_wkt()) == repr(code)        # its WKT (as crs_of stores it) too
