"""Reading a file of places by its kind (a CSV/Parquet table, a vector file whose open polygon rings are read closed and
warned, a raster refused) lives in `vector_files` (23b, below geometries), so geometries keeps clear of the layout's
module size (it was 583 of 600 lines); geometries re-exports RASTER_FILES, read_vector_file and read_places_file (the
same objects), and `read_places`, `table_file` and `read_geometries` read files through them as before. Which layer of a
vector file, and which file of a zip, to read lives in `vector_layers` (23b, session 44: vector_files had grown to 204
lines of its cap of 150 with zip and layer reading); vector_files re-exports places_path (the same object; geometries
re-exports it from there) and imports zip_target, layer_to_read and named_layer, which it reads through."""
import json

import pandas as pd
import pytest

pytest.importorskip("geopandas")
from alphaearth_nb.core import GridWarning, LabelError


def _open_square(path):
    "A GeoJSON file of one 1 x 1 square in EPSG:32631 whose ring does not repeat its first point last."
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"label": "crop"},
         "geometry": {"type": "Polygon", "coordinates": [[[500000, 4999999], [500001, 4999999], [500001, 5000000],
                                                          [500000, 5000000]]]}}],
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32631"}}}))
    return path


def test_geometries_reexports_the_file_readers(reexported):
    vector_files, geometries = reexported("vector_files", "geometries",
                                          ["RASTER_FILES", "read_vector_file", "read_places_file"])
    assert vector_files.read_places_file.__module__ == "alphaearth_nb.vector_files"
    assert ".tif" in geometries.RASTER_FILES


def test_vector_files_reexports_the_layer_choice(reexported):
    "places_path in __all__ of all three (geometries' re-export, as before); read_vector_file's helpers importable alone."
    vector_layers, vector_files = reexported("vector_layers", "vector_files", ["places_path"])
    for n in ("zip_target", "layer_to_read", "named_layer"):
        assert getattr(vector_files, n) is getattr(vector_layers, n) and n in vector_layers.__all__, n
    from alphaearth_nb import geometries
    assert geometries.places_path is vector_layers.places_path
    assert vector_layers.zip_target.__module__ == "alphaearth_nb.vector_layers"


def test_a_zip_of_two_shapefiles_in_a_folder_through_vector_files(tmp_path):
    "The zip's layer choice, moved to vector_layers, is what read_vector_file reads: shapefile 'b' by its name."
    import geopandas as gpd
    from alphaearth_nb import vector_files
    from alphaearth_nb.testing import shapefile_zip
    z = shapefile_zip(tmp_path / "two.zip", {f"two/{n}.shp": gpd.GeoDataFrame(
        {"label": [n]}, geometry=gpd.points_from_xy([x], [43.0]), crs=4326) for n, x in (("a", 1.0), ("b", 2.0))})
    got = vector_files.read_vector_file(z, gpd, layer="b")
    assert got["label"].tolist() == ["b"] and got.geometry.iloc[0].x == 2.0
    with pytest.raises(LabelError, match=r"holds 2 vector files in folders.*'two/a\.shp', 'two/b\.shp'"):
        vector_files.read_vector_file(z, gpd)


def test_a_ring_left_open_is_read_closed_through_both_modules(tmp_path):
    "Hand-worked: the square's four corners come back with the first repeated last (5 points), area 1 m^2."
    import geopandas as gpd
    from alphaearth_nb import geometries, vector_files
    p = _open_square(tmp_path / "open.geojson")
    with pytest.warns(GridWarning, match=r"open\.geojson holds polygon rings that are not closed"):
        g = vector_files.read_vector_file(p, gpd)
    assert len(g.geometry.iloc[0].exterior.coords) == 5 and g.geometry.iloc[0].area == 1.0
    with pytest.warns(GridWarning, match="not closed"):
        got = geometries.read_geometries(p)
    assert got.geometry.iloc[0].equals(g.geometry.iloc[0]) and got.crs.to_epsg() == 32631


def test_a_table_and_a_raster_by_their_kind(tmp_path):
    from alphaearth_nb import geometries
    pd.DataFrame({"lon": [5.5], "lat": [44.5], "label": ["crop"]}).to_csv(tmp_path / "p.csv", index=False)
    t = geometries.table_file(tmp_path / "p.csv")
    assert list(t.columns) == ["lon", "lat", "label"] and t["lon"].tolist() == [5.5]
    (tmp_path / "landcover.tif").write_bytes(b"II*\x00")   # a TIFF's first bytes: refused by its suffix, unread
    with pytest.raises(LabelError, match=r"landcover\.tif is a raster file \(\.tif\), not places"):
        geometries.read_places(str(tmp_path / "landcover.tif"))


def test_the_split_modules_keep_under_the_cap_unjoined(split_module_check):
    split_module_check("vector_files", 150)   # 126 after vector_layers left it (204 before, session 44)
    split_module_check("vector_layers", 150)   # 102 when split from vector_files (session 44)
    split_module_check("geometries", 600)   # 505 after the split; EWKT reading (a71cc2f2, d3eeeb2c) grew it
