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

def test_aef_evaluate_reads_gpx_labels(tmp_path):
    """`aef evaluate --embeddings tile.tif --labels w.gpx --label-column name`: the waypoints' names are the labels.
    Was: exit 2, '--label-column name given with --embeddings tile.tif, a zarr store, would be read by nothing'
    (.gpx was no vector file to the command: its labels taken for a raster)."""
    import subprocess, sys, rasterio
    from rasterio.transform import from_origin
    rng = np.random.default_rng(4)
    cent = rng.normal(size=(3, 64))
    cls = np.zeros((12, 12), int); cls[:, 4:8] = 1; cls[:, 8:] = 2
    v = cent[cls] + 0.05 * rng.normal(size=(12, 12, 64))
    q = np.asarray(aef.quantize.quantize((v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32)))
    t = tmp_path / "tile.tif"
    with rasterio.open(t, "w", driver="GTiff", width=12, height=12, count=64, dtype="int8", crs="EPSG:32631",
                       transform=from_origin(500000, 5000120, 10, 10), nodata=-128) as d:
        for b in range(64): d.write(q[..., b], b + 1)
    rs, cs = (a.ravel() for a in np.meshgrid(np.arange(0, 12, 2), np.arange(1, 12, 2), indexing="ij"))
    lon, lat = pyproj.Transformer.from_crs(32631, 4326, always_xy=True).transform(500005 + 10 * cs, 5000115 - 10 * rs)
    names = np.array(["forest", "crop land", "water"])[cls[rs, cs]]
    p = tmp_path / "w.gpx"
    p.write_text('<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">'
                 + "".join(f'<wpt lat="{b:.9f}" lon="{a:.9f}"><name>{n}</name></wpt>' for a, b, n in zip(lon, lat, names)) + "</gpx>")
    r = subprocess.run([sys.executable, "-m", "alphaearth_nb.cli", "evaluate", "--embeddings", str(t), "--labels", str(p),
                        "--label-column", "name", "--shots", "1"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-600:]
    import re
    assert re.search(r"knn1\s+\d+\s+1\s+100\.0%", r.stdout), r.stdout[-600:]   # 1-shot knn1: every waypoint right
