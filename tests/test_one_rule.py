"""Mends of session 26's review: each rule written once, its callers using it. Each test would catch the copies
drifting apart again, or a caller's wrong answer."""
import json
import os
import socket
import subprocess
import sys
import time

import pytest

from alphaearth_nb import checkpoint, runlock
from alphaearth_nb.core import NotOursError, RunLockedError


def _lock(d, pid, host=None):
    d.mkdir(exist_ok=True)
    (d / checkpoint.LOCK).write_text(json.dumps({"pid": pid, "host": host or socket.gethostname(),
                                                 "started": time.time()}))


def _dead_pid():
    p = subprocess.Popen([sys.executable, "-c", "pass"]); p.wait()
    return p.pid


def test_check_run_folder_judges_the_lock_by_its_holder(tmp_path):
    """`check_run_folder`: a live run's lock is named (RunLockedError) before the folder's files are judged; a lock
    of a dead process of this host is no holder (the files are judged: a foreign folder NotOursError, an empty one
    passes), nor a lock that is gone. `live_holder` (runlock's) is that one reading."""
    d = tmp_path / "run"
    _lock(d, os.getpid()); (d / "notes.txt").write_text("x")
    assert runlock.live_holder(d / checkpoint.LOCK)["pid"] == os.getpid()
    with pytest.raises(RunLockedError, match=f"pid {os.getpid()}"): checkpoint.check_run_folder(d)
    _lock(d, os.getpid(), host="elsewhere")   # another host's process: never judged dead from here
    with pytest.raises(RunLockedError, match="on host elsewhere"): checkpoint.check_run_folder(d)
    _lock(d, _dead_pid())
    assert runlock.live_holder(d / checkpoint.LOCK) is None
    with pytest.raises(NotOursError): checkpoint.check_run_folder(d)
    (d / "notes.txt").unlink()
    assert checkpoint.check_run_folder(d) == d
    (d / checkpoint.LOCK).unlink()
    assert runlock.live_holder(d / checkpoint.LOCK) is None and checkpoint.check_run_folder(d) == d


def test_years_are_worded_once_for_as_embedding_and_the_accessor():
    """`embeddings.years_text` is the one wording of a Dataset's several years where one map is wanted: `as_embedding`
    says it with the cube; `.aef`'s one-map methods with their own call on one year (the cube they refuse too).
    Was: the accessor wrote the years and the selection itself."""
    import numpy as np
    from alphaearth_nb import embeddings
    from alphaearth_nb.core import DimensionError, band_names
    from alphaearth_nb.testing import fake_xee
    v = np.random.default_rng(0).normal(size=(2, 3, 4, 64))
    ds = fake_xee({b: v[..., i] for i, b in enumerate(band_names())}, ["2023-01-01", "2024-01-01"],
                  500005 + 10.0 * np.arange(4), 5000095 - 10.0 * np.arange(3), layout="v0", crs="EPSG:32631")
    with pytest.raises(DimensionError) as e: embeddings.as_embedding(ds)
    assert str(e.value) == embeddings.years_text([2023, 2024])
    for name, call in (("quantize", "quantize(...)"), ("embedding", "embedding")):
        with pytest.raises(DimensionError) as e: getattr(ds.aef, name)
        assert str(e.value) == f"`.aef.{name}` takes one map, and {embeddings.years_text([2023, 2024], call)}"
        assert f"ds.sel(time='2024').aef.{call}`" in str(e.value) and "from_official" not in str(e.value)


def _folders(tmp_path):
    "Folders a user may pass, each with whether it is a zarr store."
    import numpy as np
    import xarray as xr
    ds = xr.Dataset({"a": ("x", np.arange(3.0))})
    out = {}
    ds.to_zarr(out.setdefault("v3", tmp_path / "v3.zarr"), zarr_format=3)
    ds.to_zarr(out.setdefault("v2", tmp_path / "v2.zarr"), zarr_format=2)
    (out.setdefault("array", tmp_path / "arr")).mkdir(); (tmp_path / "arr" / ".zarray").write_text("{}")
    (out.setdefault("notes", tmp_path / "notes")).mkdir(); (tmp_path / "notes" / "a.txt").write_text("x")
    (out.setdefault("outer", tmp_path / "outer")).mkdir(); ds.to_zarr(tmp_path / "outer" / "inner.zarr")
    return out, {"v3": True, "v2": True, "array": True, "notes": False, "outer": False}


def test_one_zarr_store_test_for_every_caller(tmp_path, monkeypatch):
    """`files.is_zarr_store` is the one test of a zarr store (zarr.json, .zgroup, .zarray): `checkpoint.what_folder`,
    `aef evaluate`'s --embeddings and --labels, and `writing_folder`'s clean-up (a store begun anywhere inside) agree
    with it on each folder. Was: the three names spelt out in four places."""
    import argparse
    from alphaearth_nb import evaluate_cmd, files
    from alphaearth_nb.core import AEFError
    folders, store = _folders(tmp_path)
    for k, d in folders.items():
        assert files.is_zarr_store(d) is store[k], k
        assert (checkpoint.what_folder(d) == "a zarr store") is store[k], k
        for read, no_store in ((lambda: evaluate_cmd.label_file(argparse.Namespace(labels=str(d), labels_var=None)),
                                "is a folder that is no zarr store"),
                               (lambda: evaluate_cmd.open_embeddings(d, None), "neither a zarr store")):
            try: read(); said = ""
            except AEFError as e: said = str(e)   # a store: read, or refused for what it holds
            assert (no_store in said) is not store[k], (k, said)
    assert files.is_zarr_store(folders["outer"], within=True) and not files.is_zarr_store(folders["notes"], within=True)
    assert not files.is_zarr_store(tmp_path / "nothing") and not files.is_zarr_store(folders["notes"] / "a.txt")
    settled = []
    monkeypatch.setattr(files, "settle_zarr", lambda **k: settled.append(k))
    for begun in (True, False):   # a writer that died after beginning a store deep inside: zarr settled, once
        with pytest.raises(RuntimeError), files.writing_folder(tmp_path / f"out{begun}") as tmp:
            (tmp / "a" / "b").mkdir(parents=True)
            if begun: (tmp / "a" / "b" / "zarr.json").write_text("{}")
            raise RuntimeError("died")
        assert len(settled) == 1 and not (tmp_path / f"out{begun}").exists()


@pytest.mark.parametrize("shots", ["²", "0", "MAX,max", "1.5", "1,10,1", "max,max", "-2", ""])
def test_the_command_reads_shots_by_as_levels(shots, tmp_path, capsys):
    """`aef evaluate --shots` is read by `evaluate.as_levels` (its words, the flag named once, exit 2): was a copy of
    the rule in `cli_args._shots` whose `'²'.isdigit()` let int() fail into argparse's 'invalid _shots value'."""
    from alphaearth_nb import cli
    from alphaearth_nb.core import ConfigError
    from alphaearth_nb.evaluate import as_levels
    csv = tmp_path / "x.csv"; csv.write_text("A00\n1\n")
    words = [int(t) if t.strip().lstrip("-").isascii() and t.strip().lstrip("-").isdigit() else t.strip()
             for t in shots.split(",")]
    with pytest.raises(ConfigError) as want: as_levels(words, "--shots")
    assert cli.main(["evaluate", "--embeddings", str(csv), "--shots", shots]) == 2
    err = capsys.readouterr().err
    assert f"aef: error: argument --shots: {str(want.value).removeprefix('--shots: ').removeprefix('--shots=')}\n" \
        in err, err


def _one_gt_text(obj):
    "The GeoTransform text on `obj`'s spatial_ref, checked to be `spatial.grid_mapping`'s spelling of its terms."
    from alphaearth_nb.spatial import geotransform, grid_mapping
    text = obj.coords["spatial_ref"].attrs["GeoTransform"]
    assert text == grid_mapping(geotransform(obj)).attrs["GeoTransform"], text
    return geotransform(obj)


def test_one_builder_of_the_grid_mapping(tmp_path, shared_data):
    """`spatial.grid_mapping` builds the `spatial_ref` coordinate with GDAL's GeoTransform for `cubes.coarsen`,
    `stores.to_zarr`/`open_zarr`, `maps.to_rgba` and `official.open` (each spelt it itself): each writes its text
    and the grid it says (north-up corner, signed steps)."""
    import numpy as np
    import xarray as xr
    from alphaearth_nb import cubes, geo, maps, stores
    from alphaearth_nb.spatial import grid_mapping
    from alphaearth_nb.testing import random_unit
    v = grid_mapping((500000, 10, 0, 5000000.5, 0, -10), {"crs_wkt": "x"})
    assert v.dims == () and v.dtype == np.int64 and v.attrs == {"crs_wkt": "x",
                                                                "GeoTransform": "500000.0 10.0 0.0 5000000.5 0.0 -10.0"}
    emb = geo.write_crs(xr.DataArray(random_unit((4, 6)), dims=("y", "x", "band"),
                                     coords={"y": 5000035.0 - 10 * np.arange(4), "x": 500005.0 + 10 * np.arange(6)}),
                        "EPSG:32631")
    assert _one_gt_text(cubes.coarsen(emb, 2)) == (500000.0, 20.0, 0.0, 5000040.0, 0.0, -20.0)
    assert _one_gt_text(maps.to_rgba(emb.isel(y=[1]))) == (500000.0, 10.0, 0.0, 5000030.0, 0.0, -10.0)
    p = stores.to_zarr(emb, tmp_path / "e.zarr")
    assert _one_gt_text(stores.open_zarr(p)) == (500000.0, 10.0, 0.0, 5000040.0, 0.0, -10.0)
    pytest.importorskip("rioxarray"); pytest.importorskip("odc.geo")
    from alphaearth_nb import official
    if not (shared_data / "aef_samples").exists(): pytest.skip("no ../shared/data/aef_samples")
    mirror = official.build_local_mirror(tmp_path / "mirror", years=(2024,), samples=shared_data / "aef_samples")
    for kw in ({}, {"resolution": 20.0}):
        cube = official.open((5.985, 44.9995, 5.99, 45.0015), 2024, source=mirror.root, chunks=32, **kw)
        r = kw.get("resolution", 10.0)
        assert _one_gt_text(cube) == pytest.approx((float(cube.x[0]) - r / 2, r, 0, float(cube.y[0]) + r / 2, 0, -r))


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_one_rule_reads_a_pixel_step_from_coordinates(dtype):
    """`spatial.axis_step` (with `stored_rounding`) is the one reading of a pixel step from coordinates: `places.grid_of`
    and `spatial.pixel_size` (each had its own test of float32 coordinates) give the same step, the mean end to end for
    coordinates stored as float32 (lat/lon at longitude 100 on a 10 m grid: the first step is 8% off), the first step
    for float64; `grid_of` allows float32's rounding in its regularity check and no more."""
    import numpy as np
    import xarray as xr
    from alphaearth_nb import geo, places
    from alphaearth_nb.core import GridError
    from alphaearth_nb.testing import random_unit
    step = 10 / 111_320 / np.cos(np.radians(30))
    x, y = (100 + step * np.arange(40)).astype(dtype), (30 - step * np.arange(8)).astype(dtype)
    emb = geo.write_crs(xr.DataArray(random_unit((8, 40)), dims=("y", "x", "band"), coords={"y": y, "x": x}),
                        "EPSG:4326")
    c = x.astype(np.float64)
    want = (c[-1] - c[0]) / 39 if dtype == "float32" else c[1] - c[0]
    assert geo.stored_rounding(emb, "x") == (float(np.spacing(np.float32(x.max()))) if dtype == "float32" else 0.0)
    assert geo.axis_step(emb, "x") == want == places.grid_of(emb)[1] == geo.pixel_size(emb)[0]
    assert places.grid_of(emb)[3] == geo.axis_step(emb, "y") == -geo.pixel_size(emb)[1]
    if dtype == "float32": assert abs(float(c[1] - c[0]) / want - 1) > 0.01   # the first step alone: far off
    bad = x.astype(np.float64).copy(); bad[7] += step / 2   # half a pixel off: beyond any rounding, refused
    with pytest.raises(GridError, match="not regularly spaced"): places.grid_of(emb.assign_coords(x=bad.astype(dtype)))


def test_one_assembly_of_sampled_points(tmp_path, shared_data):
    """`places.points_table` assembles the answer of `places.sample` (a map, a cube, a table with its own year) and
    of `official.sample_points` (which repeated it): the table under its own index (repeated a year), `inside`,
    `year`, A00..A63, a GeoDataFrame kept. Each caller's table is the one it builds from its vectors."""
    import numpy as np
    import pandas as pd
    import xarray as xr
    gpd = pytest.importorskip("geopandas")
    from shapely.geometry import Point
    from alphaearth_nb.core import band_names
    from alphaearth_nb.places import LONLAT, points_table, points_xy, sample
    from alphaearth_nb.testing import embedding_from_array, random_unit
    e = embedding_from_array(random_unit((4, 4), seed=2))
    x, y = e.x.values, e.y.values
    pts = gpd.GeoDataFrame({"id": ["a", "b", "c"]}, geometry=[Point(x[0], y[0]), Point(x[2], y[1]), Point(9e9, 0)],
                           crs="EPSG:32631", index=[7, 2, 0])
    v = np.stack([e.values[0, 0], e.values[1, 2], np.full(64, np.nan, np.float32)])
    inside = np.array([True, True, False])
    want = points_table(pts, inside, v)
    assert isinstance(want, gpd.GeoDataFrame) and want.crs == pts.crs and want.index.tolist() == [7, 2, 0]
    assert list(want.columns) == ["id", "geometry", "inside", *band_names()]
    pd.testing.assert_frame_equal(sample(e, pts), want)
    cube = xr.concat([e, -e], "time").assign_coords(time=[2023, 2024])
    every = points_table(pts, inside, np.stack([v, -v]), [2023, 2024])
    assert list(every.columns) == ["id", "geometry", "inside", "year", *band_names()]
    assert every.index.tolist() == [7, 2, 0] * 2 and every["year"].tolist() == [2023] * 3 + [2024] * 3
    pd.testing.assert_frame_equal(sample(cube, pts), every)
    own = pts.assign(year=[2024, 2023, 2024])   # each point at its own year
    pd.testing.assert_frame_equal(sample(cube, own), points_table(own, inside, np.stack([-v[0], v[1], v[2]])))
    pytest.importorskip("rioxarray"); pytest.importorskip("odc.geo")
    from alphaearth_nb import official
    if not (shared_data / "aef_samples").exists(): pytest.skip("no ../shared/data/aef_samples")
    mirror = official.build_local_mirror(tmp_path / "mirror", years=(2024,), samples=shared_data / "aef_samples")
    lonlat = pd.DataFrame({"lon": [5.986, 5.987, 120.0], "lat": [45.0, 45.001, 0.0]}, index=[5, 3, 1])
    got = official.sample_points(lonlat, [2024], source=mirror.root)   # no warning of ours: 2 of 3 points on a tile
    assert got["inside"].tolist() == [True, True, False]
    table = points_xy(lonlat, LONLAT, None)[2]   # the points' table as sample_points reads it
    pd.testing.assert_frame_equal(got, points_table(table, got["inside"].to_numpy()[None],
                                                    got[band_names()].to_numpy()[None], [2024]))


def test_digits_int_cannot_read_are_refused_in_our_words(monkeypatch):
    """`str.isdigit` passes '²' that `int` refuses (the --shots slip, found twice more by grep): AEF_CPU_THREADS=²
    gives ConfigError naming the variable, method 'knn²' the unknown-method LabelError. Was: ValueError 'invalid
    literal for int()'. `str.isdecimal` is the test of what `int` reads."""
    from alphaearth_nb import evaluate, runtime
    from alphaearth_nb.core import ConfigError, LabelError
    monkeypatch.setenv("AEF_CPU_THREADS", "²")
    with pytest.raises(ConfigError, match="AEF_CPU_THREADS='²'"): runtime.cpu_threads()
    monkeypatch.setenv("AEF_CPU_THREADS", "3")
    assert runtime.cpu_threads() == 3
    with pytest.raises(LabelError, match=r"unknown methods \['knn²'\]"): evaluate._parse_methods(("knn²", "linear"))
    assert evaluate._parse_methods(("knn3",))[1] == {"knn3": 3}
