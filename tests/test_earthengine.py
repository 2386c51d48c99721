"Earth Engine loaders, tested on fakes of xee's output (no Earth Engine here): renaming, masks, units, dims, flips."
import importlib.util
import re
import warnings

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import (DuplicateTimeError, MissingDependencyError, NoDataWarning, UnknownSourceError,
                                band_names)
from alphaearth_nb.earthengine import (EE_SOURCES, EERequest, dedupe_passes, drop_night, ee_initialize, ee_source,
                                       fmask_clear, load_official, load_source, load_stack, to_stack_dataset, utm_grid)
from alphaearth_nb.stacks import CLOUD, source_arrays, validate_stack
from alphaearth_nb.testing import embedding_from_array, fake_xee, random_unit
from alphaearth_nb.sources import get_source

X = 500_005.0 + 10 * np.arange(5)
Y = 5_000_035.0 - 10 * np.arange(4)
T = ["2024-05-01", "2024-05-11"]


def _raw(bands, layout="v0", times=T, y=Y, **kw):
    return fake_xee(bands, times, X, y, layout=layout, **kw)


def test_recipes_cover_the_registry():
    for name, s in EE_SOURCES.items():
        assert sorted(s.bands.values()) == sorted(get_source(name).bands)
    with pytest.raises(UnknownSourceError, match="EE_SOURCES"):
        ee_source("modis")


def test_layouts_agree():
    a = np.random.default_rng(0).uniform(100, 3000, (2, 4, 5))
    outs = [to_stack_dataset(_raw({"B4": a, "cs": np.ones_like(a)}, layout), "sentinel2")
            for layout in ("v0", "v1", "deg")]
    for o in outs:
        assert o["B4"].dims == ("time", "y", "x") and o["B4"].dtype == np.float32
        np.testing.assert_array_equal(o["B4"].values, a.astype(np.float32))
        np.testing.assert_array_equal(o.y.values, Y)
        assert o.time.dtype == np.dtype("datetime64[ns]") and o.attrs == {"crs": "EPSG:32631", "source": "sentinel2"}
    lazy = to_stack_dataset(_raw({"B4": a, "cs": np.ones_like(a)}).chunk({"time": 1}), "sentinel2")  # xee with chunks
    assert lazy["B4"].chunks is not None
    np.testing.assert_array_equal(lazy["B4"].values, outs[0]["B4"].values)


def test_sentinel2_cloud_score_plus_and_nodata():
    dn = np.full((2, 4, 5), 1200.0)
    dn[0, 0, 0] = 0                       # S2 no data
    dn[1, 3, 4] = np.nan                  # masked by Earth Engine
    cs = np.full((2, 4, 5), 0.8)
    cs[1, 1, :] = 0.5                     # not clear: the rule is cs > 0.5
    cs[0, 2, 2] = 0.51
    o = to_stack_dataset(_raw({"B2": dn, "B8": dn, "cs": cs}), "sentinel2", mask_clouds=True)
    assert set(o.data_vars) == {"B2", "B8"}  # cs dropped; missing bands simply absent
    v = o["B2"].values
    assert np.isnan(v[0, 0, 0]) and np.isnan(v[1, 3, 4]) and np.isnan(v[1, 1]).all() and v[0, 2, 2] == 1200
    assert np.isfinite(v).sum() == 40 - 1 - 1 - 5
    # a higher threshold masks more
    o2 = to_stack_dataset(_raw({"B2": dn, "cs": cs}), "sentinel2", cs_threshold=0.7, mask_clouds=True)
    assert np.isfinite(o2["B2"].values).sum() == 40 - 1 - 1 - 5 - 1


def test_sentinel1_db_range_angle_and_orbit():
    vv = np.full((2, 4, 5), -12.0)
    vv[0, 0, 0], vv[0, 0, 1], vv[1, 0, 0] = -35.0, 12.0, -30.0
    ang = np.full((2, 4, 5), 38.0)
    passes = {"orbitProperties_pass": ["DESCENDING", "ASCENDING"]}
    o = to_stack_dataset(_raw({"VV": vv, "angle": ang}, coords=passes), "sentinel1")
    assert np.isnan(o["VV"].values[0, 0, :2]).all() and o["VV"].values[1, 0, 0] == -30.0
    np.testing.assert_allclose(o["angle"].values, np.deg2rad(38.0), rtol=1e-6)
    assert o["ascending"].dims == ("time",) and o["ascending"].values.tolist() == [0.0, 1.0]
    # slices of one pass share a timestamp: merged into one frame, metadata kept
    o = to_stack_dataset(_raw({"VV": np.full((3, 4, 5), -10.0)}, times=["2024-01-02", "2024-01-02", "2024-01-01"],
                              coords={"orbitProperties_pass": ["ASCENDING", "ASCENDING", "DESCENDING"]}), "sentinel1")
    assert o.sizes["time"] == 2 and o["ascending"].values.tolist() == [0.0, 1.0]


def test_landsat_scale_and_fmask():
    dn = np.full((2, 4, 5), 10909.0)      # reflectance 0.1 -> 1000 in the registry's units
    qa = np.full((2, 4, 5), 21824.0)      # clear land
    qa[0, 0, 0] = 21824 | (1 << 3)        # cloud
    qa[0, 0, 1] = 21824 | (1 << 4)        # cloud shadow
    qa[0, 0, 2] = 1                       # fill
    qa[0, 0, 3] = 21824 | (1 << 1)        # dilated cloud
    o = to_stack_dataset(_raw({"SR_B4": dn, "SR_B5": dn, "QA_PIXEL": qa}), "landsat", mask_clouds=True)
    assert set(o.data_vars) == {"B4", "B5"}
    v = o["B4"].values
    assert np.isnan(v[0, 0, :4]).all() and np.isfinite(v[0, 0, 4])
    np.testing.assert_allclose(v[1], (10909 * 2.75e-5 - 0.2) * 1e4, rtol=1e-5)
    assert fmask_clear(np.array([21824, 21824 | 4, np.nan])).tolist() == [True, False, False]


def test_landsat_toa_units():
    r = np.full((1, 4, 5), 0.12)
    bt = np.full((1, 4, 5), 295.0)
    o = to_stack_dataset(_raw({"B4": r, "B10": bt, "QA_PIXEL": np.zeros_like(r)}, times=T[:1]), "landsat_toa")
    np.testing.assert_allclose(o["B4"].values, 1200.0, rtol=1e-6)
    np.testing.assert_allclose(o["B10"].values, 295.0)


def test_era5_and_static_dem():
    era = {"temperature_2m": np.full((2, 4, 5), 290.0), "total_precipitation_sum": np.full((2, 4, 5), 0.05)}
    o = to_stack_dataset(_raw(era), "era5")
    assert sorted(o.data_vars) == ["temperature_2m", "total_precipitation"]
    dem = xr.Dataset({"DEM": (("y", "x"), np.full((4, 5), 120.0)), "slope": (("y", "x"), np.full((4, 5), 3.0))},
                     coords={"y": Y, "x": X}, attrs={"crs": "EPSG:32631"})
    from alphaearth_nb.timecodes import Period
    o = to_stack_dataset(dem, "dem", period=Period("2024-01-01", "2025-01-01"))
    assert o.sizes["time"] == 1 and sorted(o.data_vars) == ["elevation", "slope"]


def test_duplicate_times_merged_and_rows_top_down():
    a = np.full((3, 4, 5), 1000.0)
    a[0, :2] = np.nan                     # tile 1 covers the bottom half ...
    a[1, 2:] = np.nan                     # ... tile 2 (same acquisition) the top half
    a[1, :2] = 2000.0
    raw = _raw({"B3": a[:, ::-1], "cs": np.ones_like(a)}, times=["2024-05-01", "2024-05-01", "2024-04-01"], y=Y[::-1])
    o = to_stack_dataset(raw, "sentinel2")
    assert o.sizes["time"] == 2 and (np.diff(o.time.values) > np.timedelta64(0)).all()
    np.testing.assert_array_equal(o.y.values, Y)
    np.testing.assert_array_equal(o["B3"].values[1], np.r_[np.full((2, 5), 2000.0), np.full((2, 5), 1000.0)])


def test_load_stack_with_fake_opener():
    seen = []
    def opener(req):
        assert isinstance(req, EERequest)
        seen.append((req.source.name, req.grid["shape_2d"]))
        lo, hi = {"landsat": (8000, 20000), "sentinel1": (-25, 0)}.get(req.source.name, (100, 3000))
        bands = {b: np.random.default_rng(1).uniform(lo, hi, (2, 4, 5)) for b in req.source.bands if b != "HV"}   # every band the model reads (a missing one is warned, 3d5f65c2) but S1's HV
        return _raw(bands, coords={"orbitProperties_pass": ["ASCENDING", "ASCENDING"]})
    grid = utm_grid(500_000, 5_000_040, 5, 4)
    assert grid["crs_transform"] == (10.0, 0.0, 500_000, 0.0, -10.0, 5_000_040)
    with warnings.catch_warnings():   # VV, VH and HH scenes, HV empty: single-pol HH beside dual VV+VH, no slip
        warnings.simplefilter("error", NoDataWarning)
        tree = load_stack(["sentinel2", "sentinel1", "landsat"], 2024, grid, opener=opener)
    assert sorted(tree.children) == ["landsat", "sentinel1", "sentinel2"]
    assert seen == [("sentinel2", (5, 4)), ("sentinel1", (5, 4)), ("landsat", (5, 4))]
    assert load_source("sentinel1", 2024, grid, opener=opener)["ascending"].values.tolist() == [1.0, 1.0]


@pytest.fixture(scope="module")
def emb():
    e = embedding_from_array(random_unit((4, 5), seed=3), coords={"y": Y, "x": X})
    e[1, 1] = np.nan
    return e


def test_load_official_layouts(emb):
    want = emb.values
    for layout in ("v0", "v1"):
        op = lambda req: fake_xee({b: emb.values[None, ..., i] for i, b in enumerate(band_names())},
                                  [req.period.start], X, Y, layout=layout)
        e = load_official(2024, utm_grid(500_000, 5_000_040, 5, 4), opener=op)
        assert e.dims == ("y", "x", "band") and e.attrs["time"].startswith("2024-01-01")
        np.testing.assert_array_equal(e.values, want)


def test_load_official_of_several_years_is_the_cube_from_official_reads(emb):
    """load_official((2023, 2024)) is the cube from_official makes of the same years: each year's vectors at its
    place, one date per year on `time`, no `time` attribute. Was: attrs['time'] = the first year's date on the whole
    cube (2023-01-01 on a 2023..2024 cube: what a writer or a reader of attrs took as the cube's one date)."""
    from alphaearth_nb.embeddings import from_official
    other = embedding_from_array(random_unit((4, 5), seed=9))
    vals = {2023: emb.values, 2024: other.values}
    bands = lambda y: {b: vals[y][None, ..., i] for i, b in enumerate(band_names())}
    op = lambda req: fake_xee(bands(int(str(req.period.start)[:4])), [req.period.start], X, Y, layout="v0")
    cube = load_official((2023, 2024), utm_grid(500_000, 5_000_040, 5, 4), opener=op)
    assert "time" not in cube.attrs and cube.dims == ("time", "y", "x", "band")
    assert [str(t)[:10] for t in cube.time.values] == ["2023-01-01", "2024-01-01"]
    np.testing.assert_array_equal(cube.sel(time="2024").values[0], other.values)
    np.testing.assert_array_equal(cube.sel(time="2023", x=X[2], y=Y[1]).values[0], emb.values[1, 2])
    both = xr.concat([fake_xee(bands(y), [f"{y}-01-01"], X, Y, layout="v0") for y in (2023, 2024)], "time")
    assert cube.attrs == from_official(both).attrs


@pytest.mark.skipif(importlib.util.find_spec("ee") is not None, reason="earthengine-api is installed")
def test_missing_extras_name_the_install():
    for f in (lambda: ee_initialize(project="p"),
              lambda: load_source("sentinel2", 2024, utm_grid(0, 0, 1, 1))):
        with pytest.raises(MissingDependencyError, match=r"pip install 'alphaearth_nb\[ee\]'"):
            f()


def test_cloud_layer_keeps_cloudy_values():
    dn = np.full((2, 4, 5), 1200.0)
    dn[0, 0, 0] = 0                       # no data: NaN band, NaN cloud
    cs = np.full((2, 4, 5), 0.8)
    cs[1, 1, :] = 0.5                     # cloudy: cs <= 0.5
    o = to_stack_dataset(_raw({"B2": dn, "cs": cs}), "sentinel2")
    assert set(o.data_vars) == {"B2", CLOUD} and o[CLOUD].dims == ("time", "y", "x")
    assert (o["B2"].values[1, 1] == 1200).all()          # cloudy values reach the stack as they are
    c = o[CLOUD].values
    assert (c[1, 1] == 1).all() and np.isnan(c[0, 0, 0]) and np.nansum(c) == 5
    qa = np.full((2, 4, 5), 21824.0)
    qa[1, 2, 3] = 21824 | (1 << 4)        # cloud shadow
    lo = to_stack_dataset(_raw({"SR_B4": np.full((2, 4, 5), 10909.0), "QA_PIXEL": qa}), "landsat")
    assert lo[CLOUD].values[1, 2, 3] == 1 and np.nansum(lo[CLOUD].values) == 1 and np.isfinite(lo["B4"].values).all()
    validate_stack(o, "sentinel2")
    sa = source_arrays(o, "sentinel2")
    assert sa.clear is not None and not sa.clear[1, 1].any() and sa.clear[0].all()


def test_near_duplicate_frame_removed_preferring_more_valid_pixels():
    a = np.full((3, 4, 5), -10.0)
    a[0, :3] = np.nan                     # frame 0: 5 valid pixels
    a[1] = -14.0                          # frame 1, 25 s later, same pass: 20 valid pixels -> preferred
    t = ["2024-05-01T05:00:00", "2024-05-01T05:00:25", "2024-05-13T05:00:00"]
    o = to_stack_dataset(_raw({"VV": a}, times=t, coords={"orbitProperties_pass": ["ASCENDING"] * 3}), "sentinel1")
    assert o.sizes["time"] == 2 and str(o.time.values[0])[:19] == t[1]
    assert (o["VV"].values[0] == -14.0).all() and o["ascending"].values.tolist() == [1.0, 1.0]
    # Sentinel-2: granules of one datatake (tile boundary) are one frame; their times may differ
    b = np.full((3, 4, 5), 1000.0)
    b[0, 2:] = np.nan                     # granule A covers the top half ...
    b[1, :] = 2000.0                      # ... granule B all of it (preferred)
    b[1, 0, 0] = 0                        # except one no-data pixel, filled from A
    ids = {"DATATAKE_IDENTIFIER": ["GS2A_X", "GS2A_X", "GS2B_Y"]}
    t = ["2024-05-01T10:00:00", "2024-05-01T10:00:02", "2024-05-01T10:00:04"]
    s2 = to_stack_dataset(_raw({"B3": b, "cs": np.ones_like(b)}, times=t, coords=ids), "sentinel2")
    assert s2.sizes["time"] == 2 and s2["B3"].values[0, 0, 0] == 1000.0 and (s2["B3"].values[0, 1:] == 2000.0).all()
    assert np.isfinite(s2[CLOUD].values[0]).all()


def test_frames_of_opposite_orbits_are_never_one_pass():
    "Sentinel-1 frames of opposite orbits (two viewing geometries) within one pass window, or at one timestamp, were "
    "merged into one frame (grouped by time only); now the orbit splits the pass, and one timestamp is refused with "
    "validate_stack's fix (keep one orbit), which then works."
    a = np.full((3, 4, 5), -10.0)
    a[1] = -14.0
    orb = {"orbitProperties_pass": ["ASCENDING", "DESCENDING", "ASCENDING"]}
    t = ["2024-05-01T05:00:00", "2024-05-01T05:00:25", "2024-05-13T05:00:00"]
    o = to_stack_dataset(_raw({"VV": a}, times=t, coords=orb), "sentinel1")
    assert o.sizes["time"] == 3 and o["ascending"].values.tolist() == [1.0, 0.0, 1.0]
    assert o["VV"].values[:, 0, 0].tolist() == [-10.0, -14.0, -10.0]           # no frame blended into another
    validate_stack({"sentinel1": o})
    raw = _raw({"VV": a}, layout="v1", times=[t[0], t[0], t[2]], coords=orb)   # opposite orbits at one time
    with pytest.raises(DuplicateTimeError, match=r"opposite orbits \(`ascending` 1.0 and 0.0\)") as e:
        to_stack_dataset(raw, "sentinel1")
    assert "keep one orbit, `ds.sel(time=ds.ascending == 1.0)` (or 0.0), or give each frame" in str(e.value)
    with pytest.raises(DuplicateTimeError) as e:                                # on xee's own coordinate
        dedupe_passes(raw)
    fix = re.search(r"`ds\.sel\(time=(ds\.orbitProperties_pass == '\w+')\)`", str(e.value)).group(1)
    one = to_stack_dataset(raw.sel(time=eval(fix, {"ds": raw})), "sentinel1")   # as offered
    assert one.sizes["time"] == 2 and one["ascending"].values.tolist() == [1.0, 1.0]
    validate_stack({"sentinel1": one})


def test_landsat_night_scene_dropped():
    dn = np.full((3, 4, 5), 10909.0)
    t = ["2024-05-01", "2024-05-09", "2024-05-17"]
    o = to_stack_dataset(_raw({"SR_B4": dn, "QA_PIXEL": np.full_like(dn, 21824)}, times=t,
                              coords={"SUN_ELEVATION": [45.0, -20.0, 0.0]}), "landsat")
    assert o.time.values.astype("datetime64[D]").astype(str).tolist() == ["2024-05-01"]
    assert drop_night(_raw({"B4": dn}, times=t)).sizes["time"] == 3   # no sun elevation: unchanged


def test_sentinel1_polarisation_union():
    vv = np.full((2, 4, 5), -12.0)
    vh = np.full((2, 4, 5), -18.0)
    vh[1] = np.nan                        # second scene has no VH (masked placeholder from the server)
    o = to_stack_dataset(_raw({"VV": vv, "VH": vh, "angle": np.full((2, 4, 5), 38.0)}), "sentinel1")
    assert {"VV", "VH", "HH", "HV", "angle"} <= set(o.data_vars) and o.sizes["time"] == 2
    assert np.isnan(o["HH"].values).all() and np.isnan(o["HV"].values).all()
    assert np.isfinite(o["VH"].values[0]).all() and np.isnan(o["VH"].values[1]).all()
    assert (o["VV"].values == -12.0).all()                # the frame is kept
