"""A table's geometry column of GeoJSON text ('{"type": "Point", "coordinates": [lon, lat]}', as some tools' CSV
exports write it; a Feature of one too) is read as the same places given as a GeoDataFrame in lon/lat (RFC 7946):
`sample`, `classify`, `aggregate` of polygons, a one-row similarity query; a cell that is no GeoJSON geometry is a
`LabelError` naming its row. A 1-D numpy array of shapely geometries (`shapely.points(xy)`) is read as the list of
them. Was (queue s43 'layers'): 'the table has no lon/lat or x/y columns (has ['label', 'geometry'])', 'the label
table lacks columns ['x', 'y']', 'a similarity query holds text, not numbers', and 'cannot read places from
ndarray: pass (lon, lat) arrays, ...'."""
import json

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.analysis import classify, similarity
from alphaearth_nb.core import LabelError
from alphaearth_nb.cubes import aggregate
from alphaearth_nb.places import sample
from alphaearth_nb.testing import embedding_from_array, random_unit

gpd = pytest.importorskip("geopandas")
shapely = pytest.importorskip("shapely")


@pytest.fixture(scope="module")
def e():
    return embedding_from_array(random_unit((12, 12), seed=0))   # EPSG:32631, 10 m pixels


def _lonlat(e, rows, cols):
    "Lon/lat of the pixel centres (rows, cols) of map `e`: a GeoDataFrame in EPSG:4326 and its coordinates."
    g = gpd.GeoSeries(gpd.points_from_xy(e.x.values[cols], e.y.values[rows]), crs=e.attrs["crs"]).to_crs(4326)
    return g, g.x.to_numpy(), g.y.to_numpy()


def test_geojson_text_points(e):
    g, lon, lat = _lonlat(e, [2, 5, 9, 4], [1, 3, 8, 10])
    texts = [json.dumps({"type": "Point", "coordinates": [a, b]}) for a, b in zip(lon, lat)]
    texts[3] = json.dumps({"type": "Feature", "properties": {}, "geometry": json.loads(texts[3])})
    df = pd.DataFrame({"label": [1, 2, 1, 2], "geometry": texts})
    gdf = gpd.GeoDataFrame({"label": [1, 2, 1, 2]}, geometry=g.values, crs=4326)
    band = [f"A{i:02d}" for i in range(64)]
    np.testing.assert_allclose(sample(e, df)[band].to_numpy(float), sample(e, gdf)[band].to_numpy(float))
    np.testing.assert_array_equal(classify(e, df, k=1)["class"].values, classify(e, gdf, k=1)["class"].values)
    s = similarity(e, df.iloc[[1]][["geometry"]])
    assert np.unravel_index(int(np.nanargmax(s.values)), s.shape) == (5, 3)
    bad = df.assign(geometry=[texts[0], '{"type": "Point", "coordinates": "here"}', texts[2], texts[3]])
    with pytest.raises(LabelError, match=r"row 1 of the table's 'geometry' column is no GeoJSON geometry"):
        sample(e, bad)


def test_geojson_text_polygons(e):
    box = gpd.GeoSeries([shapely.box(float(e.x[0]), float(e.y[5]), float(e.x[4]), float(e.y[0]))],
                        crs=e.attrs["crs"]).to_crs(4326)
    df = pd.DataFrame({"zone": ["a"], "geometry": [shapely.to_geojson(box.iloc[0])]})
    want = aggregate(e, gpd.GeoDataFrame({"zone": ["a"]}, geometry=box.values, crs=4326))
    got = aggregate(e, df)
    band = [f"A{i:02d}" for i in range(64)]
    np.testing.assert_allclose(got[band].to_numpy(float), want[band].to_numpy(float))
    assert np.isfinite(got[band].to_numpy(float)).all()


def test_array_of_shapely_points(e):
    xs, ys = e.x.values[[1, 3, 8]], e.y.values[[2, 5, 9]]
    want = sample(e, (xs, ys))
    got = sample(e, shapely.points(np.c_[xs, ys]))
    np.testing.assert_allclose(got["A00"].to_numpy(float), want["A00"].to_numpy(float))
    assert got["inside"].all()
