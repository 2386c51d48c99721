"""Labels per year in a file (GeoPackage, GeoJSON, CSV), a GeoJSON dict or a dict of arrays: on a cube, each row
meets its own year, as a DataFrame's rows do (case C19-3). Was: the year column of anything but a DataFrame unread,
every year trained on every row (a crop rotation, A then B at one field, drew the same class both years)."""
import json
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.analysis import classify, regress
from alphaearth_nb.testing import embedding_from_array, random_unit

gpd = pytest.importorskip("geopandas")

E1, E2 = (embedding_from_array(random_unit((8, 10), seed=s)) for s in (5, 9))   # 10 m, corner (500000, 5000000)
CUBE = xr.concat([E1, E2], dim="time").assign_coords(time=pd.to_datetime(["2022-01-01", "2023-01-01"]))
CUBE.attrs = dict(E1.attrs)
# field (0, 0) is wheat in 2022 and maize in 2023, field (7, 9) the other way round (a crop rotation)
ROWS = pd.DataFrame({"x": [500005.0, 500095.0] * 2, "y": [4999995.0, 4999925.0] * 2,
                     "label": ["wheat", "maize", "maize", "wheat"], "value": [1.0, 2.0, 2.0, 1.0],
                     "Year": [2022, 2022, 2023, 2023]})
WANT = [["wheat", "maize"], ["maize", "wheat"]]   # by hand: k=1 at a labelled pixel is its own label, year by year


def _forms(tmp_path):
    g = gpd.GeoDataFrame(ROWS.drop(columns=["x", "y"]), geometry=gpd.points_from_xy(ROWS.x, ROWS.y), crs="EPSG:32631")
    ll = g.to_crs(4326)
    g.to_file(tmp_path / "labels.gpkg")
    ll.to_file(tmp_path / "labels.geojson")
    ll.assign(lon=ll.geometry.x, lat=ll.geometry.y).drop(columns="geometry").to_csv(tmp_path / "labels.csv", index=False)
    ROWS.to_csv(tmp_path / "labels_xy.csv", index=False)
    return {"gpkg": (str(tmp_path / "labels.gpkg"), {}), "geojson": (tmp_path / "labels.geojson", {}),
            "csv": (str(tmp_path / "labels.csv"), {}), "csv_xy": (str(tmp_path / "labels_xy.csv"), {"crs": "EPSG:32631"}),
            "geojson_dict": (json.loads(ll.to_json()), {}), "dict": (ROWS.to_dict("list"), {})}


@pytest.mark.parametrize("form", ["gpkg", "geojson", "csv", "csv_xy", "geojson_dict", "dict"])
def test_a_year_column_outside_a_dataframe_pairs_rows_with_their_year(tmp_path, form):
    labels, kw = _forms(tmp_path)[form]
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # was: '2 pixels hold points with different labels'
        out = classify(CUBE, labels, k=1, **kw)
    names = np.asarray(out["class"].attrs["class_names"])
    cls = out["class"].values
    assert [[names[cls[t, 0, 0]], names[cls[t, 7, 9]]] for t in range(2)] == WANT
    pred = regress(CUBE, labels, method="knn", k=1, column="value", **kw).values
    np.testing.assert_array_equal(pred[:, [0, 7], [0, 9]], [[1.0, 2.0], [2.0, 1.0]])


def test_a_file_without_a_year_column_trains_every_year_on_every_row(tmp_path):
    labels = tmp_path / "labels.gpkg"
    g = gpd.GeoDataFrame(ROWS.iloc[:2].drop(columns=["x", "y", "Year"]),
                         geometry=gpd.points_from_xy(ROWS.x[:2], ROWS.y[:2]), crs="EPSG:32631")
    g.to_file(labels)
    out = classify(CUBE, str(labels), k=1)
    names = np.asarray(out["class"].attrs["class_names"])
    assert [[names[out["class"].values[t, 0, 0]], names[out["class"].values[t, 7, 9]]] for t in range(2)] == [WANT[0]] * 2
