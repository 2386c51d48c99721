"""similarity reads a point given as a GeoJSON Point (a geometry dict or a Feature of one: RFC 7946, lon/lat) or as
WKT text 'POINT (x y)' (its CRS by crs=, else the pair's rule) as the same point as (lon, lat): the maximum at its
pixel, the same map. Other shapes are named as no point. Was: DimensionError 'a point dict needs keys 'lon' and
'lat' ... got ['coordinates', 'type']' (GeoJSON) and 'a similarity query holds text, not numbers ... pass the 64
band values' (WKT)."""
import numpy as np
import pytest

from alphaearth_nb.core import DimensionError
from alphaearth_nb.testing import embedding_from_array, random_unit

pyproj = pytest.importorskip("pyproj")


def test_geojson_and_wkt_points_are_the_point():
    e = embedding_from_array(random_unit((6, 8), seed=4))
    lon, lat = pyproj.Transformer.from_crs(e.attrs["crs"], 4326, always_xy=True).transform(float(e.x[3]), float(e.y[2]))
    want = e.aef.similarity((lon, lat), crs="EPSG:4326").values
    point = {"type": "Point", "coordinates": [lon, lat]}
    for q, kw in ((point, {}), ({"type": "Feature", "properties": {"id": 1}, "geometry": point}, {}),
                  (f"POINT ({lon} {lat})", {"crs": "EPSG:4326"}), (f"POINT ({lon} {lat})", {}),
                  (f"point z ({float(e.x[3])} {float(e.y[2])} 12.5)", {"crs": e.attrs["crs"]})):
        got = e.aef.similarity(q, **kw).values
        np.testing.assert_allclose(got, want, err_msg=str(q))
        assert np.unravel_index(np.nanargmax(got), got.shape) == (2, 3)


@pytest.mark.parametrize("q", [{"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]},
                               {"type": "Feature", "properties": {}, "geometry": None},
                               "POLYGON ((0 0, 1 0, 1 1, 0 0))"])
def test_other_shapes_are_named_as_no_point(q):
    e = embedding_from_array(random_unit((6, 8), seed=4))
    with pytest.raises(DimensionError, match="a point is needed"):
        e.aef.similarity(q)
