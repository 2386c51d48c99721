"""The fixes named for places that are not what a door reads are fixes for what was given. GeoJSON whose coordinates
are metres but that has no `crs` member (read as RFC 7946's lon/lat) names `crs=`, which reads it (was: the
GeoDataFrame's "its CRS label is wrong (`crs=` is no fix ...) `gdf.set_crs(...)`", for a dict the user holds no
GeoDataFrame of, where crs= is the fix). A list of several Features given as one similarity query is named a list
(was: 'a GeoJSON FeatureCollection of 2 features: pass one, `fc['features'][0]`'). `sample` of shapes that are not
points names the fix of each kind: explode a GeometryCollection or MultiPoint, points along a line, `aggregate` for
polygons (was: 'for polygons use `aggregate(emb, zones)`' for a GeometryCollection and a LineString too)."""
import numpy as np
import pytest

from alphaearth_nb.core import DimensionError, LabelError, PointError, band_names
from alphaearth_nb.testing import embedding_from_array, random_unit

pyproj = pytest.importorskip("pyproj")
gpd = pytest.importorskip("geopandas")
from shapely.geometry import GeometryCollection, LineString, MultiPoint, Point, box   # noqa: E402 (geopandas needs it)

E = embedding_from_array(random_unit((5, 6), seed=4))   # 10 m pixels, EPSG:32631
X, Y = float(E.x[3]), float(E.y[2])


def _feature(a, b, **props):
    return {"type": "Feature", "properties": props, "geometry": {"type": "Point", "coordinates": [a, b]}}


def test_geojson_of_metres_without_a_crs_member_names_crs_which_reads_it():
    mx, my = pyproj.Transformer.from_crs(E.attrs["crs"], 3857, always_xy=True).transform([X, X + 10], [Y, Y])
    fc = {"type": "FeatureCollection", "features": [_feature(a, b, label=k) for a, b, k in zip(mx, my, (1, 2))]}
    for call in (lambda: E.aef.sample(fc), lambda: E.aef.classify(fc, k=1)):
        with pytest.raises(PointError, match="the GeoJSON's coordinates .*no `crs` member.*crs='EPSG:3857'") as e:
            call()
        assert "is no fix" not in str(e.value) and "set_crs" not in str(e.value)
    t = E.aef.sample(fc, crs="EPSG:3857")   # the fix named, as written: the points' own pixels
    assert t["inside"].all()
    np.testing.assert_allclose(t[band_names()].to_numpy(float), E.isel(y=2, x=[3, 4]).values, rtol=1e-6)


def test_several_features_in_a_list_are_named_a_list():
    lon, lat = pyproj.Transformer.from_crs(E.attrs["crs"], 4326, always_xy=True).transform(X, Y)
    features = [_feature(lon, lat), _feature(lon, lat)]
    with pytest.raises(DimensionError, match=r"got a list of 2 GeoJSON Features: pass one, `features\[0\]`.*"
                                             r"emb\.aef\.sample\(features\)"):
        E.aef.similarity(features)
    assert np.nanargmax(E.aef.similarity(features[0]).values) == 2 * 6 + 3   # the fix named, as written


@pytest.mark.parametrize("shape, said, unsaid", [
    (GeometryCollection([Point(X, Y)]), "one row per shape of a GeometryCollection, `gdf = gdf.explode", "polygons"),
    (MultiPoint([(X, Y)]), "one row per point, `gdf = gdf.explode(index_parts=False)`", "polygons"),
    (LineString([(X, Y), (X + 10, Y)]), "for lines, points along them", "polygons"),
    (box(X - 4, Y - 4, X + 4, Y + 4), "for polygons, `aef.cubes.aggregate(emb, zones)`", "explode"),
])
def test_sample_names_the_fix_of_each_kind_of_shape(shape, said, unsaid):
    gdf = gpd.GeoDataFrame(geometry=[shape], crs=E.attrs["crs"])
    with pytest.raises(LabelError, match="sampling needs points") as e:
        E.aef.sample(gdf)
    assert said in str(e.value) and unsaid not in str(e.value), str(e.value)
    if "explode" in said:   # the fix, as written, reads the point
        t = E.aef.sample(gdf.explode(index_parts=False))
        np.testing.assert_allclose(t[band_names()].to_numpy(float)[0], E.isel(y=2, x=3).values, rtol=1e-6)


def test_several_kinds_name_each_fix_once_in_one_order():
    from alphaearth_nb.points import not_points_fix
    assert not_points_fix(["Polygon", "MultiPoint", "MultiPolygon"]) == (
        "one row per point, `gdf = gdf.explode(index_parts=False)`; for polygons, `aef.cubes.aggregate(emb, zones)` (one vector "
        "per area)")
