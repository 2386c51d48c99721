"""One point given as a GeoJSON FeatureCollection of one Point feature (`gdf.__geo_interface__`, geojson.io's export,
`json.load` of a .geojson file) is that point at every door of one point: `similarity` (the maximum at its pixel,
the map of the same point given as (lon, lat)) and `sample`; at the antimeridian (field case B3) longitude -179.99975
is the column at 180.00025. The old spec's `crs` member (GDAL writes it, e.g. for a file in UTM) is honoured, or
refused where it names no CRS or disagrees with `crs=`; several features are refused naming how many and `sample`;
other shapes naming their type. Was: DimensionError 'a point dict needs keys 'lon' and 'lat' ... got ['features',
'type']', and `sample` read the member's metres as degrees (PointError)."""
import json

import numpy as np
import pytest

from alphaearth_nb.core import DimensionError, GridError
from alphaearth_nb.testing import embedding_from_array, random_unit

pyproj = pytest.importorskip("pyproj")
gpd = pytest.importorskip("geopandas")


def _feature(c, kind="Point"): return {"type": "Feature", "properties": {"name": "a"}, "geometry": {"type": kind, "coordinates": c}}
def _fc(*feats, **kw): return {"type": "FeatureCollection", **kw, "features": list(feats)}
def _utm(name="urn:ogc:def:crs:EPSG::32631"): return {"type": "name", "properties": {"name": name}}


@pytest.fixture(scope="module")
def emb():
    e = embedding_from_array(random_unit((6, 8), seed=4))
    x, y = float(e.x[3]), float(e.y[2])
    lon, lat = pyproj.Transformer.from_crs(e.attrs["crs"], 4326, always_xy=True).transform(x, y)
    return e, (x, y), (lon, lat)


def test_one_feature_collection_is_the_point(emb, tmp_path):
    e, (x, y), (lon, lat) = emb
    want = e.aef.similarity((lon, lat), crs="EPSG:4326").values
    gdf = gpd.GeoDataFrame({"name": ["a"]}, geometry=gpd.points_from_xy([x], [y]), crs=e.attrs["crs"])
    gdf.to_file(tmp_path / "p.geojson", driver="GeoJSON")   # GDAL writes the old `crs` member, coordinates in UTM
    loaded = json.loads((tmp_path / "p.geojson").read_text())
    assert "crs" in loaded and loaded["features"][0]["geometry"]["coordinates"][0] == pytest.approx(x)
    forms = {"dict": _fc(_feature([lon, lat])), "geo_interface": gdf.to_crs(4326).__geo_interface__,
             "utm member": _fc(_feature([x, y]), crs=_utm()), "file": loaded,
             "member on the geometry": _fc({"type": "Feature", "properties": {}, "geometry": {
                 "type": "Point", "coordinates": [x, y], "crs": _utm("EPSG:32631")}})}
    for name, q in forms.items():
        got = e.aef.similarity(q).values
        np.testing.assert_allclose(got, want, err_msg=name)
        assert np.unravel_index(np.nanargmax(got), got.shape) == (2, 3), name
        t = e.aef.sample(q)
        assert bool(t["inside"].iloc[0]), name
        np.testing.assert_allclose(t[[f"A{i:02d}" for i in range(64)]].to_numpy()[0], e.isel(y=2, x=3).values,
                                   rtol=1e-6, err_msg=name)
    # crs= agreeing with the member is fine; crs= alone applies to a FeatureCollection without one
    np.testing.assert_allclose(e.aef.similarity(forms["utm member"], crs="EPSG:32631").values, want)
    np.testing.assert_allclose(e.aef.similarity(_fc(_feature([x, y])), crs="EPSG:32631").values, want)


def test_feature_collection_at_the_antimeridian():   # field case B3-v17
    lat = np.array([10.00075, 10.00025, 9.99975, 9.99925])
    e = embedding_from_array(random_unit((4, 4), seed=9), {"y": lat, "x": np.array((179.99925, 179.99975, 180.00025, 180.00075))},
                             crs="EPSG:4326")
    s = e.aef.similarity(_fc(_feature([-179.99975, float(lat[1])]))).values
    assert int(np.nanargmax(s[1])) == 2 and int(np.nanargmax(s)) == 6


def test_several_or_no_features_refused(emb):
    e, _, (lon, lat) = emb
    with pytest.raises(DimensionError, match=r"FeatureCollection of 3 features.*fc\['features'\]\[0\].*sample"):
        e.aef.similarity(_fc(*[_feature([lon, lat])] * 3))
    with pytest.raises(DimensionError, match="FeatureCollection of 0 features.*holds no point"):
        e.aef.similarity(_fc())


@pytest.mark.parametrize("kind,c", [("Polygon", [[[0, 0], [1, 0], [1, 1], [0, 0]]]), ("MultiPoint", [[2.0, 45.0]]),
                                    ("LineString", [[0, 0], [1, 1]])])
def test_other_shapes_named(emb, kind, c):
    with pytest.raises(DimensionError, match=f"a point is needed, got a GeoJSON {kind}"):
        emb[0].aef.similarity(_fc(_feature(c, kind)))


def test_crs_member_never_ignored(emb):
    e, (x, y), _ = emb
    with pytest.raises(GridError, match=r"crs member says EPSG:32631.*`crs=` names another \(EPSG:32632\)"):
        e.aef.similarity(_fc(_feature([x, y]), crs=_utm()), crs="EPSG:32632")
    with pytest.raises(GridError, match="names no CRS"):   # a link to a .prj file: not read, so refused
        e.aef.similarity(_fc(_feature([x, y]), crs={"type": "link", "properties": {"href": "data.crs", "type": "proj4"}}))
    with pytest.raises(GridError, match="which is no CRS"):
        e.aef.similarity(_fc(_feature([x, y]), crs=_utm("urn:ogc:def:crs:EPSG::nonsense")))
    with pytest.raises(GridError, match="name 2 CRSs"):
        e.aef.similarity(_fc({"type": "Feature", "properties": {}, "crs": _utm("EPSG:32632"),
                              "geometry": {"type": "Point", "coordinates": [x, y]}}, crs=_utm()))
    with pytest.raises(GridError, match="EPSG:32632"):   # sample: the member beside another crs=
        e.aef.sample(_fc(_feature([x, y]), crs=_utm()), crs="EPSG:32632")
