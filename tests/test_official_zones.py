"""The official product where UTM zones overlap and across the antimeridian (official.grid_for, open, mosaic,
sample_points): a lon/lat grid over a box across 180 spans only the box; a pixel or point covered by two zones
takes the output's own zone, else the zone it lies in (every pair, 60/1 included); points across 180 search
the index in two boxes, not a band round the globe."""
import shutil

import numpy as np
import pytest
import xarray as xr

pytest.importorskip("geopandas"); pytest.importorskip("rioxarray"); pytest.importorskip("odc.geo")
import pandas as pd
from pyproj import Transformer
from shapely.geometry import box

from alphaearth_nb import official as off
from alphaearth_nb.core import band_names
from alphaearth_nb.cubes import sample
from alphaearth_nb.exports import read_cog, to_cog

FIJI = (179.999, -17.002, -179.999, -16.998)   # west > east: across 180 deg (RFC 7946 5.2)


def to(crs): return Transformer.from_crs("EPSG:4326", crs, always_xy=True).transform


@pytest.fixture(scope="module")
def fiji(tmp_path_factory, shared_data):
    "Tiles of UTM 60S and 1S meeting (and overlapping) at 180 deg, and, in the same index, 30S/31S tiles at 0 deg."
    root = tmp_path_factory.mktemp("fiji")
    far = off.build_local_mirror(tmp_path_factory.mktemp("zero"), years=(2024,), samples=shared_data / "aef_samples",
                                 at=(0.0, -17.0))
    mir = off.build_local_mirror(root, years=(2024,), samples=shared_data / "aef_samples", at=(180.0, -17.0))
    for zone in far.index.utm_zone.unique():   # one mirror is one output: the 0 deg tiles copied in beside these
        shutil.copytree(far.root / "2024" / zone, root / "2024" / zone)
    pd.concat([mir.index, far.index]).to_parquet(root / off.INDEX_NAME)
    return mir


def test_a_lonlat_grid_over_a_box_across_180_spans_the_box():
    gb = off.grid_for((177, -19, -178, -16), "EPSG:4326", 0.01)
    # west 177 to east -178 + 360 = 182: 5 deg / 0.01 = 500 columns, 3 deg / 0.01 = 300 rows (was 36,000 columns)
    assert (gb.shape.x, gb.shape.y) == (500, 300)
    assert tuple(gb.boundingbox)[:4] == pytest.approx((177.0, -19.0, 182.0, -16.0))
    assert off.grid_for((170, -19, 175, -16), "EPSG:4326", 0.01).shape.x == 500   # not across 180: as before


def test_open_in_lonlat_across_180_takes_each_pixel_from_the_zone_it_lies_in(fiji, tmp_path, written_at):
    cube = off.open(FIJI, 2024, source=fiji.root, crs="EPSG:4326", resolution=0.0001, resampling="nearest", chunks=32)
    # 0.002 deg wide, 0.004 high at 0.0001 deg: 20 x 40 pixels, centres 179.99905 .. 180.00095 (one span past 180)
    assert (cube.sizes["y"], cube.sizes["x"]) == (40, 20) and cube.attrs["crs"] == "EPSG:4326"
    np.testing.assert_allclose(cube.x.values[[0, -1]], [179.99905, 180.00095], atol=1e-9)
    m = cube.isel(time=0).compute()
    differ = 0
    for i in range(m.sizes["y"]):
        for j in range(m.sizes["x"]):
            lon, lat = float(m.x[j]), float(m.y[i])
            own, other = ("60S", "1S") if lon < 180 else ("1S", "60S")   # both zones' tiles cover every pixel here
            want = written_at(fiji, 2024, own, *to(f"EPSG:327{own[:-1].zfill(2)}")(lon, lat))
            np.testing.assert_array_equal(m.values[i, j], want)
            differ += not np.array_equal(want, written_at(fiji, 2024, other,
                                                          *to(f"EPSG:327{other[:-1].zfill(2)}")(lon, lat)))
    assert differ > 600          # the two zones' tiles differ: the test tells them apart
    back = read_cog(to_cog(m, tmp_path / "fiji.tif", blocksize=16))      # written and read back past 180
    np.testing.assert_allclose(back.x.values, m.x.values, atol=1e-9)
    np.testing.assert_array_equal(back.transpose(*m.dims).values, m.values)
    at = sample(m, (-179.99975, float(m.y[7])))                           # -179.99975 is column 12 (180.00025)
    np.testing.assert_array_equal(at[band_names()].to_numpy()[0], m.values[7, 12])


def hand_cube(crs, lon, lat, band, half=2000.0, res=40.0):
    "A float cube (1, y, x, 64) in `crs` holding unit vector e_band everywhere, `half` metres round lon/lat."
    x0, y0 = to(crs)(lon, lat)
    n = int(2 * half / res)
    v = np.zeros((1, n, n, 64), np.float32); v[..., band] = 1
    return xr.DataArray(v, dims=("time", "y", "x", "band"),
                        coords={"time": pd.to_datetime(["2024-01-01"]), "band": band_names(),
                                "y": y0 + half - res * (np.arange(n) + 0.5), "x": x0 - half + res * (np.arange(n) + 0.5)},
                        attrs={"crs": crs})


@pytest.mark.parametrize("lon,lat,west,east", [(180.0, -17.0, "EPSG:32760", "EPSG:32701"),
                                               (6.0, 45.0, "EPSG:32631", "EPSG:32632"),
                                               (-174.0, 10.0, "EPSG:32601", "EPSG:32602")])
def test_where_two_zones_cover_a_pixel_the_rule_holds_for_every_pair(lon, lat, west, east):
    from odc.geo.geobox import GeoBox
    from odc.geo.geom import BoundingBox
    cubes = [hand_cube(east, lon, lat, 1), hand_cube(west, lon, lat, 0)]    # zone order as `open` sorts them: any
    gb = GeoBox.from_bbox(BoundingBox(lon - 0.01, lat - 0.005, lon + 0.01, lat + 0.005, "EPSG:4326"), "EPSG:4326",
                          resolution=0.001)
    for order in (cubes, cubes[::-1]):
        m = off.mosaic(order, gb, "nearest").isel(time=0).compute()
        # lon/lat output: the zone each pixel lies in (nearest centre), the boundary meridian `lon` between them
        want = np.where(m.x.values < lon, 0, 1)
        assert m.shape[:2] == (10, 20) and (np.argmax(m.values, -1) == want[None, :]).all()
        for crs, band in ((west, 0), (east, 1)):                  # a UTM output: its own zone wherever it covers
            g = GeoBox.from_bbox(BoundingBox(*to(crs)(lon - 0.005, lat - 0.005), *to(crs)(lon + 0.005, lat + 0.005),
                                             crs), crs, resolution=40.0)
            u = off.mosaic(order, g, "nearest").isel(time=0).compute().values
            assert np.isfinite(u).all() and (np.argmax(u, -1) == band).all()


def test_points_across_180_search_two_boxes_and_take_the_zone_they_lie_in(fiji, monkeypatch, written_at):
    found, opened = [], []
    tiles, open_tile = off.tiles, off.open_tile
    monkeypatch.setattr(off, "tiles", lambda *a, **k: (lambda t: found.append(list(t.utm_zone)) or t)(tiles(*a, **k)))
    monkeypatch.setattr(off, "open_tile", lambda href, *a, **k: opened.append(href) or open_tile(href, *a, **k))
    lon, lat = (a.ravel() for a in np.meshgrid([179.9992, 179.9996, 179.9998, -179.9998, -179.9996, -179.9992],
                                               [-17.001, -17.0003, -16.9995, -16.999]))
    got = off.sample_points((lon, lat), 2024, source=fiji.root, chunks=32)
    # one index search, its rows only tiles at 180 deg (was 6 with 30S and 31S: the hull -179.9998..179.9998
    # round the globe met the tiles at 0 deg too)
    assert len(found) == 1 and set(found[0]) == {"60S", "1S"} and len(found[0]) < 5
    assert opened and all("/60S/" in h or "/1S/" in h for h in opened)
    assert len(opened) == len(set(opened))   # each tile opened once (was once per zone-rank pass: review 2 item 7)
    assert got.inside.all()
    told = {True: 0, False: 0}
    for k in range(len(lon)):   # west of 180 from 60S's tile, east of it from 1S's (both zones cover every point)
        own, other = (("60S", "EPSG:32760"), ("1S", "EPSG:32701"))[:: 1 if lon[k] > 0 else -1]
        want = written_at(fiji, 2024, own[0], *to(own[1])(lon[k], lat[k]))
        np.testing.assert_array_equal(got.loc[k, band_names()].to_numpy(np.float32), want)
        told[lon[k] > 0] += not np.array_equal(want, written_at(fiji, 2024, other[0], *to(other[1])(lon[k], lat[k])))
    assert min(told.values()) >= 3   # on each side, points where the two zones' vectors differ


def test_an_area_past_180_is_the_same_place_split_there(fiji):
    across = off.area_of((179.5, -17.0, -179.5, -16.0))                 # the RFC 7946 form: two 0.5 x 1 deg boxes
    for past in ((179.5, -17.0, 180.5, -16.0), (-180.5, -17.0, -179.5, -16.0), box(179.5, -17.0, 180.5, -16.0)):
        g = off.area_of(past)                                            # xee's 180+ form, the -180 form, a geometry
        assert g.equals(across) and g.area == pytest.approx(1.0)        # (was ConfigError / a box no tile meets)
    assert off.area_of((350, 44, 355, 45)).bounds == (-10, 44, -5, 45)  # a 0..360 box: one turn back
    east = set(off.tiles((-179.9995, -17.002, -179.999, -16.998), 2024, source=fiji.root).path)
    assert set(off.tiles(box(180.0005, -17.002, 180.001, -16.998), 2024, source=fiji.root).path) == east
    kw = dict(source=fiji.root, crs="EPSG:4326", resolution=0.0001, resampling="nearest", chunks=32)
    a = off.open(FIJI, 2024, **kw).compute()
    b = off.open((179.999, -17.002, 180.001, -16.998), 2024, **kw).compute()
    np.testing.assert_array_equal(b.x.values, a.x.values)
    np.testing.assert_array_equal(b.values, a.values)
