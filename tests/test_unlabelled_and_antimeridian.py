"""One rule for the unlabelled cells of a label raster (points_at, classify and regress agree), and geometries and
clicks in longitude moved by whole turns onto a grid stored across the antimeridian (zones, polygon labels, explorer)."""
import importlib.util

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.analysis import classify, label_points, regress
from alphaearth_nb.cubes import aggregate, label_table
from alphaearth_nb.evaluate import points_at
from alphaearth_nb.labels import labelled_cells
from alphaearth_nb.testing import embedding_from_array, random_unit

gpd = pytest.importorskip("geopandas")
from shapely.geometry import MultiPolygon, box  # noqa: E402


# --- unlabelled cells: one rule -----------------------------------------------------------------------------------

@pytest.fixture
def e23():
    return embedding_from_array(random_unit((2, 3), seed=0))


def _raster(e, a, **attrs):
    return xr.DataArray(np.asarray(a), dims=("y", "x"), coords={"y": e.y, "x": e.x}, attrs=attrs)


def test_points_at_honours_a_declared_nodata_on_a_text_raster(e23):  # C-1
    lab = _raster(e23, [[1, 2, 0], [1, 2, 0]], nodata=0)
    X, y = points_at(e23, lab.astype(str).assign_attrs(nodata=0))
    assert y.tolist() == [1, 2, 1, 2]          # the '0' cells are the declared fill; id text read as classify reads it
    np.testing.assert_allclose(X, e23.values[:, :2].reshape(4, -1), atol=1e-6)
    assert sorted(np.unique(classify(e23, lab.astype(str).assign_attrs(nodata=0), k=1)["class"].values)) == [1, 2]


def test_minus_one_is_unlabelled_for_points_at_as_for_classify(e23):  # C-2
    m1 = _raster(e23, [[1, 2, -1], [1, 2, -1]])                               # a class map saved without attrs
    X, y = points_at(e23, m1)
    assert y.tolist() == [1, 2, 1, 2]
    np.testing.assert_allclose(X, e23.values[:, :2].reshape(4, -1), atol=1e-6)
    assert sorted(np.unique(classify(e23, m1, k=1)["class"].values)) == [1, 2]
    assert points_at(e23, m1, positive=False)[1].tolist() == [1, 2, -1, 1, 2, -1]   # a value raster keeps -1


@pytest.mark.parametrize("name,cells,attrs,want", [
    ("int fill", [[1, 2, 0], [-1, 2, 3]], {"nodata": 0}, [[1, 1, 0], [0, 1, 1]]),
    ("text fill", [["1", "2", "0"], ["-1", "2", "3"]], {"nodata": 0}, [[1, 1, 0], [0, 1, 1]]),
    ("float NaN", [[1.0, np.nan, 2.0], [-1.0, 2.0, 9.0]], {"_FillValue": 9.0}, [[1, 0, 1], [0, 1, 0]]),
    ("objects", np.array([[1, None, ""], [" 2 ", -1, "3"]], object), {}, [[1, 0, 0], [1, 0, 1]]),
])
def test_every_reader_takes_the_same_cells(e23, name, cells, attrs, want):
    lab = _raster(e23, cells, **attrs)
    assert labelled_cells(lab).astype(int).tolist() == want, name             # worked by hand
    _, y = points_at(e23, lab)
    xs, ys, v = label_points(lab)
    r, c = np.nonzero(np.array(want, bool))
    assert len(y) == len(v) == len(r), name
    np.testing.assert_allclose(xs, e23.x.values[c]); np.testing.assert_allclose(ys, e23.y.values[r])
    assert [str(int(float(str(a).strip()))) for a in y] == [str(int(b)) for b in v], name


def test_regress_keeps_negative_values_but_not_the_fill(e23):
    t = _raster(e23, [[-2.5, 1.0, -9999.0], [0.5, -1.0, np.nan]], _FillValue=-9999.0)
    assert labelled_cells(t, positive=False).astype(int).tolist() == [[1, 1, 0], [1, 1, 0]]
    pred = regress(e23, t, method="knn", k=1)                                 # each labelled pixel its own value
    np.testing.assert_allclose(pred.values[[0, 0, 1, 1], [0, 1, 0, 1]], [-2.5, 1.0, 0.5, -1.0], atol=1e-6)


# --- across the antimeridian ---------------------------------------------------------------------------------------

LAT = 10.0 + np.array([0.00075, 0.00025, -0.00025, -0.00075])
EAST = np.array([179.99925, 179.99975, 180.00025, 180.00075])   # what xee gives for a region over 180


def _grid(xs):
    return embedding_from_array(random_unit((4, 4), seed=14), coords={"y": LAT, "x": xs}, crs="EPSG:4326")


def _zones(shift=0.0):
    "Zone 5 covers pixel (row 1, col 2) only, zone 6 the four pixels of rows 2..3, cols 0..1 (worked by hand)."
    return gpd.GeoDataFrame({"label": [5, 6]}, crs="EPSG:4326", geometry=[
        box(-180.0 + shift, 9.9999, -179.9995 + shift, 10.0005),       # column 2 (centre 180.00025 = -179.99975)
        box(179.9990 + shift, 9.9990, 179.9999 + shift, 9.9999)])      # columns 0..1, rows 2..3


@pytest.mark.parametrize("grid_shift,zone_shift", [(0.0, 0.0), (-360.0, 0.0), (0.0, 360.0), (-360.0, -360.0)])
def test_zones_are_moved_by_whole_turns(grid_shift, zone_shift):
    g = _grid(EAST + grid_shift)                        # the grid over 180, or its mirror -180.00075..-179.99925
    agg = aggregate(g, _zones(zone_shift))
    assert agg.n_pixels.tolist() == [1, 4]
    np.testing.assert_allclose(agg.loc[0, [f"A{i:02d}" for i in range(64)]].to_numpy(float), g.values[1, 2],
                               atol=1e-6)


def test_a_zone_split_at_180_is_whole_again():
    g = _grid(EAST)
    split = gpd.GeoDataFrame({"label": [7]}, crs="EPSG:4326", geometry=[MultiPolygon([
        box(179.9995, 9.9990, 180.0, 10.0010), box(-180.0, 9.9990, -179.9990, 10.0010)])])   # cols 1..3, all rows
    assert aggregate(g, split).n_pixels.tolist() == [12]


@pytest.mark.parametrize("polygons", ["rasterize", "sample"])
def test_polygon_labels_across_the_antimeridian(polygons):
    g = _grid(EAST)
    t = label_table(g, _zones(), polygons=polygons).sort_values(["label", "y", "x"], ascending=[True, False, True])
    assert t.label.tolist() == [5, 6, 6, 6, 6]
    np.testing.assert_allclose(t.x, [180.00025, 179.99925, 179.99975, 179.99925, 179.99975])
    np.testing.assert_allclose(t.y, LAT[[1, 2, 2, 3, 3]])
    cls = classify(g, _zones(), k=1, polygons=polygons)["class"].values
    assert cls[1, 2] == 5 and (cls[2:, :2] == 6).all()   # each labelled pixel is its own nearest neighbour


@pytest.mark.skipif(importlib.util.find_spec("ipyleaflet") is None, reason="needs the maps extra (ipyleaflet)")
@pytest.mark.parametrize("grid_shift,lon", [(0.0, -179.99975), (-360.0, 180.00025)])
def test_explorer_click_across_the_antimeridian(grid_shift, lon):
    from alphaearth_nb.explorer import Explorer
    g = _grid(EAST + grid_shift)
    m = Explorer(g, basemaps=False)
    m.click(lon, LAT[1])
    np.testing.assert_allclose(m.positives[0][2], g.values[1, 2], atol=1e-6)
    m._on_interaction(type="click", coordinates=(LAT[2], lon))   # the leaflet click, lat first, in -180..180
    np.testing.assert_allclose(m.positives[0][2], g.values[2, 2], atol=1e-6)


@pytest.mark.skipif(importlib.util.find_spec("ipyleaflet") is None, reason="needs the maps extra (ipyleaflet)")
@pytest.mark.parametrize("grid_shift", [0.0, -360.0])
@pytest.mark.parametrize("west,east,cols", [
    (179.9, 179.9998, [0, 1]),             # a view reaching west of the grid: its western columns
    (-179.9999, -179.9, [2, 3]),           # the columns east of 180, as leaflet writes them
    (179.9, 180.1, [0, 1, 2, 3]),          # the whole grid, the view written over 180
    (-180.1, -179.9, [0, 1, 2, 3]),        # the whole grid, the view written in -180 form
])
def test_explorer_view_across_the_antimeridian(grid_shift, west, east, cols):
    from alphaearth_nb.explorer import Explorer
    g = _grid(EAST + grid_shift)
    m = Explorer(g, basemaps=False)
    m.click(float(g.x[0]), float(g.y[0]))
    m.slider.value = -1.0                                         # every pixel in view is a hit
    m._on_bounds({"new": ((9.99, west), (10.01, east))})          # leaflet's ((south, west), (north, east))
    assert sorted(set(m.hits.col.tolist())) == cols and sorted(set(m.hits.row.tolist())) == [0, 1, 2, 3]


def test_h3_zones_across_the_antimeridian():
    h3 = pytest.importorskip("h3")
    n = 40
    def grid(x0):
        xs, ys = x0 + 0.001 * np.arange(n) + 0.0005, 10.02 - 0.001 * np.arange(n) - 0.0005
        return embedding_from_array(random_unit((n, n), seed=1), coords={"y": ys, "x": xs}, crs="EPSG:4326")
    east, west = aggregate(grid(179.98), h3=8), aggregate(grid(-180.02), h3=8)   # one place, stored two ways
    assert east.h3.tolist() == west.h3.tolist() and east.n_pixels.tolist() == west.n_pixels.tolist()
    b = east.geometry.bounds
    assert ((b.maxx - b.minx) < 0.05).all()                     # no cell spans the globe (was 6 of 17)
    # each pixel's own H3 cell (h3's point lookup) against the zone that counted it: they agree (0 of 1600 differ
    # here; a cell's outline joins its boundary vertices straight, so a pixel on an edge may fall to the neighbour)
    g = grid(179.98)
    lon = (g.x.values + 180.0) % 360.0 - 180.0
    own = pd.Series([h3.latlng_to_cell(float(la), float(lo), 8) for la in g.y.values for lo in lon]).value_counts()
    want = own.reindex(east.h3).fillna(0).to_numpy()
    assert np.abs(east.n_pixels.to_numpy() - want).sum() <= 8


@pytest.mark.parametrize("x0,lon", [(10.0, 10.002), (179.998, -179.99995), (-180.002, 179.99995)])
def test_point_buffers_on_a_lonlat_grid_are_metres(x0, lon):
    from pyproj import Geod
    n = 40
    xs, ys = x0 + 0.0001 * np.arange(n), 45 - 0.0001 * np.arange(n)         # about 7.9 m x 11.1 m pixels
    g = embedding_from_array(random_unit((n, n), seed=1), coords={"y": ys, "x": xs}, crs="EPSG:4326")
    a = aggregate(g, pd.DataFrame({"lon": [lon], "lat": [44.998]}), buffer=30.0)
    X, Y = np.meshgrid(xs, ys)                                                # pixel centres within 30 m, geodesic
    d = Geod(ellps="WGS84").inv(np.full(X.size, lon), np.full(X.size, 44.998), X.ravel(), Y.ravel())[2]
    assert abs(a.n_pixels.iloc[0] - int((d < 30.0).sum())) <= 1 and a.n_pixels.iloc[0] > 20   # was 1600: 30 degrees


@pytest.mark.parametrize("grid_shift", [0.0, -360.0])
def test_a_projected_field_crossing_180_on_a_lonlat_grid(grid_shift):
    g = _grid(EAST + grid_shift)
    field = gpd.GeoDataFrame({"label": [3]}, crs="EPSG:4326",      # every pixel centre of the 4 x 4 grid inside
                             geometry=[box(179.9991, 9.9991, 180.0009, 10.0009)]).to_crs("EPSG:32660")  # UTM 60N
    assert aggregate(g, field).n_pixels.tolist() == [16]           # was 0: the field came back round the globe
    t = label_table(g, field)
    assert len(t) == 16 and (t.label == 3).all()


def test_aggregate_on_a_lonlat_cube_says_nothing_of_degree_areas():
    import warnings
    g = _grid(EAST)
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)   # geopandas' "Results from 'area' are likely incorrect" was ours to avoid
        assert aggregate(g, _zones()).n_pixels.tolist() == [1, 4]
        over = pd.concat([_zones(), _zones()], ignore_index=True)  # overlapping zones: each read in its own window
        assert aggregate(g, over).n_pixels.tolist() == [1, 4, 1, 4]


@pytest.mark.parametrize("x0", [10.0, 179.998])
def test_a_multipoint_zone_buffered_on_a_lonlat_grid(x0):
    "A MultiPoint zone with `buffer=` on a lon/lat cube: its parts' buffers together (was AttributeError: 'exterior')."
    from shapely.geometry import MultiPoint, Point
    n = 40
    xs, ys = x0 + 0.0001 * np.arange(n), 45 - 0.0001 * np.arange(n)
    g = embedding_from_array(random_unit((n, n), seed=1), coords={"y": ys, "x": xs}, crs="EPSG:4326")
    p, q = (xs[5], ys[5]), (xs[34], ys[34])                                   # far apart: a MultiPolygon buffer
    one = lambda *pts: aggregate(g, gpd.GeoDataFrame(geometry=[MultiPoint(pts) if len(pts) > 1 else Point(pts[0])],
                                                     crs="EPSG:4326"), buffer=30.0).n_pixels.iloc[0]
    assert one(p, q) == one(p) + one(q) and one(p) > 20
