"""A map's CRS given as PROJ text that fits several EPSG CRSs equally is the one whose area of use holds the map's
middle, where one alone does (crs._by_place, through crs_of, the one reader of a map's CRS: attrs['crs'] or a
`spatial_ref` WKT as rioxarray reads a GDAL 2 GeoTIFF). UTM 31N on GRS80 with +towgs84=0,0,0 fits ETRS89
(EPSG:25831, Europe 0-6 E, 37-82 N by its bounds) and RGSH2020 (EPSG:22231, Algeria 19-39 N); ETRS89-LAEA's
parameters fit ETRS89 (EPSG:3035) and national frames (ISN2004 Iceland, TUREF Turkey, ...). Was: the text kept
(5858cef), so a map of France so spelt had 'different CRS' from its EPSG:25831 twin; before that pyproj's first
match, right here by luck, GDA2020 for GDA94. 45 N 3 E is y = 4 982 950 m in UTM 31N (k0 0.9996 times the
meridian arc 4 984 944 m on GRS80)."""
import warnings

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb import analysis
from alphaearth_nb.core import MetadataWarning
from alphaearth_nb.crs import as_crs, crs_of, same_crs
from alphaearth_nb.grids import grid_coords, write_crs
from alphaearth_nb.testing import embedding_from_array, random_unit

UTM31 = "+proj=utm +zone=31 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs"
LAEA = ("+proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m "
        "+no_defs")
GDA94 = "+proj=utm +zone=55 +south +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs"
VEC = random_unit((4, 5), seed=6)


def _map(crs, x0, y0):
    return embedding_from_array(VEC, coords=grid_coords(4, 5, x0=x0, y0=y0), crs=crs)


@pytest.mark.parametrize("crs, x0, y0, code", [
    (UTM31, 500_000., 4_983_000., "EPSG:25831"),    # 45 N 3 E: France, inside ETRS89's bounds, not Algeria's
    (UTM31, 500_000., 3_500_000., "EPSG:22231"),    # 31.6 N 3 E: Algeria (ETRS89's bounds begin at 37 N)
    (LAEA, 4_321_000., 3_210_000., "EPSG:3035"),    # the LAEA's own centre, 52 N 10 E: Germany
])
def test_the_maps_place_picks_the_one_fit(crs, x0, y0, code):
    m = _map(crs, x0, y0)
    assert crs_of(m) == code
    wkt = m.drop_attrs().assign_coords(spatial_ref=((), 0, {"crs_wkt": as_crs(crs).to_wkt()}))   # as rioxarray reads
    assert crs_of(wkt) == code


def test_a_map_of_france_so_spelt_is_its_epsg_twin():
    a, b = _map("EPSG:25831", 500_000., 4_983_000.), _map(UTM31, 500_000., 4_983_000.)
    with warnings.catch_warnings():
        warnings.simplefilter("error", MetadataWarning)    # resolved by place: nothing to say
        assert float(analysis.change(a, b).max()) < 1e-6   # was GridError 'different CRS'


def test_where_the_fits_share_the_place_it_stays_kept():
    m = _map(GDA94, 500_000., 5_800_000.)    # 37.9 S 147 E, Victoria: GDA94's and GDA2020's area alike
    assert crs_of(m) == GDA94
    with pytest.warns(MetadataWarning, match=r"EPSG:28355 \(GDA94 / MGA zone 55\)"):
        with pytest.raises(Exception, match="different CRS"):
            analysis.change(m, _map("EPSG:28355", 500_000., 5_800_000.))


def test_write_crs_writes_the_epsg_crs_it_names():
    out = write_crs(xr.DataArray(np.zeros((2, 2)), dims=("y", "x"), coords={"y": [1e6, 1e6 - 10], "x": [5e5, 5e5 + 10]}),
                    "+proj=utm +zone=17 +ellps=GRS80 +towgs84=0,0,0 +units=m")   # PROJ.4's +datum=NAD83: EPSG:26917
    assert out.attrs["crs"] == "EPSG:26917"
    assert out.spatial_ref.attrs["crs_wkt"] == as_crs("EPSG:26917").to_wkt()   # was the bound GRS80 WKT


def test_y_of_no_numbers_keeps_the_text():
    d = xr.DataArray(np.zeros((2, 2)), dims=("y", "x"), coords={"y": ["a", "b"], "x": [5e5, 5e5 + 10]},
                     attrs={"crs": UTM31})
    assert crs_of(d) == UTM31   # no place to read: kept (was ValueError, c7a2c0c)


def test_the_maps_text_given_beside_it_is_read_at_its_place():
    m = _map(UTM31, 500_000., 4_983_000.)   # its own text: EPSG:25831 where it lies (crs_of)
    with warnings.catch_warnings():
        warnings.simplefilter("error", MetadataWarning)
        assert same_crs(m, UTM31) and same_crs(UTM31, m)   # was False, and a warning: EPSG:25831 vs the text kept
