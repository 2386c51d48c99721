"""A vector file whose layers with geometry are all empty but one is read by that one: a GPX of waypoints (GDAL
gives every GPX 5 layers: waypoints, routes, tracks, route_points, track_points), a GeoPackage beside an empty
layer. Was: LabelError 'w.gpx holds 5 layers of places, and which one is meant cannot be told: 'waypoints' (Point,
4 features), 'routes' (LineString, 0 features), ...', for every GPS waypoint file. Two layers that hold features
are still refused, naming them."""
import geopandas as gpd, numpy as np, pyproj, pytest, xarray as xr
import alphaearth_nb as aef
from alphaearth_nb.core import LabelError

PIX, LAB = [(0, 0), (2, 3), (5, 4), (3, 1)], ["forest", "crop", "water", "crop"]

def _emb():
    v = np.random.default_rng(3).normal(size=(6, 5, 64)).astype(np.float32)
    v /= np.linalg.norm(v, axis=-1, keepdims=True)
    return xr.DataArray(v, dims=("y", "x", "band"), coords={"y": np.arange(6)[::-1] * 10.0 + 5_000_005,
                        "x": np.arange(5) * 10.0 + 500_005, "band": aef.band_names()}, attrs={"crs": "EPSG:32631"})

def _lonlat(e):
    return pyproj.Transformer.from_crs(32631, 4326, always_xy=True).transform(
        [float(e.x[c]) for r, c in PIX], [float(e.y[r]) for r, c in PIX])

def _classes(e, labels, **kw):
    c = e.aef.classify(labels, k=1, **kw)["class"]
    return [c.attrs["class_names"][int(c.values[r, cc])] for r, cc in PIX]

def test_gpx_waypoints(tmp_path):
    e = _emb()
    lon, lat = _lonlat(e)
    wpt = "".join(f'<wpt lat="{b:.9f}" lon="{a:.9f}"><ele>120.5</ele><name>{l}</name></wpt>' for a, b, l in zip(lon, lat, LAB))
    p = tmp_path / "w.gpx"
    p.write_text(f'<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">{wpt}</gpx>')
    assert _classes(e, p, column="name") == LAB

def test_gpkg_beside_an_empty_layer(tmp_path):
    e = _emb()
    lon, lat = _lonlat(e)
    g = gpd.GeoDataFrame({"label": LAB}, geometry=gpd.points_from_xy(lon, lat), crs=4326)
    p = tmp_path / "two.gpkg"
    g.iloc[:0].to_file(p, layer="empty", driver="GPKG")
    g.to_file(p, layer="points", driver="GPKG")
    assert _classes(e, p) == LAB
    g.iloc[:1].to_file(p, layer="more", driver="GPKG")   # a second layer with features: which is meant?
    with pytest.raises(LabelError, match="'points' \\(Point, 4 features\\)"): e.aef.classify(p, k=1)
