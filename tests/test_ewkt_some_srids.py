"""A geometry column whose shapes say an SRID on some rows and none on others (EWKT 'SRID=4326;POINT (lon lat)' beside
WKT 'POINT (x y)') is a GridError naming the rows without one, as a column of two SRIDs is; neither names a fix that
fails. Was (a71cc2f2): every shape read in the one SRID's CRS, so classify of lon/lat and UTM metres said 'the
GeoDataFrame says its CRS is EPSG:4326 ... `gdf.set_crs('EPSG:32631', allow_override=True)`' (the caller passed a
DataFrame; that fix misplaces the other row), and the two-SRID error offered `gpd.GeoSeries.from_wkt(df['geometry'])`,
which GEOS refuses for EWKT ('Unknown type: 'SRID=32631;POINT'')."""
import pandas as pd
import pytest

gpd = pytest.importorskip("geopandas")

from alphaearth_nb.core import GridError
from alphaearth_nb.geo import to_crs
from alphaearth_nb.geometries import geometry_points
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_some_srids_and_none_refused_naming_the_rows():
    e = embedding_from_array(random_unit((8, 10), seed=6))
    x, y = float(e.x[5]), float(e.y[3])
    (lon,), (lat,) = to_crs([x], [y], "EPSG:32631", "EPSG:4326")
    df = pd.DataFrame({"label": [1, 2, 1], "geometry": [f"SRID=4326;POINT ({lon} {lat})", f"POINT ({x} {y})",
                                                        f"SRID=4326;POINT ({lon} {lat})"]})
    with pytest.raises(GridError, match=r"'geometry' column says EPSG:4326 by the SRID of 2 of its 3 shapes and no "
                                        r"SRID on row 1: give every shape the SRID"):
        geometry_points(df)
    with pytest.raises(GridError, match="no SRID on row 1"):
        e.aef.classify(df, k=1)


def test_one_srid_everywhere_and_none_anywhere_still_read():
    assert geometry_points(pd.DataFrame({"geometry": ["SRID=32631;POINT (1 2)", "SRID=32631;POINT (3 4)"]})).crs \
        == "EPSG:32631"
    out = geometry_points(pd.DataFrame({"geometry": ["POINT (1 2)", "POINT (3 4)"]}))
    assert out[["x", "y"]].to_numpy().tolist() == [[1, 2], [3, 4]]


def test_two_srids_name_no_fix_that_fails():
    df = pd.DataFrame({"geometry": ["SRID=32631;POINT (500005 4999995)", "SRID=4326;POINT (3 45)"]})
    with pytest.raises(GridError, match=r"says 2 SRIDs \(EPSG:32631, EPSG:4326\)") as e:
        geometry_points(df)
    assert "from_wkt(df['geometry'])" not in str(e.value)
