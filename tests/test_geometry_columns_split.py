"""Reading a table's geometry column (WKT, EWKT, WKB, hex WKB, shapely: `geometry_points`, `shape_column`,
`xy_words`), the WKT texts (`is_wkt`, `wkt_rows`) and what only they use (`lonlat_columns`, `EE_GEO`,
`import_geopandas`, `GEOMETRY_COLUMNS`, `POINTS_FROM`) live in `geometry_columns` (23b, below geometries), so
geometries keeps to reading places whole (it was 532 of the layout's 600 lines); geometries re-exports each name (the
same object), and reads tables, WKT lists and EWKT through them as before."""
import pandas as pd
import pytest

pytest.importorskip("geopandas")
from alphaearth_nb.core import GridError, LabelError

MOVED = ["EE_GEO", "GEOMETRY_COLUMNS", "POINTS_FROM", "geometry_points", "import_geopandas", "is_wkt", "lonlat_columns",
         "shape_column", "wkt_rows", "xy_words"]


def test_geometries_reexports_the_column_readers(reexported):
    columns, geometries = reexported("geometry_columns", "geometries", MOVED)
    assert columns.geometry_points.__module__ == "alphaearth_nb.geometry_columns"
    assert not hasattr(geometries, "_geometry_kind") and not hasattr(geometries, "_is_wkt")


def test_a_wkt_table_reads_as_points_through_both_modules():
    "Hand-worked: 'POINT (5 44)' is x 5, y 44; the empty row's x/y are NaN; the table names its column for messages."
    from alphaearth_nb import geometries, geometry_columns
    df = pd.DataFrame({"label": ["crop", "wood"], "geometry": ["POINT (5 44)", "POINT EMPTY"]})
    t = geometry_columns.geometry_points(df)
    assert t["x"].tolist()[0] == 5.0 and t["y"].isna().tolist() == [False, True]
    assert geometry_columns.shape_column(t)[:2] == ("geometry", "WKT")
    assert geometries.xy_words(t)["cols"] == ("geometry.x", "geometry.y")
    assert geometries.table_file(df).equals(t)


def test_ewkt_and_wkt_lists_are_read_by_geometries_as_before():
    "Hand-worked: EWKT 'SRID=32631;' puts its points in EPSG:32631; a list of WKT without an SRID needs crs=."
    from alphaearth_nb import geometries, geometry_columns
    assert geometry_columns.is_wkt("SRID=4326;POINT (5 44)") and not geometry_columns.is_wkt("POINTLESS")
    g = geometries.read_geometries(["SRID=32631;POINT (500000 4900000)", "SRID=32631;POINT (500010 4900000)"])
    assert g.crs.to_epsg() == 32631 and g.geometry.x.tolist() == [500000.0, 500010.0]
    with pytest.raises(GridError, match="needs their CRS"):
        geometries.read_geometries(["POINT (500000 4900000)", "POINT (500010 4900000)"])
    with pytest.raises(LabelError, match="row 1 of the table's 'geometry' column is no WKT geometry"):
        geometries.read_places(pd.DataFrame({"geometry": ["POINT (5 44)", "POINT (5"]}), crs="EPSG:4326")


def test_the_split_modules_keep_under_the_cap_unjoined(split_module_check):
    split_module_check("geometry_columns", 200)
    split_module_check("geometries", 410)   # 532 before the split, 420 after; 375 once `coordinates` split (s45);
    # 400 in session 47 with the GeoJSON file's crs= rule (RFC 7946); 408 in s57 with the layer in the printed CRS fix
