"Georeferencing: spatial dims, CRS read and compared by meaning, north-up, pixel lookup, grid checks."
import numpy as np
import pytest
import xarray as xr

from pyproj import CRS

from alphaearth_nb.core import CRSError, GridError, MissingDependencyError, NoDataWarning, PointError
from alphaearth_nb.geo import (as_crs, check_same_grid, crs_name, crs_of, declared_nodata, flip_rows, grid_coords,
                               north_up, pixel_indices, pixel_size, require, same_crs, to_crs, utm_crs, write_crs)


def test_require_names_the_extra():
    with pytest.raises(MissingDependencyError, match=r"pip install 'alphaearth_nb\[maps\]'"):
        require("surely_not_installed_pkg", "maps", "explore()")


# --- CRS by meaning ------------------------------------------------------------------------------------------------

def test_crs_spellings_are_one_crs():
    wkt = CRS("EPSG:32631").to_wkt()
    spellings = ["EPSG:32631", "epsg:32631", 32631, wkt, CRS("EPSG:32631").to_json(), CRS("EPSG:32631")]
    for s in spellings:
        assert same_crs(s, "EPSG:32631"), s
        assert crs_name(s) == "EPSG:32631"
    assert same_crs("EPSG:4326", "OGC:CRS84")  # lon/lat either axis order: one grid for us
    assert not same_crs("EPSG:32631", "EPSG:32632") and not same_crs(wkt, "EPSG:4326")
    assert same_crs(None, "EPSG:32632")  # unknown on one side: nothing to compare


def test_unreadable_crs_is_refused_with_the_fix():
    with pytest.raises(CRSError, match="give an EPSG code such as 'EPSG:32631'"):
        as_crs("EPSG:3263100")
    with pytest.raises(CRSError, match="WKT string or PROJJSON"):
        same_crs("not a crs", "EPSG:32631")


def test_crs_of_reads_every_convention():
    g = xr.DataArray(np.zeros((2, 2)), dims=("y", "x"), coords=grid_coords(2, 2))
    wkt = CRS("EPSG:32631").to_wkt()
    assert crs_of(g) is None
    assert crs_of(g.assign_attrs(crs="EPSG:32631")) == "EPSG:32631"
    assert crs_of(g.assign_coords(spatial_ref=xr.DataArray(0, attrs={"spatial_ref": wkt}))) == "EPSG:32631"
    cf = xr.Dataset({"v": g.assign_attrs(grid_mapping="utm"), "utm": xr.DataArray(0, attrs={"crs_wkt": wkt})})
    assert crs_of(cf) == "EPSG:32631"  # a CF grid-mapping variable named by `grid_mapping`
    assert crs_of(xr.Dataset({"v": g, "crs": xr.DataArray(0, attrs={"crs_wkt": wkt})})) == "EPSG:32631"


def test_crs_of_reads_other_spellings_b2():
    "Field case B2's kind: CRS kept as CF parameters only, bytes, a PROJJSON dict, an `epsg` code: read by meaning."
    g = xr.DataArray(np.zeros((2, 2)), dims=("y", "x"), coords=grid_coords(2, 2))
    cf = {k: v for k, v in CRS("EPSG:32632").to_cf().items() if k not in ("crs_wkt", "spatial_ref")}
    assert "grid_mapping_name" in cf
    spelt = [g.assign_coords(spatial_ref=xr.DataArray(0, attrs=cf)),           # older netCDF writers: no WKT
             g.assign_attrs(crs=b"EPSG:32632"),                                 # netCDF attribute read as bytes
             g.assign_attrs(crs=CRS("EPSG:32632").to_json_dict()),              # PROJJSON as a dict
             g.assign_attrs(epsg=32632),
             g.assign_coords(epsg=32632)]                                       # stackstac's coordinate, attrs dropped
    for o in spelt:
        assert same_crs(crs_of(o), "EPSG:32632"), o
        assert not same_crs(o, g.assign_attrs(crs="EPSG:32631"))               # zone 31 vs 32 still differs
        with pytest.raises(GridError, match="different CRS"):
            check_same_grid(o, g.assign_attrs(crs="EPSG:32631"))


def test_write_crs_is_what_rioxarray_and_odc_read():
    g = write_crs(xr.DataArray(np.zeros((2, 3)), dims=("y", "x"), coords=grid_coords(2, 3)), "EPSG:32631")
    assert g.attrs["crs"] == "EPSG:32631" and g.spatial_ref.attrs["grid_mapping_name"] == "transverse_mercator"
    pytest.importorskip("rioxarray")
    assert g.rio.crs.to_epsg() == 32631
    pytest.importorskip("odc.geo.xr")  # registers .odc
    assert g.odc.crs.epsg == 32631
    ds = write_crs(g.to_dataset(name="v"), 4326)
    assert ds.attrs["crs"] == "EPSG:4326" and ds["v"].encoding["grid_mapping"] == "spatial_ref"


# --- rows, grids, points -------------------------------------------------------------------------------------------

def test_north_up_and_flip_rows():
    up = xr.DataArray(np.arange(4.0), dims="Y", coords={"Y": [1.0, 2.0, 3.0, 4.0]})
    n = north_up(up)
    assert n.dims == ("y",) and n.y.values.tolist() == [4.0, 3.0, 2.0, 1.0] and n.values.tolist() == [3, 2, 1, 0]
    f = flip_rows(n)
    assert f.y.values.tolist() == [4.0, 3.0, 2.0, 1.0] and f.values.tolist() == [0, 1, 2, 3]


def test_pixel_lookup_in_descending_and_ascending_grids():
    g = xr.DataArray(np.zeros((3, 4)), dims=("y", "x"), coords=grid_coords(3, 4))
    rows, cols = pixel_indices(g, g.x.values[[3, 0]] + 4.9, g.y.values[[0, 2]] - 4.9)
    assert rows.tolist() == [0, 2] and cols.tolist() == [3, 0]
    rows, _ = pixel_indices(g.isel(y=slice(None, None, -1)), g.x.values[[0]], g.y.values[[0]])
    assert rows.tolist() == [2]
    with pytest.raises(PointError, match="outside the grid.*give coordinates in the grid's CRS"):
        pixel_indices(g, [g.x.values[0] - 6], [g.y.values[0]])
    with pytest.raises(GridError, match="not monotonic"):
        pixel_indices(g.isel(x=[0, 2, 1, 3]), [g.x.values[0]], [g.y.values[0]])


def test_longitudes_wrap_only_in_geographic_grids():
    x = np.array([-179.75, -179.25, 179.25, 179.75])  # not monotonic as stored: rolled across the antimeridian
    ll = write_crs(xr.DataArray(np.zeros((1, 4)), dims=("y", "x"), coords={"y": [0.0], "x": np.sort(x % 360)}), 4326)
    assert pixel_indices(ll, [-179.75, 179.25], [0.1, 0.1])[1].tolist() == [2, 0]
    utm = xr.DataArray(np.zeros((1, 2)), dims=("y", "x"), coords={"y": [0.0], "x": [180.0, 181.0]})
    with pytest.raises(PointError):
        pixel_indices(utm, [-179.5], [0.0])  # metres: no wrap


def test_to_crs_round_trip():
    x, y = to_crs([500_000.0, 600_000.0], [5_000_000.0, 5_100_000.0], "EPSG:32631", "EPSG:4326")
    xb, yb = to_crs(x, y, 4326, "epsg:32631")
    np.testing.assert_allclose(xb, [500_000.0, 600_000.0], atol=1e-4)
    np.testing.assert_allclose(yb, [5_000_000.0, 5_100_000.0], atol=1e-4)
    xs, ys = to_crs([1.0], [2.0], None, "EPSG:4326")  # no source CRS: nothing to transform
    assert (xs.tolist(), ys.tolist()) == ([1.0], [2.0])


def test_check_same_grid_messages():
    g = write_crs(xr.DataArray(np.zeros((2, 3)), dims=("y", "x"), coords=grid_coords(2, 3)), 32631)
    check_same_grid(g, g.assign_attrs(crs="epsg:32631").drop_vars("spatial_ref"))
    with pytest.raises(GridError, match="different grids.*interp_like"):
        check_same_grid(g, g.assign_coords(x=g.x + 5))
    with pytest.raises(GridError, match="no y coordinate"):
        check_same_grid(g, g.drop_vars("y"))


def test_declared_nodata_conventions():
    a = xr.DataArray(np.zeros(2), dims="x", attrs={"_FillValue": 0, "missing_value": "n/a", "nodatavals": (7.0, 0)})
    a.encoding["missing_value"] = -1.0
    assert declared_nodata(a) == (0.0, 7.0, -1.0)


def test_grid_coords_rows_may_have_their_own_spacing():
    g = grid_coords(3, 2, 100.0, 50.0, 10.0, res_y=20.0)
    np.testing.assert_array_equal(g["x"], [105.0, 115.0])
    np.testing.assert_array_equal(g["y"], [40.0, 20.0, 0.0])   # north-up, 20 m rows
    np.testing.assert_array_equal(grid_coords(2, 1, 0, 0, 10, res_y=-4)["y"], [2.0, 6.0])  # rows south to north


def test_crs_of_a_tree_reads_its_own_then_its_children():
    g = xr.Dataset({"v": xr.DataArray(np.zeros((2, 2)), dims=("y", "x"), coords=grid_coords(2, 2))})
    tree = xr.DataTree.from_dict({"a": g, "b": g.assign_attrs(crs="EPSG:32631")})
    assert crs_of(tree) == "EPSG:32631"          # the first child that records one
    tree.attrs["crs"] = "EPSG:32632"
    assert crs_of(tree) == "EPSG:32632"          # the tree's own comes first
    assert crs_of(xr.DataTree.from_dict({"a": g})) is None


def test_utm_crs_names_the_zone_of_a_point():
    assert [utm_crs(2.35, 48.85), utm_crs(-70.6, -33.4)] == ["EPSG:32631", "EPSG:32719"]   # Paris, Santiago
    assert [utm_crs(-180, 1), utm_crs(179.99, 1), utm_crs(180, 1)] == ["EPSG:32601", "EPSG:32660", "EPSG:32601"]


def test_sample_wraps_longitude_like_pixel_indices():
    "Field case B3 for `sample`: -179.99975 names the same place as x = 180.00025 (column 2) on a geographic grid."
    from alphaearth_nb.core import band_names
    v = np.random.default_rng(0).normal(size=(4, 4, 64)).astype("f4"); v /= np.linalg.norm(v, axis=-1, keepdims=True)
    e = xr.DataArray(v, dims=("y", "x", "band"), attrs={"crs": "EPSG:4326"},
                     coords=dict(y=[10, 9.9995, 9.999, 9.9985], x=[179.99925, 179.99975, 180.00025, 180.00075],
                                 band=band_names()))
    s = e.aef.sample(([-179.99975], [9.9995]))
    assert bool(s["inside"].iloc[0])
    np.testing.assert_array_equal(s[band_names()].values[0], v[1, 2])
    from alphaearth_nb import geo
    assert tuple(int(i[0]) for i in geo.pixel_indices(e, [-179.99975], [9.9995])) == (1, 2)


def test_north_up_turns_x_descending_with_labels():
    a = xr.DataArray(np.arange(6.).reshape(2, 3), dims=("y", "x"), coords=dict(y=[1., 2], x=[30., 20, 10]))
    n = north_up(a)
    assert n.y.values.tolist() == [2, 1] and n.x.values.tolist() == [10, 20, 30]
    assert float(n.sel(y=1, x=30)) == float(a.sel(y=1, x=30)) == 0.0


# --- grids one pixel wide (the spacing read from the other axis or the reader's geotransform) ------------------------

def _strip(nx, ny, res=10.0, x0=500_000.0, y0=5_000_000.0, crs="EPSG:32631"):
    g = grid_coords(ny, nx, x0, y0, res)
    return xr.DataArray(np.zeros((ny, nx)), dims=("y", "x"), coords=g, attrs={"crs": crs})


def test_a_one_pixel_wide_grid_keeps_its_pixel_size():
    col = _strip(1, 6)   # one column of 10 m pixels: x = 500005, y = 4999995 .. 4999945
    # 4 m east of the centre is inside the 10 m pixel (was refused: a half 'pixel' of 0.5 m)
    assert [int(i[0]) for i in pixel_indices(col, [500_009.0], [4_999_975.0])] == [2, 0]
    with pytest.raises(PointError, match="outside the grid"):
        pixel_indices(col, [500_010.5], [4_999_975.0])   # half a metre beyond the pixel's east edge
    row = _strip(6, 1)
    assert [int(i[0]) for i in pixel_indices(row, [500_025.0], [4_999_991.0])] == [0, 2]
    # a geographic strip of 0.0001-degree pixels: a point 0.3 degrees (3,000 pixels) away was accepted
    geo_col = _strip(1, 6, res=1e-4, x0=10.0, y0=45.0, crs="EPSG:4326")
    with pytest.raises(PointError, match="outside the grid"):
        pixel_indices(geo_col, [10.3], [44.99975])
    assert int(pixel_indices(geo_col, [10.00009], [44.99975])[1][0]) == 0


def test_a_one_pixel_grid_reads_the_geotransform_a_reader_kept():
    # rioxarray keeps the file's geotransform on `spatial_ref`: a 20 m x 10 m pixel, one column
    col = _strip(1, 4, res=10.0).assign_coords(x=[500_010.0])
    col = col.assign_coords(spatial_ref=xr.Variable((), 0, {"GeoTransform": "500000.0 20.0 0.0 5000000.0 0.0 -10.0"}))
    assert int(pixel_indices(col, [500_018.0], [4_999_985.0])[0][0]) == 1
    with pytest.raises(PointError):
        pixel_indices(col, [500_021.0], [4_999_985.0])
    one = _strip(1, 1)   # one pixel and nothing saying its size: refused, not guessed
    with pytest.raises(GridError, match="pixel size"):
        pixel_indices(one, [500_005.0], [4_999_995.0])


# --- a reader's geotransform after coarsen or a strided slice: the coordinates win ----------------------------------

_GT10 = "500000.0 10.0 0.0 5000000.0 0.0 -10.0"   # a 10 m north-up grid whose top-left corner is (500000, 5000000)


def _read(ny, nx):
    "A grid as rioxarray reads it from a file: 10 m pixels, the file's geotransform kept on `spatial_ref`."
    return xr.DataArray(np.arange(ny * nx, dtype=np.float32).reshape(ny, nx), dims=("y", "x"),
                        coords=grid_coords(ny, nx), attrs={"crs": "EPSG:32631"}).assign_coords(
        spatial_ref=xr.Variable((), 0, {"GeoTransform": _GT10}))


@pytest.mark.parametrize("op, ny, nx, want", [
    # coarsen by 2 of the 10 m grid: 20 m pixels, the same top-left corner
    (lambda g: g.coarsen(x=2, y=2).mean(), 4, 6, (20.0, 0.0, 500_000.0, 0.0, -20.0, 5_000_000.0)),
    # ... of a strip two rows high: one row left, still 20 m high (was 10 m: the file's step)
    (lambda g: g.coarsen(x=2, y=2).mean(), 2, 6, (20.0, 0.0, 500_000.0, 0.0, -20.0, 5_000_000.0)),
    # ... of a strip two columns wide: one column left, 20 m wide
    (lambda g: g.coarsen(x=2, y=2).mean(), 6, 2, (20.0, 0.0, 500_000.0, 0.0, -20.0, 5_000_000.0)),
    # every third column: 30 m apart, centred on columns 0, 3, 6 (x = 500005, 500035, 500065)
    (lambda g: g.isel(x=slice(None, None, 3)), 4, 9, (30.0, 0.0, 499_990.0, 0.0, -10.0, 5_000_000.0)),
])
def test_a_coarsened_or_strided_grid_gets_its_own_transform(op, ny, nx, want):
    from alphaearth_nb.cubes import transform_of
    pytest.importorskip("affine")
    g = op(_read(ny, nx))
    assert pixel_size(g) == (want[0], -want[4])
    assert tuple(transform_of(g))[:6] == pytest.approx(want)
    gt = [float(v) for v in write_crs(g, "EPSG:32631").spatial_ref.attrs["GeoTransform"].split()]
    assert gt == pytest.approx([want[2], want[0], 0.0, want[5], 0.0, want[4]])   # no stale 10 m left for exports


def test_a_sliced_grid_keeps_the_readers_geotransform():
    g = _read(3, 9).isel(x=slice(2, 5), y=[1])          # a contiguous slice: the file's grid still fits
    assert pixel_size(g) == (10.0, 10.0)
    assert write_crs(g, "EPSG:32631").spatial_ref.attrs["GeoTransform"] == _GT10


def test_a_one_pixel_axis_the_coordinates_cannot_size_is_refused_with_the_fix():
    pytest.importorskip("rioxarray")
    from affine import Affine
    strip = _read(1, 9).isel(x=slice(None, None, 3))    # one row: 10 m if y was not strided, 30 m if it was alike
    with pytest.raises(GridError, match=r"one pixel along `y`.*rio.write_transform"):
        pixel_size(strip)
    with pytest.raises(GridError, match="write_transform"):
        pixel_indices(strip, [500_035.0], [4_999_995.0])
    fixed = strip.rio.write_transform(Affine(30.0, 0.0, 499_990.0, 0.0, -10.0, 5_000_000.0))
    assert pixel_size(fixed) == (30.0, 10.0)
    one = _read(2, 2).coarsen(x=2, y=2).mean()          # 2 x 2 -> 1 x 1: the centre lies between the file's pixels
    with pytest.raises(GridError, match="one pixel along `x`"):
        pixel_size(one)
    # the refused grid's stale geotransform is not rewritten by guess (a later use refuses again)
    assert write_crs(strip, "EPSG:32631").spatial_ref.attrs["GeoTransform"] == _GT10


def test_a_longitude_axis_wrapped_at_180_keeps_its_geotransform():
    "x = 179.99925 .. -179.99925 (a reader wrapped it): one span of 0.0005-degree pixels, not a stale step of -360."
    x, y = np.array([179.99925, 179.99975, -179.99975, -179.99925]), np.array([0.00075, 0.00025, -0.00025, -0.00075])
    gt = "179.999 0.0005 0.0 0.001 0.0 -0.0005"
    g = xr.DataArray(np.zeros((4, 4)), dims=("y", "x"), coords={"y": y, "x": x}).assign_coords(
        spatial_ref=xr.Variable((), 0, {"GeoTransform": gt}))
    assert write_crs(g, "EPSG:4326").spatial_ref.attrs["GeoTransform"] == gt
    got = write_crs(g.coarsen(x=2, y=2).mean(), "EPSG:4326").spatial_ref.attrs["GeoTransform"]
    assert [float(v) for v in got.split()] == pytest.approx([179.999, 0.001, 0.0, 0.001, 0.0, -0.001])


# ---- degrees that cannot be degrees (field kind F: plausible but wrong inputs must not pass silently)
def _lonlat_points(emb, rows=(3, 5)):
    from alphaearth_nb.geo import to_crs
    return to_crs(emb.x.values[list(rows)], emb.y.values[list(rows)], emb.attrs["crs"], "EPSG:4326")


def test_metres_given_as_degrees_are_refused():
    from alphaearth_nb.core import PointError
    from alphaearth_nb.geo import to_crs
    with pytest.raises(PointError, match="projected coordinates"):
        to_crs([500035.0], [4999965.0], "EPSG:4326", "EPSG:32631")      # pyproj gave inf
    with pytest.raises(PointError, match="swapped"):
        to_crs([37.7], [-122.4], "EPSG:4326", "EPSG:32610")             # San Francisco as (lat, lon)
    x, y = to_crs([-122.4, 190.0, np.nan], [37.7, -10.0, np.nan], "EPSG:4326", "EPSG:32610")   # degrees pass
    assert np.isfinite(x[:2]).all() and np.isnan(x[2])


def test_label_table_with_metres_in_lon_lat_columns():
    import pandas as pd
    from alphaearth_nb.core import PointError
    from alphaearth_nb.testing import embedding_from_array, random_unit
    e = embedding_from_array(random_unit((8, 8), seed=1))
    lon, lat = _lonlat_points(e)
    good = pd.DataFrame({"lon": lon, "lat": lat, "label": [1, 2]})
    assert e.aef.classify(good, k=1)["class"].values[3, 3] == 1
    metres = good.assign(lon=e.x.values[[3, 5]], lat=e.y.values[[3, 5]])     # was "no labelled pixel found"
    with pytest.raises(PointError, match="lon/lat columns.*projected"):
        e.aef.classify(metres, k=1)
    with pytest.raises(PointError, match="projected"):
        e.aef.similarity((float(e.x[3]), float(e.y[3])), crs="EPSG:4326")


def test_geodataframe_in_degrees_holding_metres():
    gpd = pytest.importorskip("geopandas")
    from alphaearth_nb.core import PointError
    from alphaearth_nb.testing import embedding_from_array, random_unit
    e = embedding_from_array(random_unit((8, 8), seed=1))
    gdf = gpd.GeoDataFrame({"label": [1, 2]}, geometry=gpd.points_from_xy(e.x.values[[3, 5]], e.y.values[[3, 5]]),
                           crs="EPSG:4326")   # set_crs('EPSG:4326') on a UTM table
    with pytest.raises(PointError, match=r"GeoDataFrame.*set_crs\('EPSG:32631', allow_override=True\)"):   # not crs=
        e.aef.classify(gdf, k=1)                                                   # (s33 crs: the relabel, named)
    assert e.aef.classify(gdf.set_crs("EPSG:32631", allow_override=True), k=1)["class"].values[3, 3] == 1


def test_to_crs_reads_a_latitude_a_hair_past_a_pole_as_the_pole():
    "Review 2 item 10: a reprojected polar box's 90.0000001 raised 'projected coordinates' (no tolerance)."
    x, y = to_crs([10.0, 10.0], [90.0000001, -90.0000001], "EPSG:4326", "EPSG:3413")   # NSIDC polar stereographic
    xp, yp = to_crs([10.0, 10.0], [90.0, -90.0], "EPSG:4326", "EPSG:3413")
    np.testing.assert_array_equal(x, xp); np.testing.assert_array_equal(y, yp)
    x, y = to_crs([-170.0], [90.0000001], "EPSG:4326", "EPSG:4326")      # same CRS: the pole, not past it
    assert float(y[0]) == 90.0
    with pytest.raises(PointError, match="swapped"):                    # past a pole by more: still refused
        to_crs([10.0], [90.5], "EPSG:4326", "EPSG:3413")


def test_a_point_given_as_lat_lon_within_90_is_named_swapped():
    "Paris (lat 48.853, lon 2.347) handed in as (x, y) to an EPSG:4326 map of it: both within +-90, off the map, on it swapped."
    from alphaearth_nb.testing import embedding_from_array, random_unit
    g = grid_coords(10, 10, x0=2.30, y0=48.90, res=0.01)            # x 2.305..2.395, y 48.895..48.805
    e = embedding_from_array(random_unit((10, 10), seed=2)).assign_coords(g).assign_attrs(crs="EPSG:4326")
    with pytest.raises(PointError, match=r"outside the grid .*read as \(y, x\) they all lie on it: .*swapped"):
        pixel_indices(e, [48.853], [2.347])
    assert [int(v[0]) for v in pixel_indices(e, [2.347], [48.853])] == [4, 4]  # hand-worked: row (48.9 - 48.853) // 0.01
    with pytest.raises(PointError, match="swapped"):
        e.aef.similarity((48.8555, 2.3012))                          # a public entry: the same words
    for xs, ys in (([2.0], [48.85]),                                 # off, and off swapped too: no swap hint
                   ([48.85, 2.0], [2.35, 48.85])):                   # one swapped, one simply off: no hint
        with pytest.raises(PointError, match="give coordinates in the grid's CRS") as ex:
            pixel_indices(e, xs, ys)
        assert "swapped" not in str(ex.value)
    u = e.assign_coords(grid_coords(10, 10, x0=48.80, y0=2.40, res=0.01)).assign_attrs(crs="EPSG:32631")
    with pytest.raises(PointError) as ex:                           # metres of a projected map: x and y swapped (s49),
        pixel_indices(u, [2.35], [48.85])                           # in a projected CRS's words, not lon/lat's
    assert "x and y look swapped" in str(ex.value) and "longitude" not in str(ex.value), str(ex.value)


def test_lat_lon_given_for_a_utm_map_is_named_swapped_in_queries_and_samples():
    "Paris as (lat, lon) for a UTM 31N map of it (the official product's grids are UTM): named, not 'outside' alone."
    import warnings
    from alphaearth_nb.testing import embedding_from_array, random_unit
    from alphaearth_nb.geo import to_crs
    lon, lat = 2.347, 48.853
    (x,), (y,) = to_crs([lon], [lat], "EPSG:4326", "EPSG:32631")
    g = grid_coords(10, 10, x0=round(x) - 50.0, y0=round(y) + 50.0)      # 100 m square centred near the point
    e = embedding_from_array(random_unit((10, 10), seed=2)).assign_coords(g).assign_attrs(crs="EPSG:32631")
    with pytest.raises(PointError, match="swapped"):
        e.aef.similarity((lat, lon), crs="EPSG:4326")
    assert e.aef.similarity((lon, lat), crs="EPSG:4326").shape == (10, 10)
    with pytest.raises(PointError) as ex:                             # off the map either way: no swap named
        e.aef.similarity((lon + 0.01, lat), crs="EPSG:4326")
    assert "swapped" not in str(ex.value)
    with pytest.warns(NoDataWarning, match=r"none of the 1 points lies on the map .*swapped"):
        s = e.aef.sample(([lat], [lon]))
    assert not s["inside"].any()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert e.aef.sample(([lon], [lat]))["inside"].all()
    with pytest.warns(NoDataWarning, match="none of the 1 points lies on the map") as rec:  # simply off: warned,
        assert not e.aef.sample(([lon + 0.01], [lat]))["inside"].any()                  # with no swap named
    assert not any("swapped" in str(w.message) for w in rec)
