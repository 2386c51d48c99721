"The explorer's hits download is RFC 7946 GeoJSON: WGS 84 lon/lat, no crs member, the grid's x/y kept as properties."
import importlib.util
import json

import numpy as np
import pytest

from alphaearth_nb.geo import to_crs
from alphaearth_nb.testing import embedding_from_array, random_unit

pytestmark = pytest.mark.skipif(importlib.util.find_spec("ipyleaflet") is None,
                                reason="needs the maps extra (ipyleaflet)")


def test_hits_geojson_is_lon_lat_without_a_crs_member():
    "It wrote UTM metres (500005, 4999995) with a `crs` member, which RFC 7946 readers take for degrees."
    from alphaearth_nb.explorer import Explorer
    emb = embedding_from_array(random_unit((6, 5), seed=3))   # EPSG:32631, 10 m
    m = Explorer(emb, basemaps=False)
    m.click(float(emb.x[2]), float(emb.y[3]), crs=m.crs)
    m.slider.value = -1.0                                  # every pixel a hit
    gj = json.loads(m.hits_geojson())
    assert "crs" not in gj and gj["type"] == "FeatureCollection" and len(gj["features"]) == 30
    hits = m.hits
    lon, lat = to_crs(hits.geometry.x.values, hits.geometry.y.values, "EPSG:32631", "EPSG:4326")
    got = np.array([f["geometry"]["coordinates"] for f in gj["features"]])
    np.testing.assert_allclose(got, np.c_[lon, lat], atol=1e-9)
    assert (np.abs(got[:, 0]) <= 180).all() and (np.abs(got[:, 1]) <= 90).all()
    props = gj["features"][0]["properties"]
    assert {"similarity", "row", "col", "x", "y"} <= set(props)
    assert (props["x"], props["y"]) == (float(emb.x[props["col"]]), float(emb.y[props["row"]]))   # the grid's own


def test_hits_geojson_wraps_a_lon_lat_map_past_180():
    "A lon/lat map stored as one span past 180 deg gives longitudes in [-180, 180] (RFC 7946 section 3.1.9)."
    from alphaearth_nb.explorer import Explorer
    from alphaearth_nb.spatial import grid_coords
    c = grid_coords(4, 4, x0=179.9998, y0=10.0, res=0.0001)
    emb = embedding_from_array(random_unit((4, 4), seed=4), coords=c, crs="EPSG:4326")
    m = Explorer(emb, basemaps=False)
    m.click(float(emb.x[3]), float(emb.y[0]), crs=m.crs)
    m.slider.value = -1.0
    got = np.array([f["geometry"]["coordinates"] for f in json.loads(m.hits_geojson())["features"]])
    assert len(got) == 16 and (got[:, 0] <= 180).all() and (got[:, 0] < 0).any(), got[:, 0]
