"Zones, labels and points as a GeoJSON dict, shapely geometries or WKT text, each read with its CRS (or refused)."
import json

import numpy as np
import pytest

from alphaearth_nb.core import GridError, LabelError
from alphaearth_nb.cubes import aggregate, label_table
from alphaearth_nb.places import sample
from alphaearth_nb.testing import embedding_from_array, random_unit

gpd = pytest.importorskip("geopandas")
from shapely.geometry import Point, box  # noqa: E402


def _setup():
    e = embedding_from_array(random_unit((4, 4), seed=4)); x, y = e.x.values, e.y.values
    return e, x, y, box(x[0] - 5, y[1] - 5, x[1] + 5, y[0] + 5)             # the 2 x 2 pixels top left


def test_a_geojson_dict_is_lonlat_as_rfc7946_writes_it():
    "A FeatureCollection dict (what `gdf.to_json()` or a web map hands over) raised LabelError 'cannot read places "
    "from dict' from aggregate and label_table, and sample read its keys as a table ('no lon/lat or x/y columns')."
    e, x, y, tl = _setup()
    fc = json.loads(gpd.GeoDataFrame({"label": ["f1"]}, geometry=[tl], crs="EPSG:32631").to_crs(4326).to_json())
    want = aggregate(e, gpd.GeoDataFrame({"label": ["f1"]}, geometry=[tl], crs="EPSG:32631"))
    for zones in (fc, fc["features"][0], fc["features"][0]["geometry"]):   # a collection, a Feature, a geometry
        res = aggregate(e, zones)
        assert res["n_pixels"].tolist() == [4]
        np.testing.assert_allclose(res.filter(like="A").to_numpy(float), want.filter(like="A").to_numpy(float), atol=1e-6)
    assert aggregate(e, fc)["label"].tolist() == ["f1"]
    assert len(label_table(e, fc)) == 4
    pts = json.loads(gpd.GeoDataFrame({"id": [5, 6]}, geometry=[Point(x[1], y[1]), Point(x[3], y[0])],
                                      crs="EPSG:32631").to_crs(4326).to_json())
    s = sample(e, pts)
    assert s["id"].tolist() == [5, 6] and s["inside"].all()
    np.testing.assert_array_equal(s.filter(like="A").to_numpy()[1], e.values[0, 3])


def test_shapely_geometries_and_wkt_need_their_crs():
    "A shapely Polygon, a list of them or WKT text raised LabelError 'cannot read places from Polygon' / 'no vector "
    "file at POLYGON ((...)): check the path'; a list of shapely Points raised TypeError from numpy."
    e, x, y, tl = _setup()
    for zones in (tl, [tl, tl], tl.wkt):
        assert aggregate(e, zones, crs="EPSG:32631")["n_pixels"].tolist() == [4] * (2 if isinstance(zones, list) else 1)
        with pytest.raises(GridError, match="does not say its CRS: pass it, `crs="):
            aggregate(e, zones)
    with pytest.raises(LabelError, match="cannot read the WKT text"):
        aggregate(e, "POLYGON ((1 2, 3", crs="EPSG:32631")
    s = sample(e, [Point(x[1], y[2]), Point(x[3], y[3]), Point(x[0], y[0])], crs="EPSG:32631")
    assert s["inside"].all()
    np.testing.assert_array_equal(s.filter(like="A").to_numpy()[0], e.values[2, 1])
    s = sample(e, Point(x[2], y[1]).wkt, crs="EPSG:32631")
    np.testing.assert_array_equal(s.filter(like="A").to_numpy()[0], e.values[1, 2])
