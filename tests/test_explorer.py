"Tests of the live map's kernel side (alphaearth_nb.explorer), without a browser."
import importlib.util
import urllib.error
import urllib.request

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import LabelError, NoValidDataError, PointError
from alphaearth_nb.explorer import TILE, Explorer, query_rule, tile_server
from alphaearth_nb.testing import embedding_from_array, random_unit

pytestmark = pytest.mark.skipif(importlib.util.find_spec("ipyleaflet") is None,
                                reason="needs the maps extra (ipyleaflet)")


def test_broken_layer_answers_500_and_is_logged():
    srv = tile_server()
    srv.layers["broken"] = lambda z, x, y: 1 / 0
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(srv.url("broken").format(z=1, x=0, y=0))
    assert e.value.code == 500 and srv.log[-1][1] == 500


def test_year_picker_switches_the_embedding():
    a = np.stack([random_unit((8, 6), seed=s) for s in (1, 2)])
    cube = xr.concat([embedding_from_array(x) for x in a], dim="time").assign_coords(time=[2023, 2024])
    m = Explorer(cube, basemaps=False)
    assert len(m.year.options) == 2
    x, y = float(cube.x[2]), float(cube.y[3])
    m.click(x, y)
    np.testing.assert_allclose(m.query, a[0, 3, 2], atol=1e-6)
    m.year.value = 1                       # the panel's year picker
    m.slider.value = 0.99
    hits = m.hits                          # the 2024 pixels most like the 2023 query
    np.testing.assert_allclose(hits.similarity, a[1][hits.row, hits.col] @ a[0, 3, 2], atol=1e-5)


def test_clicks_outside_and_labels_need_a_name():
    emb = embedding_from_array(random_unit((5, 5)))
    m = Explorer(emb, basemaps=False)
    with pytest.raises(PointError, match="EPSG:4326"):      # off the map read either way (geo.point_crs): both named
        m.click(0.0, 0.0)
    with pytest.raises(NoValidDataError, match="click inside the data"):   # in the grid's CRS as said: no data there
        m.click(0.0, 0.0, crs=m.crs)
    with pytest.raises(LabelError, match="class name"):
        m.add_label(float(emb.x[0]), float(emb.y[0]), " ")
    with pytest.raises(LabelError, match="at least two classes"):
        m.add_label(float(emb.x[0]), float(emb.y[0]), "a"); m.classify()


def test_query_rule_is_mean_of_positives_minus_mean_of_negatives():
    p, n = random_unit((3,), seed=1), random_unit((2,), seed=2)
    q = query_rule(p, n)
    want = p.mean(0) - n.mean(0)
    np.testing.assert_allclose(q, want / np.linalg.norm(want), atol=1e-6)
    assert q.shape == (64,) and TILE == 256


def test_save_labels_keeps_an_existing_file(tmp_path):
    "Field case E1's kind: saving labels over an existing file (earlier labels, a user's file) needs overwrite."
    emb = embedding_from_array(random_unit((6, 5), seed=3))
    m = Explorer(emb, basemaps=False)
    m.add_label(float(emb.x[1]), float(emb.y[1]), "a")
    p = tmp_path / "labels.geojson"
    p.write_text("earlier labels")
    with pytest.raises(FileExistsError, match="overwrite=True"):
        m.save_labels(p)
    assert p.read_text() == "earlier labels"
    assert '"a"' in m.save_labels(p, overwrite=True).read_text()
    with pytest.raises(FileExistsError):
        m.save_labels(tmp_path)            # a folder: refused, not an IsADirectoryError
    assert list(tmp_path.iterdir()) == [p]  # nothing left beside it


def _utm60_across_180():
    "A 40 x 40 grid of 10 m pixels in UTM zone 60 S centred on lon 180, lat -17 (400 m = 0.00376 deg of longitude)."
    from alphaearth_nb.geo import to_crs
    x, y = to_crs([180.0], [-17.0], "EPSG:4326", "EPSG:32760")
    e = embedding_from_array(random_unit((40, 40), seed=23)).assign_coords(
        x=np.round(x[0]) - 195 + 10 * np.arange(40), y=np.round(y[0]) + 195 - 10 * np.arange(40))
    e.attrs["crs"] = "EPSG:32760"
    return e


def test_a_map_across_180_opens_on_it():
    # was: bounds -179.998 .. 179.998 (the globe), so the map opened at lon 0, zoom 1
    m = Explorer(_utm60_across_180(), basemaps=False)
    lat, lon = m.map.center
    assert abs(abs(lon) - 180) < 1e-3 and abs(lat + 17) < 1e-3
    assert m.map.zoom == 17            # floor(log2(900 / 0.00376)) by hand: the map's 400 m fill the screen
    s, w, n, e = m.sampler.lonlat_bounds()
    assert w > 179.99 and -180 < e < -179.99 and s < -17 < n   # west > east across 180 deg


def test_hits_of_a_polar_view_are_the_pixels_in_it():
    # EPSG:3031, a view lon -30..30, lat -70.5..-69.5: its edges bulge past its corners (y = r cos(lon)), so the
    # corners' box missed 564 of the 636 pixels in view
    from alphaearth_nb.geo import to_crs
    px = -1.2e6 + 20e3 * np.arange(120) + 10e3; py = 2.7e6 - 20e3 * np.arange(50) - 10e3
    emb = embedding_from_array(random_unit((50, 120), seed=25)).assign_coords(x=px, y=py); emb.attrs["crs"] = "EPSG:3031"
    m = Explorer(emb, basemaps=False)
    m.click(px[60], py[25]); m.slider.value = -1.0     # every pixel with data is a hit
    s, w, n, e = -70.5, -30.0, -69.5, 30.0
    m._on_bounds({"new": ((s, w), (n, e))})           # what the browser sends when the view moves
    got = set(zip(m.hits["row"].tolist(), m.hits["col"].tolist()))
    X, Y = np.meshgrid(px, py); lon, lat = to_crs(X.ravel(), Y.ravel(), "EPSG:3031", "EPSG:4326")
    inside = (lon >= w) & (lon <= e) & (lat >= s) & (lat <= n)
    want = set(zip(*(a.tolist() for a in np.unravel_index(np.nonzero(inside)[0], X.shape))))
    assert len(want) == 636 and want <= got


def _polar_grid(crs, lon, lat, n=100, res=20e3, seed=26):
    "An n x n grid of `res` m pixels in the polar CRS `crs`, centred on (lon, lat)."
    from alphaearth_nb.geo import to_crs
    x, y = to_crs([lon], [lat], "EPSG:4326", crs)
    e = embedding_from_array(random_unit((n, n), seed=seed)).assign_coords(
        x=x[0] + res * (np.arange(n) - (n - 1) / 2), y=y[0] - res * (np.arange(n) - (n - 1) / 2))
    e.attrs["crs"] = crs
    return e


@pytest.mark.parametrize("crs, lon, lat", [("EPSG:3031", 0.0, -90.0),     # 2,000 km round the South Pole
                                           ("EPSG:3413", -45.0, 87.0),    # over the North Pole, off its centre
                                           ("EPSG:3413", -40.0, 72.0),    # Greenland
                                           ("EPSG:3031", 60.0, -75.0)])   # East Antarctica
def test_a_polar_grid_opens_on_its_centre(crs, lon, lat):
    # the map opened at the middle of the lon/lat box: round a pole that is -180..180 (lon 0) and half way from the
    # box's far edge to the pole (lat -79.5 for the grid round the South Pole, 1,200 km from its centre)
    from alphaearth_nb.explorer import MERCATOR_LAT
    m = Explorer(_polar_grid(crs, lon, lat), basemaps=False)
    clat, clon = m.map.center
    assert abs(clat - np.clip(lat, -MERCATOR_LAT, MERCATOR_LAT)) < 1e-6   # Web Mercator ends at +-85.0511 deg
    if abs(lat) < 89: assert abs(clon - lon) < 1e-6
    s, w, n, e = m.sampler.lonlat_bounds()   # at the opening zoom the box is at most 2.5 tiles (640 px) both ways
    merc = lambda t: np.arcsinh(np.tan(np.radians(np.clip(t, -MERCATOR_LAT, MERCATOR_LAT))))
    assert 1 <= m.map.zoom and ((e - w) % 360 or 360) / 360 * 2 ** m.map.zoom <= 2.5 or m.map.zoom == 1
    assert (merc(n) - merc(s)) / (2 * np.pi) * 2 ** m.map.zoom <= 2.5 or m.map.zoom == 1


def test_a_click_zoomed_out_takes_the_pixel_the_tile_draws():
    # zoom 10 at 45 N: 108 m a screen pixel, 11 x 11 embedding pixels. The tile drew the nearest sample of a 2-strided
    # window from the tile's first row and column, and a click (at the screen pixel's north-west corner, as a
    # browser reports it) took the pixel under that corner: up to 11 pixels from the one drawn
    import math
    from alphaearth_nb.explorer import TileSampler, tile_lonlat
    e = embedding_from_array(np.tile(random_unit((61, 59), seed=27), (10, 11, 1))[:600, :600])  # 11 px: no repeat
    m = Explorer(e, basemaps=False, max_size=32)                  # hits (each click counts them): a few pixels
    z = 10; lat, lon = m.map.center; n = 2 ** z
    tx, ty = int((lon + 180) / 360 * n), int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
    v = TileSampler(e)(z, tx, ty)
    shown = np.isfinite(v).all(-1)
    assert shown.sum() > 500
    lo, la = tile_lonlat(z, tx, ty)                                 # the screen pixels' centres
    from alphaearth_nb.geo import to_crs
    xs, ys = to_crs(lo[shown], la[shown], "EPSG:4326", e.attrs["crs"])
    r, c, ok = m.sampler.rows_cols(xs, ys)
    assert ok.all()
    np.testing.assert_array_equal(v[shown], e.values[r, c])         # each tile pixel: the embedding pixel under it
    m.map.zoom = z
    rng = np.random.default_rng(0)
    for i, j in zip(*(a[rng.choice(shown.sum(), 12, replace=False)] for a in np.nonzero(shown))):
        world = 256 * n                                             # the click: the screen pixel's NW corner
        clon = (tx * 256 + j) / world * 360 - 180
        clat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * (ty * 256 + i) / world))))
        m._on_interaction(type="click", coordinates=(clat, clon))
        np.testing.assert_allclose(m.query, v[i, j] / np.linalg.norm(v[i, j]), atol=1e-6)

def test_automatic_threshold_keeps_pixels_as_similar_as_its_percentile():
    "The first click's threshold is the 95th percentile rounded down to 0.01: a uniform field covering"
    " a quarter of the map is all hits (was: the percentile rounded to 1.0, only the clicked pixel a hit)."
    a = random_unit((40, 40), seed=31)
    f = a[5, 5] + 0.005 * np.random.default_rng(0).standard_normal((20, 20, 64))   # a uniform field, 25% of the map
    a[:20, :20] = f / np.linalg.norm(f, axis=-1, keepdims=True)                      # (similarity 0.995 to 1)
    emb = embedding_from_array(a)
    m = Explorer(emb, basemaps=False)
    m.click(float(emb.x[3]), float(emb.y[7]))
    s = np.nan_to_num(a @ m.query, nan=-2)
    p = np.percentile(m._sample.astype(np.float64) @ m.query, 95)
    assert (s >= 0.99).sum() >= 400 and (s >= p).sum() >= 80
    assert len(m.hits) >= 400                      # every pixel of the field (0.995 to 1), so all those >= p
    assert m.threshold <= p and m.threshold == np.floor(m.threshold * 100 + 1e-9) / 100   # on the 0.01 grid
    assert f"{len(m.hits)}" in m.status.value


def test_threshold_readout_never_claims_more_than_the_filter_uses():
    "threshold=0.987 read 0.99 on the slider ('.2f' rounds up): the readout and status write what the filter uses."
    emb = embedding_from_array(random_unit((6, 6), seed=3))
    for given in (0.987, -0.98765, 0.1234567, 0.5):
        m = Explorer(emb, threshold=given, basemaps=False)
        shown = format(m.threshold, m.slider.readout_format)      # d3's '.Nf' writes as Python's does
        assert float(shown) <= m.threshold and m.threshold - float(shown) < 1e-9, (given, shown)
        assert 0 <= m.threshold - given < 1e-6                   # the user's threshold, raised past 6 decimals only
    assert format(Explorer(emb, threshold=0.987, basemaps=False).slider.value, ".3f") == "0.987"
    m.click(float(emb.x[2]), float(emb.y[2]))
    m.slider.value = 0.98765                                       # set in code: the readout widens to hold it
    assert m.slider.readout_format == ".5f" and "threshold 0.98765)" in m.status.value


def test_picture_writes_map_coordinates_in_full():
    "The static picture of a UTM map had '1e6' above its y axis (5.6186 .. 5.6200) and crowded x labels."
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    a = random_unit((150, 150), seed=5)
    emb = embedding_from_array(a).assign_coords(x=640_005.0 + 10 * np.arange(150), y=5_620_000.0 - 5 - 10 * np.arange(150))
    m = Explorer(emb, basemaps=False)
    fig = Figure(figsize=(6, 6)); ax = m.picture(ax=fig.subplots())
    canvas = FigureCanvasAgg(fig); canvas.draw(); r = canvas.get_renderer()
    assert ax.yaxis.get_offset_text().get_text() == "" and ax.xaxis.get_offset_text().get_text() == ""
    lo, hi = ax.get_xlim()
    boxes = sorted((b.x0, b.x1) for b in (t.get_window_extent(r) for t, v in zip(ax.get_xticklabels(), ax.get_xticks())
                                          if lo <= v <= hi and t.get_text()))
    assert len(boxes) >= 2 and all(a1 < b0 for (_, a1), (b0, _) in zip(boxes, boxes[1:]))


def test_a_cube_whose_first_year_is_empty_opens_on_the_first_year_with_data():
    """A cube whose 2022 is all NaN (a year not in the product): Explorer raised NoValidDataError when built. Right:
    it opens on 2023 (the picker says so) with a NoDataWarning naming 2022; picking 2022 later says it has no data in
    the panel and keeps 2023; a cube without data in any year still raises, naming its years."""
    from alphaearth_nb.core import NoDataWarning
    a = np.stack([random_unit((8, 6), seed=s) for s in (1, 2, 3)])
    cube = xr.concat([embedding_from_array(x) for x in a], dim="time").assign_coords(time=[2022, 2023, 2024])
    cube[0] = np.nan
    with pytest.warns(NoDataWarning, match="2022"):
        m = Explorer(cube, basemaps=False)
    assert m.year.value == 1
    m.click(float(cube.x[2]), float(cube.y[3]))
    np.testing.assert_allclose(m.query, a[1, 3, 2], atol=1e-6)
    m.year.value = 0                                 # the picker on the empty year: a message, 2023 kept
    assert "2022" in m.status.value and m.year.value == 1
    np.testing.assert_allclose(m.emb.values, cube[1].values)
    with pytest.raises(NoValidDataError, match="2022.*2024"):
        Explorer(cube * np.nan, basemaps=False)


def test_an_explorer_made_follows_a_tile_prefix_set_later(monkeypatch):
    """Its layers kept the URLs of the prefix when it was made: AEF_TILE_PREFIX set after (the repr's advice) changed
    the server's URLs but not the map's tiles (s56 r3 #4). Shown again, or refreshed, its layers take the new ones."""
    monkeypatch.delenv("AEF_TILE_PREFIX", raising=False)
    m = Explorer(embedding_from_array(random_unit((8, 6), seed=1)), basemaps=False)
    assert m.rgb_layer.url.startswith("http://")
    monkeypatch.setenv("AEF_TILE_PREFIX", "/user/me/proxy/{port}")
    m._repr_mimebundle_()   # shown again
    assert m.rgb_layer.url.startswith(f"/user/me/proxy/{m.server.port}/") and m.rgb_layer.url.endswith("?v=0")
    monkeypatch.setenv("AEF_TILE_PREFIX", "/other/{port}")
    m.refresh()
    assert m.rgb_layer.url.startswith(f"/other/{m.server.port}/") and m.rgb_layer.url.endswith("?v=1")
