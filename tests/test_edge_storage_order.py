"""A point on a pixel edge reads the same place however the map is stored (kind B: georeferencing by meaning).

The documented rule (`geo.cell_index`, rasterio's on a north-up grid) gives a point on an edge to the pixel east and
south of it. It was applied as 'the higher index', which is east/south only on a north-up map: an official tile read
by rioxarray (rows south-first, y ascending) or a map stored east-first gave another pixel, so `similarity`,
`sample`, `classify` and the explorer read another vector at the same map point. Survey points rounded to 10 m lie
on the official grid's edges (UTM multiples of 10 m)."""
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.supervised import training_set
from alphaearth_nb.core import band_names
from alphaearth_nb.cubes import pixel_of
from alphaearth_nb.explorer import TileSampler
from alphaearth_nb.geo import pixel_indices
from alphaearth_nb.testing import embedding_from_array, random_unit

ORDERS = {"north-up": {}, "south-first": {"y": slice(None, None, -1)}, "east-first": {"x": slice(None, None, -1)},
          "both": {"y": slice(None, None, -1), "x": slice(None, None, -1)}}


def _points(e):
    x, y = e.x.values, e.y.values   # centres ...5, edges at multiples of 10 m
    return [(x[2] + 5.0, y[1], (1, 3)),          # vertical edge between columns 2 and 3: east
            (x[2], y[2] - 5.0, (3, 2)),          # horizontal edge between rows 2 and 3: south
            (x[2] + 5.0, y[2] - 5.0, (3, 3)),    # a corner: south-east
            (x[0] - 5.0, y[0] + 5.0, (0, 0)),    # the grid's north-west corner
            (x[5] + 5.0, y[5] - 5.0, (5, 5))]    # its south-east corner (no pixel beyond: the last one)


@pytest.mark.parametrize("order", list(ORDERS))
def test_a_point_on_an_edge_reads_one_place_in_any_storage_order(order):
    e = embedding_from_array(random_unit((6, 6), seed=5))
    m = e.isel(ORDERS[order])
    for px, py, want in _points(e):
        v = e.values[want]
        r, c = (int(a[0]) for a in pixel_indices(m, [px], [py]))
        np.testing.assert_array_equal(m.values[r, c], v)
        r, c, ok = pixel_of(m, np.array([px]), np.array([py]))
        assert ok[0]; np.testing.assert_array_equal(m.values[r[0], c[0]], v)
        r, c, ok = TileSampler(m).rows_cols(np.array([px]), np.array([py]))
        assert ok[0]; np.testing.assert_array_equal(m.values[r[0], c[0]], v)
        s = m.aef.similarity((px, py))
        assert float(s.sel(y=e.y[want[0]], x=e.x[want[1]])) == pytest.approx(1.0, abs=1e-6)
        got = m.aef.sample(pd.DataFrame({"x": [px], "y": [py]}), crs="EPSG:32631")[band_names()].to_numpy()[0]
        np.testing.assert_array_equal(got, v)
        X, _ = training_set(m, pd.DataFrame({"x": [px], "y": [py], "label": [1]}))
        np.testing.assert_array_equal(X[0], v)


@pytest.mark.parametrize("order", list(ORDERS))
def test_classify_with_points_on_edges_is_the_same_map_in_any_storage_order(order):
    e = embedding_from_array(random_unit((6, 6), seed=7))
    pts = pd.DataFrame([(px, py) for px, py, _ in _points(e)], columns=["x", "y"]).assign(label=[1, 2, 1, 2, 3])
    ref = e.aef.classify(pts, k=1)["class"]
    got = e.isel(ORDERS[order]).aef.classify(pts, k=1)["class"].sel(y=e.y, x=e.x)
    np.testing.assert_array_equal(got.values, ref.values)


@pytest.mark.parametrize("order", list(ORDERS))
def test_a_label_raster_with_cells_split_by_map_pixel_centres_takes_one_place(order):
    "5 m labels under a 10 m map: each map centre is a corner of 4 label cells; it takes the south-east one, stored any way."
    e = embedding_from_array(random_unit((4, 4), seed=1))
    lab = xr.DataArray(np.arange(64).reshape(8, 8), dims=("y", "x"), attrs={"crs": "EPSG:32631"},
                       coords={"y": 5_000_000 - 5.0 * (np.arange(8) + 0.5), "x": 500_000 + 5.0 * (np.arange(8) + 0.5)})
    want = {(r, c): (2 * r + 1) * 8 + 2 * c + 1 for r in range(4) for c in range(4)}   # label row 2r+1, col 2c+1
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        X, v = training_set(e, lab.isel(ORDERS[order]))
    flat = e.values.reshape(-1, 64)
    got = {divmod(int(np.flatnonzero((flat == row).all(1))[0]), 4): int(t) for row, t in zip(X, v)}
    assert got == want


@pytest.mark.parametrize("order", list(ORDERS))
def test_tile_zones_are_counted_from_the_north_west_in_any_storage_order(order):
    "aggregate(tile=n) counted its tiles from the first stored row/column: the south-west corner of a south-first map."
    e = embedding_from_array(random_unit((7, 7), seed=3))
    ref = e.aef.aggregate(tile=3)
    got = e.isel(ORDERS[order]).aef.aggregate(tile=3)
    assert got[["tile_row", "tile_col", "n_pixels"]].values.tolist() == ref[["tile_row", "tile_col", "n_pixels"]].values.tolist()
    assert all(a.equals(b) for a, b in zip(got.geometry, ref.geometry))
    np.testing.assert_allclose(got[band_names()].to_numpy(), ref[band_names()].to_numpy(), atol=1e-6)
    x0, y0, x1, y1 = ref.geometry.iloc[0].bounds            # tile (0, 0): the north-west corner, 3 x 3 pixels
    assert (x0, y1) == (float(e.x[0]) - 5.0, float(e.y[0]) + 5.0) and (x1 - x0, y1 - y0) == (30.0, 30.0)


@pytest.mark.parametrize("order", list(ORDERS))
def test_a_point_typed_on_a_degree_grid_edge_is_on_the_edge(order):
    """A 0.0001-degree grid has its edges at 4-decimal numbers: a point typed 12.3456, 45.6789 is a corner, but the
    float noise of (v - c0) / step put it on either side, differently for each storage order. Within 1e-6 of a pixel
    of an edge is on it: the pixel south-east of the corner, as on a projected grid."""
    n = 12
    x = np.round(12.34505 + 0.0001 * np.arange(n), 5); y = np.round(45.67985 - 0.0001 * np.arange(n), 5)
    e = embedding_from_array(random_unit((n, n), seed=8), {"y": y, "x": x}, crs="EPSG:4326")
    m = e.isel(ORDERS[order])
    for lon, lat in ((12.3456, 45.6789), (12.3458, 45.6797), (12.3453, 45.6795), (12.3450, 45.6799), (12.3461, 45.6792)):
        want = (round((45.6799 - lat) / 1e-4), round((lon - 12.3450) / 1e-4))   # edge k: row k south of it, col k east
        v = e.values[want]
        got = m.aef.sample(pd.DataFrame({"lon": [lon], "lat": [lat]}))[band_names()].to_numpy()[0]
        np.testing.assert_array_equal(got, v)
        s = m.aef.similarity((lon, lat))
        assert float(s.sel(y=e.y[want[0]], x=e.x[want[1]])) == pytest.approx(1.0, abs=1e-6)
        r, c, ok = TileSampler(m).rows_cols(np.array([lon]), np.array([lat]))
        assert ok[0]; np.testing.assert_array_equal(m.values[r[0], c[0]], v)


@pytest.mark.parametrize("xs", [[179.99925, 179.99975, 180.00025, 180.00075], [179.99925, 179.99975, -179.99975, -179.99925]])
@pytest.mark.parametrize("east_first", [False, True])
def test_the_antimeridian_is_an_edge_like_any_other(xs, east_first):
    "lon 180 (or -180) between the columns at 179.99975 and 180.00025: the one east of it, stored either way."
    y = np.array([10.00075, 10.00025, 9.99975, 9.99925])
    e = embedding_from_array(random_unit((4, 4), seed=3), {"y": y, "x": np.array(xs)}, crs="EPSG:4326")
    m = e.isel(x=slice(None, None, -1)) if east_first else e
    for lon in (180.0, -180.0):
        got = m.aef.sample(pd.DataFrame({"lon": [lon], "lat": [10.0005]}))[band_names()].to_numpy()[0]
        np.testing.assert_array_equal(got, e.values[1, 2])   # south of 10.0005, east of 180


@pytest.mark.parametrize("order", list(ORDERS))
def test_zones_with_boundaries_through_pixel_centres_hold_one_set_of_pixels(order):
    "A zone's boundary through pixel centres: rasterio's rule for such centres went by the storage order (16 vs 12)."
    import geopandas as gpd
    from shapely.geometry import box
    e = embedding_from_array(random_unit((8, 9), seed=1)); X, Y = e.x.values, e.y.values
    z = gpd.GeoDataFrame({"id": [1, 2]}, geometry=[box(X[4], Y[7], X[8], Y[4]), box(X[0], Y[3], X[3], Y[0])],
                         crs="EPSG:32631")
    ref = e.aef.aggregate(z)
    for how in ("mean", "percentiles"):
        got, want = e.isel(ORDERS[order]).aef.aggregate(z, how=how), e.aef.aggregate(z, how=how)
        assert got.n_pixels.tolist() == ref.n_pixels.tolist()
        cols = [c for c in want.columns if c not in ("id", "geometry")]
        np.testing.assert_allclose(got[cols].to_numpy(float), want[cols].to_numpy(float), atol=1e-6)
    X1, _ = training_set(e.isel(ORDERS[order]), z.rename(columns={"id": "label"}))
    X0, _ = training_set(e, z.rename(columns={"id": "label"}))
    np.testing.assert_array_equal(X1, X0)
