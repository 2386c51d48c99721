"""One lon/lat grid across the antimeridian written in two forms (xee's 180+ and the -180 form) is one grid for
`check_same_grid`, `change` and `points_at`; an x axis wrapped at 180 by a reader is one span for every consumer
(lookups, sample, aggregate, to_cog, classify, pixel_size), and truly irregular x keeps its advice."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.analysis import change, similarity
from alphaearth_nb.core import GridError
from alphaearth_nb.evaluate import points_at
from alphaearth_nb.cubes import aggregate, sample
from alphaearth_nb.geo import axis_span, check_same_grid, north_up, pixel_size
from alphaearth_nb.testing import embedding_from_array

LAT = 10.0 + np.array([0.00075, 0.00025, -0.00025, -0.00075])
X180 = np.array([179.99925, 179.99975, 180.00025, 180.00075])      # xee's form
XNEG = X180 - 360                                                   # the same columns, -180 form
XWRAP = np.array([179.99925, 179.99975, -179.99975, -179.99925])   # a reader that normalised to -180..180


def onehot():
    "4 x 4 pixels, pixel (r, c) the unit vector along band 4r + c: every pixel orthogonal to every other."
    v = np.zeros((4, 4, 64), np.float32)
    for r in range(4):
        for c in range(4): v[r, c, 4 * r + c] = 1.0
    return v


def emb(xs, v=None, crs="EPSG:4326"):
    return embedding_from_array(onehot() if v is None else v, coords={"y": LAT, "x": xs}, crs=crs)


@pytest.mark.parametrize("xs", [XNEG, XWRAP])
def test_same_grid_modulo_360_on_lon_lat(xs):
    check_same_grid(emb(X180), emb(xs))       # was GridError "x coordinates differ, by up to 360"
    check_same_grid(emb(xs), emb(X180))
    with pytest.raises(GridError, match="differ, by up to 0.0005"):  # one column east is another grid still
        check_same_grid(emb(X180), emb(XNEG + 0.0005))


def test_metres_are_not_a_circle():
    # a projected grid 360 m away is another place: modulo 360 is for longitude only
    xs = 500005.0 + 10 * np.arange(4)
    a = embedding_from_array(onehot(), coords={"y": 4e6 + 10 * np.arange(4)[::-1], "x": xs})
    b = embedding_from_array(onehot(), coords={"y": a.y.values, "x": xs - 360})
    with pytest.raises(GridError, match="by up to 360"):
        check_same_grid(a, b)


@pytest.mark.parametrize("xs", [XNEG, XWRAP])
def test_change_across_forms(xs):
    # b = a with pixel (1, 2) (the column east of 180) replaced by pixel (0, 0)'s vector: 1 - e1.e2 = 1 there, 0 elsewhere
    v = onehot(); w = v.copy(); w[1, 2] = v[0, 0]
    out = change(emb(X180, v), emb(xs, w))
    want = np.zeros((4, 4)); want[1, 2] = 1.0
    np.testing.assert_allclose(out.values, want, atol=1e-6)
    np.testing.assert_array_equal(out.x.values, X180)          # the first grid's labels


def test_change_wrapped_first_keeps_its_labels():
    v = onehot(); w = v.copy(); w[3, 1] = v[0, 0]
    out = change(emb(XWRAP, v), emb(X180, w))   # was: the wrapped axis read as descending, b reversed, GridError
    want = np.zeros((4, 4)); want[3, 1] = 1.0
    np.testing.assert_allclose(out.values, want, atol=1e-6)
    np.testing.assert_array_equal(out.x.values, XWRAP)


def test_points_at_labels_in_the_other_form():
    # labels in -180 form: columns 0, 1 labelled 1, 2; columns 2, 3 unlabelled (-1)
    lab = xr.DataArray(np.array([[1, 2, -1, -1]] * 4), dims=("y", "x"), coords={"y": LAT, "x": XNEG},
                       attrs={"crs": "EPSG:4326"})
    X, y = points_at(emb(X180), lab)
    assert y.tolist() == [1, 2] * 4
    # row r, column c has its one 1 at band 4r + c
    assert np.argmax(X, 1).tolist() == [4 * r + c for r in range(4) for c in (0, 1)]


def test_wrapped_axis_is_one_span_not_to_sort():
    e = emb(XWRAP)
    np.testing.assert_allclose(axis_span(e), X180, atol=1e-9)
    np.testing.assert_array_equal(north_up(e).x.values, XWRAP)   # west to east already: not turned
    np.testing.assert_array_equal(axis_span(embedding_from_array(onehot())), embedding_from_array(onehot()).x.values)
    # a lookup reads x as one span too (was GridError 'wraps at the antimeridian ... x % 360'): pixel (1, 2) is the
    # only one along band 6, so similarity is 1 there and 0 elsewhere, in either spelling of the point
    for lon in (-179.99975, 180.00025):
        want = np.zeros((4, 4)); want[1, 2] = 1.0
        np.testing.assert_allclose(similarity(e, (lon, LAT[1])).values, want, atol=1e-6)


def test_wrap_at_zero_of_a_0_360_axis_is_one_span_too():
    # 359.9995 .. 0.0004 (a 0..360 axis wrapped at 0): column 2 is 0.0001 = 360.0001 (was GridError naming a fix)
    e = emb(np.array([359.9995, 359.9998, 0.0001, 0.0004]))
    s = similarity(e, (0.0001, LAT[1])).values
    assert np.unravel_index(np.nanargmax(s), s.shape) == (1, 2) and np.nanmax(s) == pytest.approx(1.0)
    s = similarity(e, (-0.0002 + 360 * 0, LAT[3])).values            # -0.0002 is 359.9998: column 1
    assert np.unravel_index(np.nanargmax(s), s.shape) == (3, 1)


# ---- one reader of x for every consumer: an axis a reader wrapped at 180 works everywhere (grid_of, lookups,
# zones, pixel sizes, exports). Pixel (r, c) of `onehot` is the unit vector along band 4r + c.
XW0 = np.array([179.99975, -179.99975, -179.99925, -179.99875])    # wrapped between columns 0 and 1


def test_pixel_size_of_a_wrapped_axis_is_its_step():
    assert pixel_size(emb(XW0)) == pytest.approx((0.0005, 0.0005), rel=1e-6)   # was (359.9995, 0.0005)
    strip = embedding_from_array(onehot()[:1], coords={"y": LAT[:1], "x": XW0}, crs="EPSG:4326")
    assert pixel_size(strip) == pytest.approx((0.0005, 0.0005), rel=1e-6)   # one row: square pixels, not 360 high
    # on a projected grid the numbers are metres: no wrap, the step is what it is
    m = embedding_from_array(onehot(), coords={"y": LAT, "x": XW0}, crs="EPSG:32631")
    assert pixel_size(m)[0] == pytest.approx(359.9995)


@pytest.mark.parametrize("xs", [XWRAP, XW0])
def test_sample_on_a_wrapped_axis(xs):
    e = emb(xs)
    east = (xs % 360)[2]                                               # column 2, east of 180
    pts = ([east - 360, east, xs[0], xs[3]], [LAT[1], LAT[2], LAT[0], LAT[3]])
    out = sample(e, pts)                                               # was GridError 'x is not regularly spaced'
    assert out["inside"].all()
    bands = out[[f"A{i:02d}" for i in range(64)]].to_numpy(float)
    assert np.argmax(bands, 1).tolist() == [4 * 1 + 2, 4 * 2 + 2, 0, 4 * 3 + 3]


def test_aggregate_of_zones_crossing_180_on_a_wrapped_axis():
    gpd = pytest.importorskip("geopandas")
    from shapely.geometry import MultiPolygon, box
    e = emb(XWRAP)
    h = 0.00025                                                        # half a pixel
    zones = gpd.GeoDataFrame({"label": [1, 2, 3]}, crs="EPSG:4326", geometry=[
        box(-180.0, LAT[1] - h, -179.999, LAT[1] + h),                 # east of 180, row 1: columns 2, 3
        MultiPolygon([box(179.9995, LAT[3] - h, 180.0, LAT[2] + h),    # split at 180 in -180 form: rows 2, 3,
                      box(-180.0, LAT[3] - h, -179.9995, LAT[2] + h)]),  # columns 1, 2
        box(179.9995, LAT[0] - h, 180.0005, LAT[0] + h)])              # across 180 in 180+ form, row 0: cols 1, 2
    agg = aggregate(e, zones)                                          # was GridError 'x is not regularly spaced'
    got = agg[[f"A{i:02d}" for i in range(64)]].to_numpy(float)
    assert agg.n_pixels.tolist() == [2, 4, 2]
    # the mean of orthogonal unit vectors, renormalised or not, points along each of their bands alike
    for z, cells in ((0, [(1, 2), (1, 3)]), (1, [(2, 1), (2, 2), (3, 1), (3, 2)]), (2, [(0, 1), (0, 2)])):
        on = np.nonzero(got[z] > 1e-6)[0].tolist()
        assert on == sorted(4 * r + c for r, c in cells)
        np.testing.assert_allclose(got[z, on], got[z, on[0]], rtol=1e-6)


def test_to_cog_of_a_wrapped_axis_reads_back_the_same_pixels(tmp_path):
    pytest.importorskip("rasterio")
    from alphaearth_nb.exports import read_cog, to_cog
    from alphaearth_nb.testing import random_unit
    v = random_unit((4, 4), seed=3)
    e = emb(XWRAP, v)
    back = read_cog(to_cog(e, tmp_path / "a.tif", dtype="float32"))   # was GridError 'x is not regularly spaced'
    np.testing.assert_allclose(back.x.values, X180, atol=1e-9)        # north-up, one span past 180
    np.testing.assert_allclose(back.y.values, LAT, atol=1e-9)
    np.testing.assert_allclose(back.transpose("y", "x", "band").values, v, atol=1e-6)


def test_classify_from_points_on_both_sides_of_180():
    from alphaearth_nb.analysis import classify
    from alphaearth_nb.testing import random_unit
    e = emb(XWRAP, random_unit((4, 4), seed=5))
    pts = pd.DataFrame({"lon": [179.99975, -179.99925, -179.99975 + 360], "lat": LAT[[0, 3, 2]], "label": [1, 2, 3]})
    cls = classify(e, pts, k=1)["class"].values                       # was GridError 'wraps at the antimeridian'
    assert (cls[0, 1], cls[3, 3], cls[2, 2]) == (1, 2, 3)             # each labelled pixel its own nearest neighbour


def test_truly_irregular_x_keeps_its_advice():
    x = np.array([179.99925, 179.99975, -179.99975, -179.9990])        # one span, but the last step is 0.00075
    with pytest.raises(GridError, match="not regularly spaced"):
        sample(emb(x), ([179.99925], [LAT[0]]))
    # two pieces of a -180..180 grid sorted apart (a gap of nearly a turn) are not read as a wrap
    gap = np.array([-179.99925, -179.99875, 179.99875, 179.99925])
    np.testing.assert_array_equal(axis_span(emb(gap)), gap)
    np.testing.assert_array_equal(north_up(emb(gap)).x.values, gap)   # ascending already: not turned
    with pytest.raises(GridError, match="not regularly spaced"):
        sample(emb(gap), ([179.99925], [LAT[0]]))


@pytest.mark.parametrize("xs", [XWRAP, XW0])
def test_maps_and_the_explorer_read_a_wrapped_axis_as_one_span(xs):
    pytest.importorskip("matplotlib")
    from alphaearth_nb.explorer import TileSampler
    from alphaearth_nb.maps import extent
    e = emb(xs)
    west, east = xs[0] % 360 - 0.00025, xs[3] % 360 + 0.00025            # the outer pixel edges, one span
    np.testing.assert_allclose(extent(e), (west, east, 9.999, 10.001), atol=1e-9)   # was (-180, 180, ...): the globe
    lon = np.array([-179.99975, 179.99975, 180.00075])                 # columns of 180.00025, 179.99975, 180.00075
    r, c, ok = TileSampler(e).rows_cols(lon, np.full(3, LAT[1]))
    want = [int(np.argmin(np.abs(xs % 360 - v % 360))) for v in lon]
    assert ok.all() and r.tolist() == [1, 1, 1] and c.tolist() == want


def test_tile_zones_of_a_wrapped_axis_are_written_in_minus_180_180():
    """aggregate(tile=) on a map whose reader wrapped x at 180 (179.99975, -179.99975) answers its tiles as the map
    writes x, as `cubes.coarsen` writes its block centres (`geo.wrapped_like`): in [-180, 180], a tile across 180 split
    there (GeoJSON, RFC 7946 3.1.9); a map stored as one span (xee's 180+, the -180 form) keeps its own. Was: every
    tile of the wrapped map past 180 (179.999 .. 180.0005, 180.0005 .. 180.001), where no point of it is written."""
    pytest.importorskip("geopandas")
    from shapely.geometry import MultiPolygon
    a = aggregate(emb(XWRAP), tile=3)
    b = a.geometry.bounds
    assert (b.minx >= -180).all() and (b.maxx <= 180).all()
    first, east = a.geometry.iloc[0], a.geometry.iloc[1]              # columns 0..2 (across 180), column 3 (east)
    assert isinstance(first, MultiPolygon)
    np.testing.assert_allclose(sorted(p.bounds[::2] for p in first.geoms), [(-180, -179.9995), (179.999, 180)],
                               atol=1e-9)
    np.testing.assert_allclose(east.bounds, (-179.9995, LAT[2] - 0.00025, -179.999, LAT[0] + 0.00025), atol=1e-9)
    again = aggregate(emb(XWRAP), a[["tile_row", "tile_col", "geometry"]])   # the answer's zones: the same pixels
    assert again.n_pixels.tolist() == a.n_pixels.tolist() == aggregate(emb(X180), tile=3).n_pixels.tolist()
    bands = [f"A{i:02d}" for i in range(64)]
    np.testing.assert_allclose(again[bands].to_numpy(float), a[bands].to_numpy(float), atol=1e-6)
    for xs in (X180, XNEG):                                           # one span: as the map writes x
        b = aggregate(emb(xs), tile=3).geometry.bounds
        np.testing.assert_allclose(b.minx.min(), xs[0] - 0.00025, atol=1e-9)
        np.testing.assert_allclose(b.maxx.max(), xs[-1] + 0.00025, atol=1e-9)
