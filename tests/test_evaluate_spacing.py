"""`aef evaluate` of a label raster scores points the paper's way: its labelled pixels thinned at random (--seed) to
points at least --spacing metres apart, 1280 by default (arXiv 2507.22291 S3.2: the paper's evaluation points lie
1.28 km apart), and the last line printed names the protocol and the spacing. Points of a vector file or a table are
scored as given unless --spacing is passed, said so. Was (note47, newcomer): every labelled pixel scored against its
neighbours (knn1 86.5% from a 2-step model) while the README called it the paper's transfer protocol. Also: a folder
of CSVs as --embeddings was 'neither a zarr store nor an alphaearth_nb run (no .aef-run marker, no checkpoint of
ours)', words of runs for a folder of tables."""
import shutil
import subprocess

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb import evaluate
from alphaearth_nb.cli import main
from alphaearth_nb.core import band_names
from alphaearth_nb.exports import to_zarr
from alphaearth_nb.testing import embedding_from_array, random_unit


def _files(tmp_path, h, w, labels):
    "A (h, w) map of random unit vectors on a 10 m UTM grid in e.zarr and `labels` (h, w) on its grid in lab.nc."
    e = embedding_from_array(random_unit((h, w), seed=4))
    store = str(to_zarr(e, tmp_path / "e.zarr"))
    xr.DataArray(labels, dims=("y", "x"), coords={"y": e.y.values, "x": e.x.values}, name="lulc",
                 attrs={"crs": e.attrs["crs"]}).to_netcdf(tmp_path / "lab.nc")
    return e, store, str(tmp_path / "lab.nc")


def _scored(monkeypatch):
    "The rows `evaluate_embeddings` is handed by `aef evaluate`, kept in a list as (x, y)."
    seen, real = [], evaluate.evaluate_embeddings
    monkeypatch.setattr(evaluate, "evaluate_embeddings", lambda x, y, **k: seen.append((x, y)) or real(x, y, **k))
    return seen


def _places(e, x):
    "The pixel (row, col) of each scored vector, found on the map, and its place in metres (x, y)."
    v = e.values.reshape(-1, e.sizes["band"])
    rc = np.array(np.unravel_index([int(np.argmin(((v - r) ** 2).sum(1))) for r in x], e.shape[:2])).T
    return rc, np.stack([e.x.values[rc[:, 1]], e.y.values[rc[:, 0]]], 1)


def _apart(xy):
    d = np.hypot(*(xy[:, None] - xy[None]).transpose(2, 0, 1)); np.fill_diagonal(d, np.inf)
    return d.min()


def test_a_label_raster_is_thinned_to_points_apart_by_hand(tmp_path, capsys, monkeypatch):
    """Eight blocks of 2 x 2 labelled pixels (10 m apart), the blocks 500 m apart, four of each class: at --spacing 300
    one pixel of each block is scored, whatever the seed; at the paper's 1280 m (the default) two points at most fit
    the 1.5 km they span: refused, naming --spacing and --spacing 0, in the command's words."""
    lab = np.full((70, 170), np.nan, np.float32)
    blocks = [(r, c) for r in (10, 60) for c in (10, 60, 110, 160)]
    for r, c in blocks: lab[r:r + 2, c:c + 2] = 1 if c < 100 else 2
    e, store, p = _files(tmp_path, 70, 170, lab)
    seen = _scored(monkeypatch)
    for seed in ("0", "5"):
        argv = ["evaluate", "--embeddings", store, "--labels", p, "--shots", "1", "--folds", "2", "--seed", seed]
        assert main(argv + ["--spacing", "300"]) == 0
        out, err = capsys.readouterr()
        x, y = seen[-1]
        rc, xy = _places(e, x)
        assert sorted({(r // 50 * 50 + 10, c // 50 * 50 + 10) for r, c in rc}) == sorted(blocks) and len(rc) == 8, rc   # one a block
        assert _apart(xy) >= 300 and sorted(np.bincount(y.astype(int)).tolist()) == [0, 4, 4], (xy, y)
        assert "aef evaluate: 8 labelled points 300 m apart of 2 classes" in err, err
        said = out.strip().splitlines()[-1]
        assert said.startswith("protocol: 8 points at least 300 m apart") and "from 32 labelled pixels" in said, said
        assert f"--seed {seed}" in said and "1280 m, arXiv 2507.22291 S3.2" in said, said
    assert main(argv) == 2   # the default: the paper's 1280 m
    err = capsys.readouterr().err
    assert "thinned to points at least 1280 m apart" in err and "of the 32 labelled pixels remain" in err, err
    assert "--spacing 0 to score every labelled pixel" in err and "pass a smaller --spacing, e.g. --spacing" in err, err
    assert "spacing=" not in err and "`" not in err, err   # flags, not Python


def test_the_default_is_the_papers_1280_m_and_spacing_0_says_it_is_optimistic(tmp_path, capsys, monkeypatch):
    "A 3 km raster, its west half class 1, its east half 2: by default no two scored points lie within 1280 m."
    lab = np.where(np.arange(300)[None, :] < 150, 1, 2).repeat(300, 0).astype(np.int16)
    e, store, p = _files(tmp_path, 300, 300, lab)
    seen = _scored(monkeypatch)
    argv = ["evaluate", "--embeddings", store, "--labels", p, "--shots", "1", "--folds", "2"]
    assert main(argv) == 0
    out, err = capsys.readouterr()
    x, y = seen[-1]
    n = len(y)
    assert 4 <= n <= 9 and _apart(_places(e, x)[1]) >= 1280, n   # 3 km: 3 x 3 points a side at most
    said = out.strip().splitlines()[-1]
    assert said.startswith(f"protocol: {n} points at least 1280 m apart (the paper's 1280 m, arXiv 2507.22291 S3.2)"), said
    assert f"aef evaluate: {n} labelled points 1280 m apart" in err, err
    assert main(argv + ["--spacing", "0"]) == 0
    out, err = capsys.readouterr()
    assert len(seen[-1][1]) == 90000 and "90000 labelled pixels" in err, err
    said = out.strip().splitlines()[-1]
    assert said.startswith("protocol: every labelled pixel (90,000), neighbours not thinned (--spacing 0)"), said
    assert "optimistic" in said and "1280 m apart" in said, said
    assert main(argv + ["--spacing", "-5"]) == 2
    assert "argument --spacing" in (err := capsys.readouterr().err) and "0 or more" in err, err


def _table(path, lonlat=False):
    rng = np.random.default_rng(2)
    x = rng.normal(size=(40, 64)); x /= np.linalg.norm(x, axis=1, keepdims=True)
    df = pd.DataFrame(x, columns=band_names()).assign(label=np.repeat([0, 1], 20))
    if lonlat: df = df.assign(lon=3 + rng.uniform(0, 0.2, 40), lat=45 + rng.uniform(0, 0.2, 40))   # ~16 x 22 km
    df.to_csv(path, index=False)
    return df


def test_points_and_tables_are_scored_as_given_unless_spacing_asks(tmp_path, capsys, monkeypatch, labelled_store):
    store, pts = labelled_store   # 40 points on a 12 x 10 map's pixel centres
    pts.to_file(p := tmp_path / "pts.geojson")
    run = lambda *a: (main(["evaluate", *a, "--shots", "1", "--folds", "2"]), capsys.readouterr())
    rc, (out, err) = run("--embeddings", store, "--labels", str(p))
    n = len(pts.assign(c=pts.geometry.x, r=pts.geometry.y).drop_duplicates(["c", "r", "label"]))   # a pixel's once
    assert rc == 0 and out.strip().splitlines()[-1].startswith(f"protocol: the {n} points as given, not thinned"), out
    _table(tmp_path / "t.csv")
    rc, (out, err) = run("--embeddings", str(tmp_path / "t.csv"))
    assert rc == 0 and out.strip().splitlines()[-1].startswith("protocol: the 40 rows of the table as given"), out
    rc, (out, err) = run("--embeddings", str(tmp_path / "t.csv"), "--spacing", "100")
    assert rc == 2 and "--spacing 100 given with --embeddings" in err and "add the points' lon and lat" in err, err
    assert "leave --spacing out" in err, err
    df = _table(tmp_path / "ll.csv", lonlat=True)
    seen = _scored(monkeypatch)
    rc, (out, err) = run("--embeddings", str(tmp_path / "ll.csv"), "--spacing", "1280")
    n = len(seen[-1][1])
    assert rc == 0 and 10 < n < 40, (n, err)
    assert out.strip().splitlines()[-1].startswith(f"protocol: {n} points at least 1280 m apart"), out
    from alphaearth_nb.evaluate_points import lonlat_metres
    rows = [int(np.argmin(((df[band_names()].to_numpy() - r) ** 2).sum(1))) for r in seen[-1][0]]
    assert _apart(lonlat_metres(df.lon.values[rows], df.lat.values[rows])) >= 1280


def test_a_folder_of_tables_says_so_and_which_to_pass(tmp_path, capsys):
    d = tmp_path / "csvs"; d.mkdir()
    df = _table(d / "a.csv")
    df.iloc[:0].to_csv(d / "b.csv", index=False); _table(d / "b.csv")   # the same columns
    assert main(["evaluate", "--embeddings", str(d)]) == 2
    err = capsys.readouterr().err
    assert f"--embeddings {d} is a folder of 2 tables (a.csv, b.csv), no zarr store" in err, err
    assert f"pass one, --embeddings {d / 'a.csv'}" in err and "join them into one file" in err, err
    assert " run" not in err and "checkpoint" not in err, err
    if shutil.which("awk"):   # the line it gives joins them: one header, 80 rows, scored
        line = err.split("`")[1]
        subprocess.run(line, shell=True, check=True, cwd=tmp_path)
        joined = pd.read_csv(f"{d}.csv")
        assert len(joined) == 80 and list(joined.columns) == list(df.columns)
        assert main(["evaluate", "--embeddings", f"{d}.csv", "--shots", "1", "--folds", "2"]) == 0
    other = tmp_path / "other"; other.mkdir(); (other / "notes.txt").write_text("x")
    assert main(["evaluate", "--embeddings", str(other)]) == 2
    err = capsys.readouterr().err
    assert "neither a zarr store nor a table (no zarr.json or .zgroup; 1 entry: notes.txt)" in err, err
    assert "run" not in err.split(":", 2)[2].split("pass")[0], err   # no words of runs for a folder of notes


@pytest.mark.parametrize("spacing", ["abc", "nan", "inf"])
def test_spacing_refuses_what_is_no_distance(capsys, tmp_path, spacing):
    _table(tmp_path / "t.csv")
    assert main(["evaluate", "--embeddings", str(tmp_path / "t.csv"), "--spacing", spacing]) == 2
    err = capsys.readouterr().err
    assert "argument --spacing" in err and "--spacing=1280" in err, err
