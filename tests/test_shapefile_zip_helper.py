"""`alphaearth_nb.testing.shapefile_zip`: the one builder of zipped shapefiles in the tests (was a copy in
test_zip_in_folder, test_labels_layer_option, test_vector_layers, test_zip_folder_layer and test_vector_files_split,
4 of them written in session 44; review44 tidy). Each GeoDataFrame a shapefile at its path inside the zip, written
first under the zip's path without '.zip'."""
import zipfile

import pytest

from alphaearth_nb.testing import shapefile_zip

gpd = pytest.importorskip("geopandas")


def test_each_shapefile_at_its_path_inside(tmp_path):
    g = gpd.GeoDataFrame({"label": [1, 2]}, geometry=gpd.points_from_xy([5.5, 5.6], [44.5, 44.6]), crs=4326)
    z = shapefile_zip(tmp_path / "two.zip", {"a.shp": g, "fields/b.shp": g.iloc[:1]})
    assert z == tmp_path / "two.zip"
    names = set(zipfile.ZipFile(z).namelist())
    assert {"a.shp", "a.shx", "a.dbf", "a.prj", "fields/b.shp", "fields/b.shx", "fields/b.dbf", "fields/b.prj"} <= names
    assert not any(n.startswith("two/") for n in names)
    assert gpd.read_file(f"/vsizip/{z}/a.shp")["label"].tolist() == [1, 2]
    assert gpd.read_file(f"/vsizip/{z}/fields/b.shp").crs.to_epsg() == 4326
    assert gpd.read_file(tmp_path / "two" / "fields" / "b.shp")["label"].tolist() == [1]   # kept unzipped
