"""A table's geometry column of GeoJSON text with the 2008 spec's `crs` member, as PostGIS 3's `ST_AsGeoJSON(geom)`
writes it by default where the SRID is not 4326 (options=8: '"crs":{"type":"name","properties":{"name":
"EPSG:32631"}}'; postgis.net/docs/ST_AsGeoJSON.html), is read in that CRS. Was (98398fb6): read as EPSG:4326 always,
so a UTM column's metres were degrees: PointError 'the GeoDataFrame says its CRS is EPSG:4326, but none of its 2
place(s) lies on the map ... set_crs' (the user gave a DataFrame, not a GeoDataFrame) (review44)."""
import json

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("geopandas")

from alphaearth_nb.core import band_names
from alphaearth_nb.places import read_geometries


def _cells(e, rows, cols, crs):
    member = {"crs": {"type": "name", "properties": {"name": crs}}} if crs else {}
    return [json.dumps({"type": "Point", **member, "coordinates": [float(e.x[c]), float(e.y[r])]})
            for r, c in zip(rows, cols)]


@pytest.mark.parametrize("name", ["EPSG:32631", "urn:ogc:def:crs:EPSG::32631"])   # options 2 (short), 4 (long)
def test_postgis_geojson_of_a_utm_column_is_read_in_utm(utm_emb, name):
    e = utm_emb(4)
    rows, cols = [1, 5, 9], [2, 7, 3]
    df = pd.DataFrame({"label": [1, 2, 1], "geometry": _cells(e, rows, cols, name)})
    g = read_geometries(df)
    assert g.crs.to_epsg() == 32631
    np.testing.assert_allclose(g.geometry.x, e.x.values[cols])
    got = e.aef.sample(df)[band_names()].to_numpy()
    np.testing.assert_allclose(got, e.values[rows, cols], atol=1e-6)


def test_lonlat_cells_without_a_member_are_lonlat_as_before():
    g = read_geometries(pd.DataFrame({"geometry": ['{"type": "Point", "coordinates": [5.0, 44.0]}']}))
    assert g.crs.to_epsg() == 4326 and g.geometry.x.tolist() == [5.0]
