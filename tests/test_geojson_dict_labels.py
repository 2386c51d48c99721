"""classify and regress read labels given as a GeoJSON dict (a FeatureCollection or a Feature, RFC 7946 lon/lat,
the labels in its properties: what `json.load` of a .geojson file or a web map's drawing gives) as the GeoDataFrame
of the same features. Was: LabelError 'the label table lacks columns ['x', 'y', 'label'] (has ['type',
'features'])': the dict was read as a table of its keys (aggregate and sample read such a dict already)."""
import json

import numpy as np
import pytest

gpd = pytest.importorskip("geopandas")
shapely = pytest.importorskip("shapely")

from alphaearth_nb.testing import embedding_from_array, random_unit


def _fields(e):
    "Two fields (polygons) and two points, in lon/lat, with a class and a value each."
    x0, y0 = float(e.x[0]) - 5, float(e.y[0]) + 5
    shapes = [shapely.box(x0, y0 - 40, x0 + 40, y0), shapely.box(x0 + 50, y0 - 90, x0 + 90, y0 - 50),
              shapely.Point(float(e.x[7]), float(e.y[1])), shapely.Point(float(e.x[1]), float(e.y[8]))]
    return gpd.GeoDataFrame({"label": [1, 2, 1, 2], "value": [0.5, 1.5, 0.25, 2.0]}, geometry=shapes,
                            crs=e.attrs["crs"]).to_crs(4326)


def test_a_feature_collection_labels_as_its_geodataframe():
    e = embedding_from_array(random_unit((10, 10), seed=6))
    g = _fields(e)
    fc = json.loads(g.to_json())
    want = e.aef.classify(g, k=1)["class"].values
    np.testing.assert_array_equal(e.aef.classify(fc, k=1)["class"].values, want)
    assert set(np.unique(want)) == {1, 2}
    np.testing.assert_allclose(e.aef.regress(fc, column="value").values, e.aef.regress(g, column="value").values)
    one = fc["features"][0]   # a Feature alone: one field; with a point of the other class beside it
    two = {"type": "FeatureCollection", "features": [one, fc["features"][3]]}
    np.testing.assert_array_equal(e.aef.classify(two, k=1)["class"].values,
                                  e.aef.classify(g.iloc[[0, 3]], k=1)["class"].values)
