"""PROJ.4 text that names no datum (`+ellps=` alone, or with `+towgs84=0,0,0` as GDAL 2 wrote old GeoTIFFs) is
matched to EPSG by its projection and ellipsoid, and where several EPSG datums fit equally none is picked silently.
Was: pyproj's first identify match, so GDA94 / MGA zone 55 (EPSG:28355) was read as GDA2020 (EPSG:7855), 1.6 m
away (EPSG:8048 'GDA94 to GDA2020 (1)'), a sixth of a 10 m pixel; NAD83 / UTM 17N as CR-SIRGAS (EPSG:8910); and
ETRS89-LAEA (EPSG:3035, northing first) matched no EPSG CRS at all."""
import warnings
from functools import partial

import pytest

from alphaearth_nb.core import MetadataWarning
from alphaearth_nb import crs as crs_mod
from alphaearth_nb.crs import as_crs, crs_name, horizontal_crs, same_crs
from alphaearth_nb.testing import warned

GDA94_MGA55 = "+proj=utm +zone=55 +south +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs"
GDA2020_MGA55 = "+proj=utm +zone=55 +south +ellps=GRS80 +units=m +no_defs"   # GDAL 3 writes no +towgs84 here
LAEA = ("+proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m "
        "+no_defs")                                                          # EPSG:3035's parameters
NAD83_17N = "+proj=utm +zone=17 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs"
WGS84_32N = "+proj=utm +zone=32 +ellps=WGS84 +units=m +no_defs"
LAMBERT93 = ("+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 "
             "+towgs84=0,0,0,0,0,0,0 +units=m +no_defs")


_read = partial(warned, horizontal_crs, category=MetadataWarning)   # horizontal_crs(crs) and the MetadataWarnings it gave


def test_gda94_mga55_is_kept_and_the_fits_named():
    h, said = _read(GDA94_MGA55)
    assert not h.equals(as_crs("EPSG:7855")) and not h.equals(as_crs("EPSG:28355"))   # neither picked
    assert len(said) == 1 and "EPSG:28355 (GDA94 / MGA zone 55)" in said[0] and "EPSG:7855 (GDA2020" in said[0]
    assert "kept as given" in said[0] and "ds.rio.write_crs('EPSG:" in said[0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MetadataWarning)
        assert not same_crs(GDA94_MGA55, "EPSG:7855") and not same_crs(GDA94_MGA55, "EPSG:28355")
    assert crs_name(GDA94_MGA55) != "EPSG:7855"


def test_gda2020_mga55_without_towgs84_names_no_code():
    assert {e.to_epsg() for e in crs_mod._fits(as_crs(GDA2020_MGA55).to_wkt())} == {7855, 28355, 5551}   # GDA2020, GDA94, PNG94
    assert not crs_name(GDA2020_MGA55).startswith("EPSG:")                                       # was 'EPSG:7855'


def test_laea_europe_is_found_northing_first():
    assert 3035 in {e.to_epsg() for e in crs_mod._fits(as_crs(LAEA).source_crs.to_wkt())}   # was: no EPSG CRS fit
    _, said = _read(LAEA)   # ETRS89, ISN2004 (Iceland), TUREF (Turkey), ... on the same LAEA: which, not said by text
    assert len(said) == 1 and "EPSG:3035 (ETRS89-extended / LAEA Europe)" in said[0]


def test_nad83_utm17n_is_proj4s_nad83():
    h, said = _read(NAD83_17N)   # `+ellps=GRS80 +towgs84=0,0,0` is PROJ.4's `+datum=NAD83` (pj_datums.c)
    assert h.to_epsg() == 26917
    assert len(said) == 1 and "read as EPSG:26917" in said[0] and "EPSG:6346 (NAD83(2011) / UTM zone 17N)" in said[0]


@pytest.mark.parametrize("text, code", [(WGS84_32N, 32632), (LAMBERT93, 2154)])
def test_one_fit_or_one_place_is_its_code_unsaid(text, code):
    # control: WGS 84 / UTM 32N is the one fit; RGF93 v1, v2 and v2b (Lambert-93) lie within 5 cm (EPSG:9882, 9788)
    h, said = _read(text)
    assert said == [] and crs_name(text) == f"EPSG:{code}" and h.equals(as_crs(code), ignore_axis_order=True)


ED50_31N = "+proj=utm +zone=31 +ellps=intl +towgs84=-87,-98,-121,0,0,0,0 +units=m +no_defs"   # GDAL 2's ED50
BNG = ("+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy "
       "+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs")       # GDAL 2's OSGB36


@pytest.mark.parametrize("text, code", [(ED50_31N, 23031), (BNG, 27700)])
def test_a_real_shift_epsg_gives_the_datum_is_that_datum(text, code):
    # EPSG:1133 'ED50 to WGS 84 (1)' is -87,-98,-121 m; EPSG:1314 'OSGB36 to WGS 84 (6)' these 7 terms (Position
    # Vector, as +towgs84). Was: the source, 'Unknown based on International 1924 ellipsoid', equal to no EPSG CRS
    assert same_crs(text, f"EPSG:{code}") and crs_name(text) == f"EPSG:{code}"


def test_a_shift_epsg_does_not_give_stays_the_source():
    assert not same_crs(ED50_31N.replace("-121", "-122"), "EPSG:23031")   # 1 m off EPSG:1133: no datum of EPSG
