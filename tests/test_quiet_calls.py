"""The package's calls that once ran under `warnings.catch_warnings` (process-wide before Python 3.14: a thread's
filters meanwhile are lost, and the user's own filters are hidden while it runs) now warn nothing of their own, by a
call that does not warn, and leave the user's filters in force around them. Each: the result as before, under the
user's `simplefilter('error', ...)`, and the filter list as it was."""
import inspect
import json
import warnings

import numpy as np
import pandas as pd
import pyproj
import pytest

from alphaearth_nb import evaluate_cmd, exports, geo, geometries, map_cmd, official
from alphaearth_nb.core import LabelWarning
from alphaearth_nb.testing import embedding_from_array, random_unit


def _strict(f, category=Warning, kept=True):
    """f() with `category` an error, as a user's `simplefilter('error', category)`; the filters unchanged by it
    (`kept`; mosaic keeps its one fixed filter of rasterio's spurious message first, by design)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", category)
        before = list(warnings.filters)
        out = f()
        assert not kept or warnings.filters == before
    return out


@pytest.mark.parametrize("mod", [evaluate_cmd, exports, geo, geometries, official, map_cmd])
def test_no_catch_warnings(mod):
    assert "warnings.catch_warnings(" not in inspect.getsource(mod)   # plain or record=True


@pytest.fixture(scope="module")
def utm_map():   # a 10 m UTM 31N map near 45 N, 3 E
    return embedding_from_array(random_unit((8, 8), seed=4))


def _lonlat(m, rc):
    t = pyproj.Transformer.from_crs(m.attrs["crs"], "EPSG:4326", always_xy=True)
    return t.transform([float(m.x[c]) for _, c in rc], [float(m.y[r]) for r, _ in rc])


def test_crs_guess_reads_lon_lat_given_as_map_metres_warning_nothing(utm_map):
    lon, lat = _lonlat(utm_map, [(0, 0), (3, 4), (7, 2)])   # pixel centres, as lon/lat, read in the map's metres
    assert _strict(lambda: geo.crs_guess(utm_map, lon, lat)) == ("crs", "EPSG:4326")
    # far off every reading (pyproj's inf where a reading cannot place them): no guess, and no warning
    assert _strict(lambda: geo.crs_guess(utm_map, [1e30, -1e30], [1e30, 89.9999])) is None


def test_crs_guess_keeps_the_users_filter_around_its_probe(utm_map, monkeypatch):
    # a warning from within the probe's transform reaches the user's own filter (was: ignored by the probe's
    # `catch_warnings`, whatever the user had set)
    real = geo.to_crs

    def warning_to_crs(*a, **k):
        warnings.warn("said inside the probe", UserWarning)
        return real(*a, **k)

    monkeypatch.setattr(geo, "to_crs", warning_to_crs)
    lon, lat = _lonlat(utm_map, [(1, 1)])
    with pytest.raises(UserWarning, match="said inside the probe"):
        _strict(lambda: geo.crs_guess(utm_map, lon, lat), UserWarning)


def _said(f, strict=RuntimeWarning):
    "f() with `strict` an error (the user's filter) and every other warning recorded: (result, messages said)."
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        warnings.simplefilter("error", strict)
        out = f()
    return out, [str(m.message) for m in w]


def _square_file(tmp_path, closed, name):   # two squares on a 10 m UTM 31N grid; the first ring open unless `closed`
    def square(x, y, close, d=60.0):
        ring = [[x, y], [x + d, y], [x + d, y - d], [x, y - d]]
        return {"type": "Polygon", "coordinates": [ring + [ring[0]] if close else ring]}
    feats = [{"type": "Feature", "properties": {"label": lab}, "geometry": square(500_000.0 + dx, 4_999_980.0, c)}
             for lab, dx, c in (("crop", 20, closed), ("forest", 120, True))]
    p = tmp_path / name
    p.write_text(json.dumps({"type": "FeatureCollection", "features": feats,
                             "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32631"}}}))
    return p


def test_open_geojson_rings_are_closed_before_gdal_reads_them(tmp_path):
    # GDAL's RuntimeWarning 'Non closed ring detected' is never given (the rings are closed before it reads them), so
    # nothing need be filtered; ours is said, and the shapes are the closed file's
    got, said = _said(lambda: geometries.read_geometries(_square_file(tmp_path, False, "open.geojson")))
    assert any("open.geojson holds polygon rings that are not closed" in m for m in said), said
    assert not any("Non closed ring" in m for m in said), said
    want, said = _said(lambda: geometries.read_geometries(_square_file(tmp_path, True, "closed.geojson")))
    assert not said and got.crs == want.crs and list(got["label"]) == ["crop", "forest"]
    assert got.geometry.geom_equals_exact(want.geometry, 0.0).all()
    assert got.geometry.iloc[0].exterior.coords[0] == got.geometry.iloc[0].exterior.coords[-1] == (500_020.0, 4_999_980.0)


def test_gdals_warning_of_another_format_reaches_the_users_filter(tmp_path):
    # KML's open ring is known only once GDAL reads it, and GDAL says so (pyogrio's RuntimeWarning, from a C callback:
    # an 'error' filter of it is printed as unraisable, not raised): the user's own filter of it holds, here recording
    # it (was: ignored by a `catch_warnings` around the read, whatever the user had set)
    p = tmp_path / "open.kml"
    p.write_text('<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
                 "<Placemark><name>crop</name><Polygon><outerBoundaryIs><LinearRing><coordinates>3.0,45.0 3.001,45.0 "
                 "3.001,44.999 3.0,44.999</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>"
                 "</Document></kml>")
    with warnings.catch_warnings(record=True) as w:   # the user's own filter: every warning recorded
        warnings.simplefilter("always")
        g = geometries.read_geometries(p)
    said = [str(m.message) for m in w]
    assert any(m.startswith("Non closed ring detected") for m in said), said                  # GDAL's, pyogrio's
    assert any("open.kml holds polygon rings that are not closed" in m for m in said), said   # ours, after it
    ring = g.geometry.iloc[0].exterior.coords
    assert len(ring) == 5 and ring[0] == ring[-1] == (3.0, 45.0)


def _zone_cube(crs, lon, lat, band, half=2000.0, res=40.0):
    "A float cube (1, y, x, 64) in `crs` holding unit vector e_band everywhere, `half` metres round lon/lat (numpy)."
    import pandas as pd
    import xarray as xr
    from alphaearth_nb.core import band_names
    x0, y0 = pyproj.Transformer.from_crs("EPSG:4326", crs, always_xy=True).transform(lon, lat)
    n = int(2 * half / res)
    v = np.zeros((1, n, n, 64), np.float32)
    v[..., band] = 1
    return xr.DataArray(v, dims=("time", "y", "x", "band"),
                        coords={"time": pd.to_datetime(["2024-01-01"]), "band": band_names(),
                                "y": y0 + half - res * (np.arange(n) + 0.5), "x": x0 - half + res * (np.arange(n) + 0.5)},
                        attrs={"crs": crs})


def _lonlat_box(lon, lat):
    from odc.geo.geobox import GeoBox
    from odc.geo.geom import BoundingBox
    return GeoBox.from_bbox(BoundingBox(lon - 0.01, lat - 0.005, lon + 0.01, lat + 0.005, "EPSG:4326"), "EPSG:4326",
                            resolution=0.001)


def test_the_frame_at_180_is_proj_strings_twin_and_warns_nothing():
    pytest.importorskip("odc.geo")
    from alphaearth_nb.spatial import as_crs
    for code, datum in (("EPSG:4326", "WGS84"), ("EPSG:4269", "NAD83")):
        twin = _strict(lambda: official._pm180(as_crs(code)), UserWarning)
        assert twin == pyproj.CRS(f"+proj=longlat +datum={datum} +pm=180 +no_defs")   # PROJ's own twin, by hand
        assert twin.prime_meridian.longitude == 180.0 and twin.is_geographic
    gb, shift = _strict(lambda: official._frame(_lonlat_box(180.0, -17.0)), UserWarning)   # odc-geo's own
    # PendingDeprecationWarning (affine's `*`) aside
    assert shift == 180.0 and tuple(gb.boundingbox)[:4] == pytest.approx((-0.01, -17.005, 0.01, -16.995))


def test_a_mosaic_across_180_warns_nothing_and_keeps_the_users_filter(monkeypatch):
    # UTM 60S (band 0) and 1S (band 1) meet at 180 deg: a lon/lat output takes each pixel from the zone it lies in
    pytest.importorskip("odc.geo")
    import odc.geo.xr
    cubes = [_zone_cube("EPSG:32701", 180.0, -17.0, 1), _zone_cube("EPSG:32760", 180.0, -17.0, 0)]
    m = _strict(lambda: official.mosaic(cubes, _lonlat_box(180.0, -17.0), "nearest"), UserWarning, kept=False)
    m = m.isel(time=0).values
    x = 179.99 + 0.001 * (np.arange(20) + 0.5)   # the 20 pixel centres; west of 180 zone 60S's, east of it 1S's
    assert m.shape[:2] == (10, 20) and (np.argmax(m, -1) == np.where(x < 180.0, 0, 1)[None, :]).all()
    real = odc.geo.xr.xr_reproject

    def warning_reproject(*a, **k):
        warnings.warn("said inside the warp", UserWarning)
        return real(*a, **k)

    monkeypatch.setattr(odc.geo.xr, "xr_reproject", warning_reproject)   # was: ignored by mosaic's catch_warnings
    with pytest.raises(UserWarning, match="said inside the warp"):
        _strict(lambda: official.mosaic(cubes, _lonlat_box(180.0, -17.0), "nearest"), UserWarning, kept=False)


@pytest.mark.parametrize("bottom_up", [False, True])
def test_cog_overviews_are_written_warning_nothing(tmp_path, bottom_up):
    # 64 x 64 pixels: the west half e_0, the east half e_1, a NaN square 8 x 8 at the north-west corner; blocksize 16
    # gives overviews at 2 and 4 (32 and 16 pixels a side), each the renormalised block mean: e_0 west, e_1 east,
    # no data where the whole block is NaN
    rasterio = pytest.importorskip("rasterio")
    from alphaearth_nb.testing import embedding_from_array
    v = np.zeros((64, 64, 64), np.float32)
    v[:, :32, 0] = 1.0
    v[:, 32:, 1] = 1.0
    v[:8, :8] = np.nan
    p = _strict(lambda: exports.to_cog(embedding_from_array(v), tmp_path / "e.tif", blocksize=16, bottom_up=bottom_up),
                UserWarning)
    for level, f in enumerate((2, 4)):
        with rasterio.open(p, OVERVIEW_LEVEL=level) as ov:
            codes = ov.read()   # (64, rows, cols) in file order: north first, or south with bottom_up
        n = 64 // f
        assert codes.shape == (64, n, n)
        empty = np.zeros((n, n), bool)
        empty[:8 // f, :8 // f] = True
        empty = empty[::-1] if bottom_up else empty
        assert (codes[:, empty] == -128).all() and (codes[:, ~empty] != -128).all()
        want = np.where(np.arange(n) < n // 2, 0, 1)
        assert (np.argmax(codes, 0)[~empty] == np.broadcast_to(want, (n, n))[~empty]).all()


def test_cog_overviews_keep_the_users_filter(tmp_path, monkeypatch):
    pytest.importorskip("rasterio")
    from alphaearth_nb.testing import embedding_from_array, random_unit
    from rasterio.errors import NotGeoreferencedWarning
    real = exports.block_mean_direction

    def warning_mean(*a, **k):
        warnings.warn("said inside the overview", NotGeoreferencedWarning)
        return real(*a, **k)

    monkeypatch.setattr(exports, "block_mean_direction", warning_mean)   # was: ignored by the overview's filter
    with pytest.raises(NotGeoreferencedWarning, match="said inside the overview"):
        _strict(lambda: exports.to_cog(embedding_from_array(random_unit((32, 32), seed=1)), tmp_path / "e.tif",
                                       blocksize=16), NotGeoreferencedWarning)


FILL = "looks like a no-data code"


def _fill_map_and_fields():
    "A 6 x 6 map whose rows of pixels are classes 255 (the first) and 1..5, and 6 polygons, one a row of pixels."
    gpd = pytest.importorskip("geopandas")
    from shapely.geometry import box
    from alphaearth_nb.testing import embedding_from_array
    ids = np.repeat(np.arange(6), 6).reshape(6, 6)
    v = random_unit((6,), seed=5)[ids] + 0.05 * np.random.default_rng(0).normal(size=(6, 6, 64))
    e = embedding_from_array((v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32))
    xs, ys = e.x.values, e.y.values
    half = abs(float(xs[1] - xs[0])) / 2
    rows = [box(xs.min() - half + 1, y - half + 1, xs.max() + half - 1, y + half - 1) for y in ys]
    return e, gpd.GeoDataFrame({"label": [255, 1, 2, 3, 4, 5]}, geometry=rows, crs="EPSG:32631")


def test_training_set_and_evaluate_leave_fill_ids_to_a_caller_that_says_them():
    from alphaearth_nb import evaluate
    from alphaearth_nb.analysis import training_set
    e, fields = _fill_map_and_fields()
    with pytest.warns(LabelWarning, match="255 holds 6 of 36 labelled pixels"):   # said by default, as before
        x, y = training_set(e, fields)
    qx, qy = _strict(lambda: training_set(e, fields, warn_fills=False), UserWarning)   # the caller says them
    np.testing.assert_array_equal(qx, x)
    np.testing.assert_array_equal(qy, y)
    assert len(y) == 36 and (y == 255).sum() == 6
    with pytest.warns(LabelWarning, match="255 holds 6 of 36"):
        want = evaluate.evaluate_embeddings(x, y, shots=(1,), folds=3)
    got = _strict(lambda: evaluate.evaluate_embeddings(x, y, shots=(1,), folds=3, warn_fills=False), UserWarning)
    pd.testing.assert_frame_equal(got, want)


def test_aef_evaluate_says_a_vector_files_fill_ids_once_to_the_users_filter(tmp_path):
    from alphaearth_nb.cli import main
    from alphaearth_nb.files import writing_folder
    e, fields = _fill_map_and_fields()
    ds = e.to_dataset(name="embedding").assign_coords(band=e.band.astype(object))
    with writing_folder(tmp_path / "emb.zarr", what="embedding store", meta={"kind": "embedding"}) as tmp:
        ds.to_zarr(tmp, mode="w", consolidated=False)
    fields.to_file(src := tmp_path / "fields.geojson")
    with warnings.catch_warnings(record=True) as w:   # the user's own filter: every warning recorded
        warnings.simplefilter("always")
        assert main(["evaluate", "--embeddings", str(tmp_path / "emb.zarr"), "--labels", str(src),
                     "--shots", "1", "--folds", "2", "--spacing", "0"]) == 0   # every pixel of the small map
    said = [str(m.message) for m in w if FILL in str(m.message)]
    assert len(said) == 1 and f"drop the features whose 'label' is 255 from {src}" in said[0], said
