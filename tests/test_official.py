"Offline tests of the official-embedding mirrors in their real layout (alphaearth_nb.official, cubes, exports)."

import warnings

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("geopandas"); pytest.importorskip("rioxarray"); pytest.importorskip("odc.geo")
import geopandas as gpd
from pyproj import Transformer
from shapely.geometry import Polygon, box

from alphaearth_nb import official as off
from alphaearth_nb.core import ConfigError, MirrorError, NoDataWarning, NoTilesError, band_names
from alphaearth_nb.cubes import aggregate, sample, yearly_change
from alphaearth_nb.exports import read_cog, to_cog
from alphaearth_nb.quantize import dequantize, quantize

ACROSS = (5.995, 44.999, 6.004, 45.003)   # straddles 6 deg E, the boundary of UTM zones 31N and 32N


@pytest.fixture(scope="module")
def mirror(tmp_path_factory, shared_data):
    return off.build_local_mirror(tmp_path_factory.mktemp("mirror"), years=(2022, 2023, 2024),
                                  samples=shared_data / "aef_samples")


def written_lonlat(written_at, mir, year, lon, lat):
    "What a reader should return at lon/lat: the vector of the zone it lies in (6 deg E divides them), else the other's."
    for zone, epsg in ((("31N", 32631), ("32N", 32632)) if lon < 6 else (("32N", 32632), ("31N", 32631))):
        x, y = Transformer.from_crs("EPSG:4326", f"EPSG:{epsg}", always_xy=True).transform(lon, lat)
        v = written_at(mir, year, zone, x, y)
        if v is not None: return v
    return None


def test_index_has_the_documented_schema(mirror):
    idx = off.read_index(mirror.root)
    assert set(off.INDEX_COLUMNS) <= set(idx.columns)
    assert idx.crs.to_epsg() == 4326
    assert all(p.startswith("s3://us-west-2.opendata.source.coop/tge-labs/aef/v1/annual/") for p in idx.path)
    assert set(idx["crs"]) == {"EPSG:32631", "EPSG:32632"}
    bad = mirror.root.parent / "bad"; bad.mkdir(exist_ok=True)
    idx.drop(columns=["utm_zone"]).to_parquet(bad / off.INDEX_NAME)
    with pytest.raises(MirrorError, match="lacks columns"): off.read_index(bad)


def test_bbox_across_the_zone_boundary_returns_the_right_tiles(mirror):
    got = off.tiles(ACROSS, 2024, source=mirror.root)
    want = set()   # independently: tiles whose UTM bounds meet the bbox's corners' hull in their own zone
    for p, (codes, t, crs) in mirror.written.items():
        if "/2024/" not in p: continue
        xs, ys = Transformer.from_crs("EPSG:4326", crs, always_xy=True).transform(
            [ACROSS[0], ACROSS[2], ACROSS[2], ACROSS[0]], [ACROSS[1], ACROSS[1], ACROSS[3], ACROSS[3]])
        foot = box(t.c, t.f - 10 * codes.shape[0], t.c + 10 * codes.shape[1], t.f)
        if Polygon(zip(xs, ys)).intersects(foot): want.add(p)
    assert set(got.path) == want and set(got.utm_zone) == {"31N", "32N"}
    assert len(off.tiles(ACROSS, (2022, 2024), source=mirror.root)) == 3 * len(want)
    with pytest.raises(NoTilesError, match="no official tile"):
        off.tiles((20, 10, 20.1, 10.1), 2024, source=mirror.root)
    with pytest.raises(ConfigError, match="outside the product"): off.tiles(ACROSS, 2030, source=mirror.root)


def test_one_zone_cube_holds_the_written_vectors_north_up(mirror, written_at):
    cube = off.open((5.985, 44.9995, 5.99, 45.0015), (2023, 2024), source=mirror.root, chunks=32)
    assert cube.chunks is not None and cube.dims == ("time", "y", "x", "band")
    assert float(cube.y[0]) > float(cube.y[-1]) and cube.attrs["crs"] == "EPSG:32631"
    v = cube.sel(time="2023-01-01").values
    assert not np.isnan(v).any()
    for i in range(0, v.shape[0], 7):
        for j in range(0, v.shape[1], 11):
            np.testing.assert_array_equal(v[i, j], written_at(mirror, 2023, "31N", float(cube.x[j]), float(cube.y[i])))


def test_mosaic_nearest_is_seamless_and_exact(mirror, written_at):
    m = off.open(ACROSS, 2024, source=mirror.root, crs="EPSG:32631", resampling="nearest", chunks=32)
    m = m.isel(time=0).compute()
    assert not np.isnan(m.values).any()                      # no seam at the zone boundary
    to_ll = Transformer.from_crs("EPSG:32631", "EPSG:4326", always_xy=True)
    for i in range(0, m.sizes["y"], 5):
        for j in range(0, m.sizes["x"], 5):
            x, y = float(m.x[j]), float(m.y[i])
            own = written_at(mirror, 2024, "31N", x, y)
            if own is not None: np.testing.assert_array_equal(m.values[i, j], own)
            else:   # east of 31N's tiles: nearest-neighbour 32N vector, one of those written at the lon/lat
                lon, lat = to_ll.transform(x, y)
                x2, y2 = Transformer.from_crs("EPSG:4326", "EPSG:32632", always_xy=True).transform(lon, lat)
                near = [written_at(mirror, 2024, "32N", x2 + dx, y2 + dy) for dx in (-10, 0, 10) for dy in (-10, 0, 10)]
                assert any(n is not None and np.array_equal(n, m.values[i, j]) for n in near)


def test_mosaic_average_is_the_renormalised_block_mean(mirror, written_at):
    m = off.open(ACROSS, 2024, source=mirror.root, crs="EPSG:32631", resolution=20, chunks=32).isel(time=0).compute()
    n = np.linalg.norm(m.values, axis=-1)
    np.testing.assert_allclose(n[np.isfinite(n)], 1.0, atol=1e-5)
    checked = 0
    for i in range(0, m.sizes["y"], 4):
        for j in range(0, m.sizes["x"], 4):
            x, y = float(m.x[j]), float(m.y[i])
            block = [written_at(mirror, 2024, "31N", x + dx, y + dy) for dx in (-5, 5) for dy in (-5, 5)]
            if any(b is None for b in block): continue
            s = np.sum(block, 0)
            np.testing.assert_allclose(m.values[i, j], s / np.linalg.norm(s), atol=1e-5); checked += 1
    assert checked > 5


def test_points_in_lonlat_and_another_crs_return_the_written_vectors(mirror, written_at):
    rng = np.random.default_rng(1)
    lon, lat = rng.uniform(5.99, 6.006, 200), rng.uniform(44.9985, 45.004, 200)
    got = off.sample_points((lon, lat), 2024, source=mirror.root, chunks=32)
    for k in range(200):
        want = written_lonlat(written_at, mirror, 2024, lon[k], lat[k])
        row = got.loc[k, band_names()].to_numpy(np.float32)
        if want is None: assert not got.inside[k] and np.isnan(row).all()
        else: np.testing.assert_array_equal(row, want)
    assert got.inside.mean() > 0.9
    x, y = Transformer.from_crs("EPSG:4326", "EPSG:3035", always_xy=True).transform(lon, lat)
    gdf = gpd.GeoDataFrame({"id": np.arange(200)}, geometry=gpd.points_from_xy(x, y), crs="EPSG:3035")
    got2 = off.sample_points(gdf, 2024, source=mirror.root, chunks=32)
    assert isinstance(got2, gpd.GeoDataFrame) and got2.id.tolist() == list(range(200))
    np.testing.assert_array_equal(got2[band_names()].to_numpy(), got[band_names()].to_numpy())
    path = mirror.root.parent / "points.geojson"
    gdf.to_crs("EPSG:4326").to_file(path, driver="GeoJSON")
    cube = off.open((5.99, 44.9985, 6.006, 45.004), 2024, source=mirror.root, crs="EPSG:32631",
                    resampling="nearest", chunks=32)
    on_cube = sample(cube, str(path))                          # a GeoJSON path, on a mosaic cube
    to31 = Transformer.from_crs("EPSG:4326", "EPSG:32631", always_xy=True)
    inside31 = np.array([written_at(mirror, 2024, "31N", *to31.transform(lon[k], lat[k])) is not None and lon[k] < 6
                         for k in range(200)])   # the cube's own zone, where the points take it too
    np.testing.assert_array_equal(on_cube[band_names()].to_numpy()[inside31], got[band_names()].to_numpy()[inside31])


def test_aggregation_over_a_polygon_is_the_hand_computed_mean_direction(mirror):
    cube = off.open((5.985, 44.9995, 5.99, 45.0015), (2023, 2024), source=mirror.root, chunks=32)
    x0, y0 = float(cube.x[3]) - 5, float(cube.y[4]) + 5      # a 6 x 5-pixel field given in lon/lat
    field = box(x0, y0 - 50, x0 + 60, y0)
    zones = gpd.GeoDataFrame({"field": ["f1"]}, geometry=[field], crs="EPSG:32631").to_crs("EPSG:4326")
    agg = aggregate(cube, zones)
    assert agg.year.tolist() == [2023, 2024] and agg.n_pixels.tolist() == [30, 30]
    for k, year in enumerate((2023, 2024)):
        v = cube.isel(time=k, y=slice(4, 9), x=slice(3, 9)).values.reshape(-1, 64).sum(0)
        np.testing.assert_allclose(agg.iloc[k][band_names()].to_numpy(np.float32), v / np.linalg.norm(v), atol=1e-6)


def test_cog_round_trip_is_exact(mirror, tmp_path):
    cube = off.open((5.985, 44.9995, 5.99, 45.0015), 2024, source=mirror.root, chunks=32).isel(time=0)
    p = to_cog(cube, tmp_path / "e.tif", blocksize=32)
    back = read_cog(p)
    np.testing.assert_array_equal(back.values, cube.values)
    np.testing.assert_array_equal(back.x.values, cube.x.values)
    np.testing.assert_array_equal(back.y.values, cube.y.values)


def test_time_dimension_flows_through_series_analysis(mirror):
    cube = off.open((5.985, 44.9995, 5.99, 45.0015), (2022, 2024), source=mirror.root, chunks=32)
    assert cube.sizes["time"] == 3
    yc = yearly_change(cube)
    assert yc.score.chunks is not None and yc.score.dims == ("time", "y", "x")
    yc = yc.compute()
    d = 1 - (cube.isel(time=0) * cube.isel(time=1)).sum("band").values   # fields that changed in 2023 move most
    changed = d > 0.2
    if changed.any() and (~changed).any():
        assert np.nanmedian(yc.max_score.values[changed]) > np.nanmedian(yc.max_score.values[~changed])
    tiles = aggregate(cube, tile=16)
    assert sorted(tiles.year.unique()) == [2022, 2023, 2024]
    lon, lat = Transformer.from_crs("EPSG:32631", "EPSG:4326", always_xy=True).transform(
        cube.x.values[[2, 10, 30, 40]], cube.y.values[[3, 12, 5, 15]])
    v = np.asarray(cube.isel(time=0, y=3, x=2).values)
    sim = cube.aef.similarity(v)
    assert sim.dims == ("time", "y", "x") and sim.chunks is not None
    assert float(sim.isel(time=0, y=3, x=2)) == pytest.approx(1.0, abs=1e-5)   # similarity is the cosine
    labels = gpd.GeoDataFrame({"label": [0, 1, 0, 1]}, geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326")
    cls = cube.aef.classify(labels, k=1)["class"]            # labels in lon/lat, per year
    assert cls.dims == ("time", "y", "x") and int(cls.isel(time=2, y=12, x=10)) == 1
    assert cube.aef.change(cube.isel(time=[1, 2, 0])).sizes["time"] == 3


def test_url_mirror_sends_our_user_agent_and_reads_byte_ranges(mirror, tmp_path, serve_folder):
    served = serve_folder(mirror.root, refuse="Python-urllib")         # like one real mirror: default agent refused
    url = served.url
    t = off.tiles(ACROSS, 2024, source=url, cache=tmp_path)              # index downloaded with our User-Agent
    assert all(h.startswith(url) for h in t.href)
    served.log.clear()
    cube = off.open((5.985, 44.9995, 5.99, 45.0015), 2024, source=url, chunks=32, cache=tmp_path)
    local = off.open((5.985, 44.9995, 5.99, 45.0015), 2024, source=mirror.root, chunks=32)
    np.testing.assert_array_equal(cube.values, local.values)
    tif = [(r.path, r.size) for r in served.log if r.method == "GET" and r.status < 300 and r.path.endswith(".tiff")]
    size = max((mirror.root / p.lstrip("/")).stat().st_size for p, _ in tif)
    assert tif and max(n for _, n in tif) < size                          # ranges, never a whole file at once


@pytest.mark.slow
def test_distributed_client_path(mirror, tmp_path):
    "official.open(...) -> to_cog(...) on a LocalCluster of spawned worker processes (JAX must not be forked)."
    distributed = pytest.importorskip("distributed")
    import dask
    with dask.config.set({"distributed.worker.multiprocessing-method": "spawn"}):
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                      memory_limit="1GiB") as cluster, distributed.Client(cluster) as client:
            cube = off.open(ACROSS, 2024, source=mirror.root, crs="EPSG:32631", chunks=32).isel(time=0)
            p = to_cog(cube, tmp_path / "dist.tif", blocksize=32)
            labels = pd.DataFrame({"x": cube.x.values[[2, 40]], "y": cube.y.values[[3, 20]], "label": [0, 1]})
            q = cube.aef.classify(labels, k=1)["class"].aef.map_to_cog(tmp_path / "classes.tif", blocksize=32)
            assert len(client.scheduler_info()["workers"]) == 2
    np.testing.assert_array_equal(read_cog(p).values, np.asarray(dequantize(quantize(cube.values))))
    import rasterio
    with rasterio.open(q) as f: assert set(np.unique(f.read(1))) <= {0, 1}


def test_h3_cells_and_zarr_and_stac_describe_the_cube(mirror, tmp_path):
    pytest.importorskip("h3"); pytest.importorskip("pystac")
    from alphaearth_nb.exports import open_zarr, stac_item, to_zarr
    cube = off.open((5.985, 44.9995, 5.99, 45.0015), (2023, 2024), source=mirror.root, chunks=32)
    cells = aggregate(cube, h3=10)
    per_year = cells[cells.year == 2024]
    assert len(per_year) > 1 and per_year.h3.is_unique
    assert per_year.n_pixels.sum() <= cube.sizes["y"] * cube.sizes["x"]
    full = per_year[per_year.n_pixels > 0]
    np.testing.assert_allclose(np.linalg.norm(full[band_names()].to_numpy(np.float32), axis=1), 1.0, atol=1e-5)
    store = to_zarr(cube, tmp_path / "cube.zarr")
    back = open_zarr(store)
    assert back.dims == ("time", "y", "x", "band")
    np.testing.assert_array_equal(back.values, cube.values)
    cog = to_cog(cube.isel(time=-1), tmp_path / "y24.tif", blocksize=32)
    item = stac_item(cog, year=2024).to_dict()
    w, s, e, n = item["bbox"]
    assert 5.98 < w < e < 5.995 and 44.99 < s < n < 45.01 and item["properties"]["proj:code"] == "EPSG:32631"


def test_requester_pays_mirror_needs_a_project(tmp_path):
    with pytest.raises(MirrorError, match="requester pays"):
        off.tiles(ACROSS, 2024, source="gcs", cache=tmp_path)
    assert off.gdal_env("my-project") == {"GS_USER_PROJECT": "my-project"}   # the one process-wide setting left
    assert off.gdal_env() == {}   # HTTP tiles carry their options (User-Agent, no listing) in their path: gdal_path


def test_years_given_as_text_are_one_year():
    "years='2024' (a config file, a command line) was read character by character: 'years [0, 2, 4] are outside'."
    assert off.years_of("2024") == [2024] and off.years_of(b" 2019 ") == [2019]
    assert off.years_of(2024) == off.years_of(np.int64(2024)) == [2024] and off.years_of((2023, 2024)) == [2023, 2024]
    with pytest.raises(ConfigError, match="'2024-01-01' is not a year"):
        off.years_of("2024-01-01")
    with pytest.raises(ConfigError, match=r"years \[2030\] are outside"):
        off.years_of("2030")


def test_opening_the_mirror_onto_a_grid_warns_nothing_about_georeferencing(mirror):  # tutorial 02's cell
    import warnings
    from rasterio.errors import NotGeoreferencedWarning
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")  # every warning a user could see, each time
        for resampling in ("nearest", "average"):
            m = off.open(ACROSS, 2024, source=mirror.root, crs="EPSG:32631", resampling=resampling,
                         chunks=16).persist()  # the chunks are warped here, on dask's threads (each year's alike: one)
            assert np.isfinite(m.values).any()
    assert [str(w.message) for w in seen if issubclass(w.category, NotGeoreferencedWarning)] == []


FIJI = (179.999, -17.002, -179.999, -16.998)   # west > east: the GeoJSON/STAC box across 180 deg (RFC 7946 5.2)


@pytest.fixture(scope="module")
def fiji(tmp_path_factory, shared_data):
    "A mirror whose tiles meet at 180 deg (UTM 60S and 1S), as the official ones do over Fiji."
    return off.build_local_mirror(tmp_path_factory.mktemp("fiji"), years=(2024,), samples=shared_data / "aef_samples",
                                  at=(180.0, -17.0))


def test_a_box_across_the_antimeridian_is_a_box(fiji, written_at):
    "A lon/lat box with west > east crosses 180 deg: its tiles on both sides, and a seamless cube holding them."
    parts = off.area_of(FIJI)
    assert parts.area == pytest.approx(0.002 * 0.004) and parts.bounds[1::2] == (-17.002, -16.998)
    got = off.tiles(FIJI, 2024, source=fiji.root)
    assert set(got.utm_zone) == {"60S", "1S"}
    east_only = off.tiles((-179.999, -17.002, -179.998, -16.998), 2024, source=fiji.root)
    assert set(east_only.utm_zone) <= {"60S", "1S"} and len(got) >= len(east_only)
    cube = off.open(FIJI, 2024, source=fiji.root, crs="EPSG:32760", resampling="nearest", chunks=32)
    assert cube.attrs["crs"] == "EPSG:32760"
    assert cube.sizes["x"] < 300 and cube.sizes["y"] < 80   # ~213 m x 442 m at 10 m, not a box round the world
    m = cube.isel(time=0).compute()
    assert not np.isnan(m.values).any()
    for i in range(0, m.sizes["y"], 9):   # 60S's tiles cover the box on both sides of 180: the output's own zone
        for j in range(0, m.sizes["x"], 9):
            np.testing.assert_array_equal(m.values[i, j], written_at(fiji, 2024, "60S", float(m.x[j]), float(m.y[i])))
    default = off.open(FIJI, 2024, source=fiji.root, chunks=32)   # the centre's zone by default: 60S or 1S
    assert default.attrs["crs"] in ("EPSG:32760", "EPSG:32701") and default.sizes["x"] < 300
    with pytest.raises(ConfigError, match="not \\(west, south, east, north\\)"):
        off.area_of((179.9, -16.9, -179.9, -17.0))   # south > north is still wrong


def test_a_swapped_bbox_is_not_a_box_round_the_world():
    "(10, 44, 5, 45) has west and east swapped: refused with the fix, not read as a box 355 degrees wide across 180."
    with pytest.raises(ConfigError, match="swapped.*\\(5.0, 44.0, 10.0, 45.0\\)"):
        off.area_of((10, 44, 5, 45))
    assert off.area_of((179.5, -17.0, -179.5, -16.0)).area == pytest.approx(1.0)   # across 180: 1 x 1 degree
    assert off.area_of((5, 44, 10, 45)).area == pytest.approx(5.0)


def test_local_mirror_prints_short(mirror):  # N19-10: print(build_local_mirror(...)) dumped every tile's int8 codes
    text = repr(mirror)
    assert len(text) < 300 and f"{len(mirror.index)} tiles" in text and "2022" in text and "2024" in text
    assert all(crs in text for crs in set(mirror.index["crs"])) and "96" in text


def test_sample_points_answers_per_point_and_warns_where_none_is_covered(mirror):
    # points of which none was covered raised NoTilesError, while points not covered among others got inside=False:
    # one rule now, an answer per point (inside, NaN vectors), and a NoDataWarning naming the years no point has
    with pytest.warns(NoDataWarning, match=r"none of the 2 points.*2024.*lon/lat"):
        far = off.sample_points(([20.0, 20.05], [10.0, 10.02]), 2024, source=mirror.root, chunks=32)
    assert len(far) == 2 and not far.inside.any() and far[band_names()].isna().all().all()
    with warnings.catch_warnings():
        warnings.simplefilter("error", NoDataWarning)   # a point covered: the other is answered, nothing to warn
        mixed = off.sample_points(([6.001, 20.0], [45.001, 10.0]), 2024, source=mirror.root, chunks=32)
    assert mixed.inside.tolist() == [True, False] and mixed[band_names()].iloc[1].isna().all()
    with pytest.warns(NoDataWarning, match=r"in 2021\b"):   # a year the mirror lacks: its rows outside, the rest read
        two = off.sample_points(([6.001], [45.001]), (2021, 2024), source=mirror.root, chunks=32)
    assert dict(zip(two.year, two.inside)) == {2021: False, 2022: True, 2023: True, 2024: True}
