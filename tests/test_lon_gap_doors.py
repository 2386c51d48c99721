"""A lon/lat map across the antimeridian whose columns lie in two pieces sorted apart (longitudes written in -180..180
and sorted, ascending: -179.99975..-179.99875 then 179.99875..179.99975, or descending) is the same map as the one
written in one span, at every door that reads a grid: `geo.north_up` rolls its columns to one span west to east
(longitudes as written, which `axis_span` reads continuing past 180), so coarsen, to_cog, zones and label polygons
rasterised answer as for the one-span map. Was: GridError '`x` holds the map's longitudes in two pieces sorted apart
across the antimeridian (...): store its columns west to east across 180 first, `obj = obj.roll(x=-3, ...)`'; and a
descending two-piece map was not detected (sample: '`x` is not regularly spaced (... -359.997 somewhere)')."""
import warnings

import numpy as np
import pytest

from alphaearth_nb import analysis, cubes, exports, places
from alphaearth_nb.core import band_names
from alphaearth_nb.testing import embedding_from_array, random_unit

gpd = pytest.importorskip("geopandas")
rasterio = pytest.importorskip("rasterio")
from shapely.geometry import box  # noqa: E402

H, W = 4, 6
LON = 179.99875 + 0.0005 * np.arange(W)              # 179.99875 .. 180.00125: one span across 180
LAT = 10 - 0.0005 * np.arange(H)
VEC = random_unit((H, W), seed=4)


def wrap(x): return (np.asarray(x, np.float64) + 180) % 360 - 180


def one_span(vec=VEC):
    return embedding_from_array(vec, coords={"y": LAT, "x": LON}, crs="EPSG:4326")


def two_pieces(order:str, vec=VEC):
    e = one_span(vec).assign_coords(x=wrap(LON))
    return e.sortby("x", ascending=order == "ascending")


ORDERS = ["ascending", "descending"]


def unit(v): return v / np.linalg.norm(v)


def test_circle_start_finds_either_order():
    assert places.circle_start(two_pieces("ascending")) == 3           # -179.99875 | 179.99875
    assert places.circle_start(two_pieces("descending")) == 3          # 179.99875 | -179.99875
    for e in (one_span(), one_span().assign_coords(x=wrap(LON)),         # one span, continued or wrapped at 180
              one_span().isel(x=slice(None, None, -1)), one_span().assign_coords(x=wrap(LON)).isel(x=slice(None, None, -1))):
        assert places.circle_start(e) == 0


@pytest.mark.parametrize("order", ORDERS)
def test_coarsen_is_the_one_span_maps(order):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # block means: 'scaled back to unit length' is not this test's
        got, want = cubes.coarsen(two_pieces(order), 2), cubes.coarsen(one_span(), 2)
    np.testing.assert_allclose(wrap(got.x.values), wrap(want.x.values), atol=1e-9)
    np.testing.assert_array_equal(got.y.values, want.y.values)
    np.testing.assert_allclose(got.values, want.values, atol=1e-6)   # sums in another memory order: float32 rounding
    # worked by hand: the block of rows 0-1 and columns 2-3 holds the pixels either side of 180
    np.testing.assert_allclose(got.values[0, 1], unit(VEC[0:2, 2:4].reshape(-1, 64).sum(0)), atol=1e-6)
    assert wrap(got.x.values[1]) == pytest.approx(-180.0, abs=1e-9)     # that block's centre: on 180


@pytest.mark.parametrize("order", ORDERS)
def test_to_cog_writes_the_one_span_file(order, tmp_path):
    exports.to_cog(two_pieces(order), tmp_path / "gap.tif")
    exports.to_cog(one_span(), tmp_path / "one.tif")
    with rasterio.open(tmp_path / "gap.tif") as g, rasterio.open(tmp_path / "one.tif") as o:
        assert g.transform.almost_equals(o.transform) or (
            np.isclose(wrap(g.transform.c), wrap(o.transform.c)) and g.transform[:2] == o.transform[:2]
            and g.transform[3:6] == o.transform[3:6])
        assert g.transform.a > 0 and g.transform.e < 0                   # north-up, columns west to east
        np.testing.assert_array_equal(g.read(), o.read())


def _fields():
    "Two fields: columns 0-2 (west of 180, written 179.99850..179.99999) and 3-5 (east, written -180..-179.99850)."
    return gpd.GeoDataFrame({"label": [1, 2]}, crs="EPSG:4326", geometry=[
        box(179.9985, LAT[-1] - 0.0002, 179.99999, LAT[0] + 0.0002),
        box(-179.99999, LAT[-1] - 0.0002, -179.9985, LAT[0] + 0.0002)])


@pytest.mark.parametrize("order", ORDERS)
def test_zones_and_label_polygons_rasterise_as_on_the_one_span_map(order):
    got, want = cubes.aggregate(two_pieces(order), _fields()), cubes.aggregate(one_span(), _fields())
    np.testing.assert_allclose(got[band_names()].values, want[band_names()].values, atol=1e-6)
    for z, cols in ((0, slice(0, 3)), (1, slice(3, 6))):                 # each field's mean direction, by hand
        np.testing.assert_allclose(got[band_names()].values[z], unit(VEC[:, cols].reshape(-1, 64).sum(0)), atol=1e-6)
    t = cubes.label_table(two_pieces(order), _fields())
    ref = cubes.label_table(one_span(), _fields())
    key = lambda d: sorted(zip(np.round(wrap(d["x"]), 9), d["y"], d["label"]))
    assert key(t) == key(ref) and len(t) == H * W
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pred = analysis.classify(two_pieces(order), _fields(), k=1)["class"]
    cols = np.where(wrap(pred.x.values) > 0, 1, 2)                        # west of 180: field 1
    np.testing.assert_array_equal(pred.transpose("y", "x").values, np.broadcast_to(cols, (H, W)))


def test_sample_reads_each_point_of_a_descending_two_piece_map():
    lons, lats = np.meshgrid(wrap(LON), LAT)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = two_pieces("descending").aef.sample((lons.ravel(), lats.ravel()), crs="EPSG:4326")
    assert t["inside"].all()
    np.testing.assert_array_equal(t[band_names()].values, VEC.reshape(-1, 64))


@pytest.mark.parametrize("a, b", [("descending", "one"), ("one", "descending"), ("descending", "ascending")])
def test_change_pairs_any_two_orders_by_place(a, b):
    moved = VEC.copy()
    moved[1, 4] = random_unit((1,), seed=9)[0]                            # one pixel changed: 180.00075 E
    first = one_span() if a == "one" else two_pieces(a)
    other = one_span(moved) if b == "one" else two_pieces(b, moved)
    out = analysis.change(first, other).transpose("y", "x")
    np.testing.assert_array_equal(out.x.values, first.x.values)           # on the first map's grid and order
    at = np.isclose(wrap(out.x.values), wrap(LON[4]), rtol=0, atol=1e-9)
    assert float(out.values[1, at][0]) == pytest.approx(1 - float(np.dot(VEC[1, 4], moved[1, 4])), abs=1e-6)
    rest = np.ones(out.shape, bool)
    rest[1, np.flatnonzero(at)] = False
    assert float(np.abs(out.values[rest]).max()) < 1e-6


@pytest.mark.parametrize("order", ORDERS)
def test_points_off_a_two_piece_map_are_told_its_extent(order):
    "sample's off-map warning says the map's extent as one span (places.off_map_hint; was: grid_of's GridError)."
    from alphaearth_nb.core import NoDataWarning
    with pytest.warns(NoDataWarning, match=r"179\.998500\.\.180\.001500"):   # LON's pixel edges, one span
        t = two_pieces(order).aef.sample((np.array([170.0, 171.0]), LAT[:2]), crs="EPSG:4326")
    assert not t["inside"].any()


@pytest.mark.parametrize("order", ORDERS)
def test_h3_zones_of_a_two_piece_map_are_the_one_span_maps(order):
    pytest.importorskip("h3")
    got, want = cubes.h3_zones(two_pieces(order), 10), cubes.h3_zones(one_span(), 10)   # 12: cells below its pixels
    assert len(want) and sorted(got.iloc[:, 0]) == sorted(want.iloc[:, 0])
