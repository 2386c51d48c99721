"""`aef evaluate --labels fields.gpkg` whose polygons of no data have an empty name warned '155 of 10100 labels are
['']: ... mark unlabelled points': those are pixels of rasterised polygons, not labels nor points. Now it counts the
polygons and their pixels. Fails on f65dc79a. A mixed file's unlabelled points were counted as polygons too ('2
polygons' for a polygon and a point): counted apart (fails on f54a6ee4)."""
import pytest

gpd = pytest.importorskip("geopandas")
from shapely.geometry import box

from alphaearth_nb.cli import main
from alphaearth_nb.exports import to_zarr
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_unlabelled_polygons_are_counted_as_polygons_and_pixels(tmp_path):
    e = embedding_from_array(random_unit((12, 12), seed=2).astype("float32")).assign_attrs(crs="EPSG:32633")
    to_zarr(e, tmp_path / "e.zarr")
    x, y = e.x.values, e.y.values
    cell = lambda r, c: box(x[c] - 5, y[r + 3] - 5, x[c + 3] + 5, y[r] + 5)   # 4 x 4 pixels
    gdf = gpd.GeoDataFrame({"name": ["crop", "forest", "crop", "forest", ""]},
                           geometry=[cell(0, 0), cell(0, 6), cell(6, 0), cell(6, 6), cell(4, 4)], crs="EPSG:32633")
    gdf.to_file(tmp_path / "f.gpkg")
    with pytest.warns(UserWarning, match=r"1 polygon of --labels \S+f\.gpkg \(\d+ of the \d+ labelled pixels on the map\) are \[''\]"):
        main(["evaluate", "--embeddings", str(tmp_path / "e.zarr"), "--labels", str(tmp_path / "f.gpkg"),
              "--label-column", "name", "--spacing", "0", "--shots", "1", "--folds", "2"])


def test_a_mixed_files_points_are_counted_apart(tmp_path):
    from shapely.geometry import Point
    e = embedding_from_array(random_unit((12, 12), seed=2).astype("float32")).assign_attrs(crs="EPSG:32633")
    to_zarr(e, tmp_path / "e.zarr")
    x, y = e.x.values, e.y.values
    cell = lambda r, c: box(x[c] - 5, y[r + 3] - 5, x[c + 3] + 5, y[r] + 5)
    gdf = gpd.GeoDataFrame({"name": ["crop", "forest", "crop", "forest", "", ""]},
                           geometry=[cell(0, 0), cell(0, 6), cell(6, 0), cell(6, 6), cell(4, 4), Point(x[10], y[1])],
                           crs="EPSG:32633")
    gdf.to_file(tmp_path / "f.gpkg")
    with pytest.warns(UserWarning, match=r"1 polygon and 1 point of --labels \S+f\.gpkg \(17 of the \d+ labelled pixels "):
        main(["evaluate", "--embeddings", str(tmp_path / "e.zarr"), "--labels", str(tmp_path / "f.gpkg"),
              "--label-column", "name", "--spacing", "0", "--shots", "1", "--folds", "2"])
