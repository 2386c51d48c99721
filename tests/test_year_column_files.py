"""Labels per year in a file (GeoPackage, GeoJSON, CSV), a GeoJSON dict or a dict of arrays: on a cube, each row
meets its own year, as a DataFrame's rows do (case C19-3). Was: the year column of anything but a DataFrame unread,
every year trained on every row (a crop rotation, A then B at one field, drew the same class both years)."""
import json
import warnings

import numpy as np
import pytest

from alphaearth_nb.analysis import classify, regress

gpd = pytest.importorskip("geopandas")

# the cube and rows: conftest's `crop_rotation` (field (0, 0) wheat in 2022 and maize in 2023, field (7, 9) the
# other way round), the year column named 'Year' here


def _forms(tmp_path, rows):
    rows = rows.rename(columns={"year": "Year"})
    g = gpd.GeoDataFrame(rows.drop(columns=["x", "y"]), geometry=gpd.points_from_xy(rows.x, rows.y), crs="EPSG:32631")
    ll = g.to_crs(4326)
    g.to_file(tmp_path / "labels.gpkg")
    ll.to_file(tmp_path / "labels.geojson")
    ll.assign(lon=ll.geometry.x, lat=ll.geometry.y).drop(columns="geometry").to_csv(tmp_path / "labels.csv", index=False)
    rows.to_csv(tmp_path / "labels_xy.csv", index=False)
    return {"gpkg": (str(tmp_path / "labels.gpkg"), {}), "geojson": (tmp_path / "labels.geojson", {}),
            "csv": (str(tmp_path / "labels.csv"), {}), "csv_xy": (str(tmp_path / "labels_xy.csv"), {"crs": "EPSG:32631"}),
            "geojson_dict": (json.loads(ll.to_json()), {}), "dict": (rows.to_dict("list"), {})}


@pytest.mark.parametrize("form", ["gpkg", "geojson", "csv", "csv_xy", "geojson_dict", "dict"])
def test_a_year_column_outside_a_dataframe_pairs_rows_with_their_year(tmp_path, form, crop_rotation):
    r = crop_rotation
    labels, kw = _forms(tmp_path, r.rows)[form]
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # was: '2 pixels hold points with different labels'
        out = classify(r.cube, labels, k=1, **kw)
    pred = regress(r.cube, labels, method="knn", k=1, column="value", **kw).values
    r.assert_each_year(out, pred)


def test_a_file_without_a_year_column_trains_every_year_on_every_row(tmp_path, crop_rotation):
    rows, want = crop_rotation.rows, crop_rotation.want
    labels = tmp_path / "labels.gpkg"
    g = gpd.GeoDataFrame(rows.iloc[:2].drop(columns=["x", "y", "year"]),
                         geometry=gpd.points_from_xy(rows.x[:2], rows.y[:2]), crs="EPSG:32631")
    g.to_file(labels)
    out = classify(crop_rotation.cube, str(labels), k=1)
    names = np.asarray(out["class"].attrs["class_names"])
    assert [[names[out["class"].values[t, 0, 0]], names[out["class"].values[t, 7, 9]]] for t in range(2)] == [want[0]] * 2
