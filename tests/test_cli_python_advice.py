"""Advice a command's user cannot type is not given bare under `aef` (session 37): a table's column rename, Python's
`df = df.rename(columns={'X': 'x'})` (geometries), reads as the rename in the file's header line under every
command (cli_args.shell_words, as check_degrees' swap already did); gate's warning of a linear int8 scaling names
its float fix as Python's and says the commands read such maps so already. Was, under `aef evaluate`: 'name the
columns x and y, `df.rename(columns={'lon': 'x', 'lat': 'y'})`' and 'Say so with floats: `q.astype('float32') /
127`', with no `df` or `q` in a shell; and gate's fixes of a map made wrongly (x100, floats cast to integers,
averaged codes) name Python alone ('divide first, `emb = emb / 100`'): now 'Python only: for an `aef` command, write
the map so divided to a file and pass that'."""
import os
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import xarray as xr

import alphaearth_nb
from alphaearth_nb.cli import main
from alphaearth_nb.cli_args import shell_words
from alphaearth_nb.core import band_names
from alphaearth_nb.testing import random_unit

ROOT = Path(alphaearth_nb.__file__).resolve().parents[1]   # the package under test, in the subprocess too
Y, X = 5000055.0 - 10 * np.arange(6), 500005.0 + 10 * np.arange(6)   # a 6 x 6 map of 10 m pixels in UTM 31N


def _map(path, values):
    "A netCDF of one embedding variable (y, x, band) on the 6 x 6 grid, in EPSG:32631, written by xarray alone."
    xr.DataArray(values, dims=("y", "x", "band"), coords={"y": Y, "x": X, "band": band_names()}, name="embedding",
                 attrs={"crs": "EPSG:32631"}).to_dataset().to_netcdf(path)
    return path


def test_a_tables_rename_is_the_files_header_line():
    "Hand-worked: each pair 'a': 'b' of the rename is 'a' to 'b'; the swap of lon/lat keeps its own words."
    said = ("'E' and 'N' look like projected coordinates: `df = df.rename(columns={'E': 'x', 'N': 'y'})` and pass "
            "their CRS: `crs='EPSG:32631'`")
    assert shell_words(said, "evaluate") == ("'E' and 'N' look like projected coordinates: rename 'E' to 'x' and 'N' "
                                             "to 'y' in the file's header line (its first line) and pass their CRS: "
                                             "`--crs EPSG:32631`")
    assert shell_words("e.g. `df.rename(columns={'X': 'x'})`") == ("e.g. rename 'X' to 'x' in the file's header line "
                                                                   "(its first line)")
    assert shell_words("swap the columns: `df.rename(columns={'lat': 'lon', 'lon': 'lat'})`") == \
        "swap the names 'lon' and 'lat' in the file's header line (its first line)"


def test_aef_evaluate_names_the_header_line_for_lon_lat_read_as_x_y(tmp_path, capsys):
    "lon/lat columns of degrees with a projected --crs: refused; the fix of 'they really are x/y' is the file's."
    emb = _map(tmp_path / "e.nc", np.asarray(random_unit((6, 6), seed=0), np.float32))
    pd.DataFrame({"lon": [3.0, 3.001, 3.002, 3.003], "lat": [45.1] * 4, "label": [0, 1, 0, 1]}).to_csv(
        tmp_path / "p.csv", index=False)
    assert main(["--no-compile-cache", "evaluate", "--embeddings", str(emb), "--labels", str(tmp_path / "p.csv"),
                 "--crs", "EPSG:32631", "--shots", "1", "--folds", "2"]) == 2
    err = capsys.readouterr().err
    assert ("name the columns x and y, rename 'lon' to 'x' and 'lat' to 'y' in the file's header line (its first "
            "line)") in err and "drop `--crs`" in err, err
    assert "df" not in err.replace("--labels", ""), err


def test_aef_evaluate_says_a_linear_scalings_float_fix_is_pythons(tmp_path):
    "An int8 map of round(127 x) (Earth Engine's `.multiply(127).toInt8()`), read as directions: the warning says " \
    "its `q.astype(...)` is Python's and that the command reads the map so already."
    u = np.asarray(random_unit((6, 6), seed=0), np.float32)
    _map(tmp_path / "lin.nc", np.round(u * 127).astype(np.int8))
    xx, yy = np.meshgrid(X, Y)
    pd.DataFrame({"x": xx.ravel(), "y": yy.ravel(), "label": [0, 1] * 18}).to_csv(tmp_path / "p.csv", index=False)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "AEF_CPU_DEVICES": "0"}
    r = subprocess.run([sys.executable, "-m", "alphaearth_nb.cli", "--no-compile-cache", "evaluate", "--embeddings",
                        "lin.nc", "--labels", "p.csv", "--shots", "1", "--folds", "2"], capture_output=True, text=True,
                       env=env, cwd=tmp_path, timeout=600)
    said = [l for l in r.stderr.splitlines() if "linear scaling of embeddings" in l]
    assert r.returncode == 0 and len(said) == 1, r.stderr
    assert said[0].startswith("aef: warning: UnitsWarning: 36 of 36 pixel(s) are a linear scaling"), said
    assert said[0].endswith("Say so with floats: `q.astype('float32') / 127` (in Python; the `aef` commands read them "
                            "so already: a map stored as those floats is read without this warning)"), said


def _evaluate_warnings(tmp_path, values) -> list:
    "The warnings of `aef evaluate` on a map of `values` (6 x 6) and 36 labelled points, as `aef` shows them."
    emb = _map(tmp_path / "e.nc", values)
    xx, yy = np.meshgrid(X, Y)
    pd.DataFrame({"x": xx.ravel(), "y": yy.ravel(), "label": [0, 1] * 18}).to_csv(tmp_path / "p.csv", index=False)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        main(["--no-compile-cache", "evaluate", "--embeddings", str(emb), "--labels", str(tmp_path / "p.csv"),
              "--shots", "1", "--folds", "2"])
    return [shell_words(str(x.message), "evaluate") for x in w]   # what `aef` prints after 'aef: warning: '


@pytest.mark.parametrize("kind", ["x100", "cast", "averaged codes"])
def test_aef_evaluate_says_a_maps_python_fix_is_pythons_and_what_the_command_takes(kind, tmp_path):
    "Hand-worked: unit vectors x100 as int16 (lengths 100), the floats cast to int16 (every component 0: -1..1 " \
    "truncated), and the mean of two maps' int8 codes (floats, not whole): each fix is Python's, and the command " \
    "takes a file of the map so made."
    from alphaearth_nb.quantize import quantize
    u, w = (np.asarray(random_unit((6, 6), seed=s), np.float32) for s in (0, 1))
    values, said = {"x100": (np.round(u * 100).astype(np.int16), "so divided"),
                    "cast": (u.astype(np.int16), "as floats"),
                    "averaged codes": ((np.asarray(quantize(u), np.float32) + np.asarray(quantize(w), np.float32)) / 2,
                                       "so made")}[kind]
    shown = [s for s in _evaluate_warnings(tmp_path, values) if "Python only" in s]
    assert len(shown) == 1 and shown[0].startswith("36 of 36 pixel"), shown
    assert f"Python only: for an `aef` command, write the map {said} to a file and pass that)" in shown[0], shown


def _evaluate_table(tmp_path, capsys, df) -> tuple:
    "`aef evaluate --embeddings` a CSV of `df`: (exit status, its error line or '', its warnings as `aef` shows them)."
    df.to_csv(tmp_path / "e.csv", index=False)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        rc = main(["--no-compile-cache", "evaluate", "--embeddings", str(tmp_path / "e.csv"), "--shots", "1",
                   "--folds", "2"])
    err = [l for l in capsys.readouterr().err.splitlines() if l.startswith("aef: error: ")]
    return rc, (err or [""])[-1], [shell_words(str(x.message), "evaluate") for x in w]


def _table(label) -> pd.DataFrame:
    "40 rows of unit vectors A00..A63 and `label`."
    return pd.DataFrame(np.asarray(random_unit((40,), seed=0), np.float32), columns=band_names()).assign(label=label)


def test_aef_evaluate_names_the_file_for_a_band_beyond_a63(tmp_path, capsys):
    "Hand-worked: a 65th column A64 is refused; the fix deletes it from the file (was `df.drop(columns=['A64'])`)."
    rc, err, _ = _evaluate_table(tmp_path, capsys, _table([0, 1] * 20).assign(A64=1.0))
    assert rc == 2 and "drop the others, e.g. delete the column 'A64' from the file, or rename them" in err, err
    assert "df." not in err, err


def test_aef_evaluate_says_a_decimal_comma_fix_is_pythons(tmp_path, capsys):
    "Hand-worked: A00 written '0,25' in a comma-separated file: Python's reads said so, and the file's fix."
    df = _table([0, 1] * 20).astype(str)
    df["A00"] = df["A00"].str.replace(".", ",")
    rc, err, _ = _evaluate_table(tmp_path, capsys, df)
    assert rc == 2 and "column 'A00' holds numbers written with a comma" in err, err
    assert err.endswith("(Python only: for an `aef` command, write the file's numbers with decimal points, or every "
                        "one with a decimal comma and ';' between columns)"), err


def test_aef_evaluate_says_a_class_name_fix_is_pythons(tmp_path, capsys):
    "Hand-worked: 'Crop' and 'crop' are kept apart, warned; the normalising line is Python's, the file's said."
    rc, _, shown = _evaluate_table(tmp_path, capsys, _table(["Crop", "crop", "forest", "forest"] * 10))
    said = [s for s in shown if "differ only in case" in s]
    assert rc == 0 and len(said) == 1, shown
    assert said[0].endswith("(Python only: for an `aef` command, write them so in the file)"), said


def _evaluate_labels(tmp_path, capsys, y, x, crs="EPSG:32631") -> tuple:
    "`aef evaluate` of the 6 x 6 map and a label raster of classes 0/1 on cells at `y`, `x` in `crs`: (exit status, " \
    "its error line or '', its warnings as `aef` shows them)."
    emb = _map(tmp_path / "e.nc", np.asarray(random_unit((6, 6), seed=0), np.float32))
    xr.DataArray(np.tile([[0, 1], [1, 0]], (len(y) // 2, len(x) // 2)).astype(np.int32), dims=("y", "x"),
                 coords={"y": y, "x": x}, name="label", attrs={"crs": crs}).to_netcdf(tmp_path / "l.nc")
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        rc = main(["--no-compile-cache", "evaluate", "--embeddings", str(emb), "--labels", str(tmp_path / "l.nc"),
                   "--shots", "1", "--folds", "2", "--spacing", "0"])   # every pixel of the small map
    err = [l for l in capsys.readouterr().err.splitlines() if l.startswith("aef: error: ")]
    return rc, (err or [""])[-1], [shell_words(str(x.message), "evaluate") for x in w]


def test_aef_evaluate_says_a_label_rasters_python_fixes_are_pythons(tmp_path, capsys):
    "Hand-worked: cells shifted 5 m (half a 10 m pixel) are refused; 20 m cells are read nearest, warned; the map's " \
    "cells labelled EPSG:32632 lie off it: each fix is Python's, and the command takes the labels so written."
    rc, err, _ = _evaluate_labels(tmp_path, capsys, Y + 5, X + 5)
    assert rc == 2 and err.endswith("or resample it onto the map's grid first (Python only: for `aef evaluate`, write "
                                    "the labels so shifted or resampled to a file and pass that as --labels)"), err
    rc, _, shown = _evaluate_labels(tmp_path, capsys, 5000050.0 - 20 * np.arange(4), 500010.0 + 20 * np.arange(4))
    said = [s for s in shown if "the label raster's pixels are 20 x 20" in s]
    assert rc == 0 and len(said) == 1 and said[0].endswith(
        "(Python only: for `aef evaluate`, write the labels so resampled to a file and pass that as --labels)"), shown
    rc, err, _ = _evaluate_labels(tmp_path, capsys, Y, X, crs="EPSG:32632")
    assert rc == 2 and err.endswith("give the raster its CRS (`labels.attrs['crs']`) or one that overlaps the map "
                                    "(Python only: for `aef evaluate`, write the labels with their CRS to a file and "
                                    "pass that as --labels)"), err


@pytest.mark.parametrize("time, hint", [(2024, "they look like years"), (1.7e9, "they look like epoch seconds")])
def test_aef_train_says_a_texts_time_fix_is_pythons(time, hint, tmp_path, capsys, monkeypatch):
    "Hand-worked: --texts of one note whose time is a number (a year, epoch seconds) on the sample scene: refused " \
    "before training, the value as written in the file (was np.int64(2024)), the pandas fix said to be Python's and " \
    "what the command takes."
    from alphaearth_nb import train
    from alphaearth_nb.scene import load_scene
    s2 = load_scene()[0]["sentinel2"]
    monkeypatch.setattr(train, "fit", lambda *a, **k: pytest.fail("trained"))
    pd.DataFrame({"y": [float(s2.y[3])], "x": [float(s2.x[3])], "time": [time], "text": ["a field"]}).to_csv(
        tmp_path / "t.csv", index=False)
    assert main(["--no-compile-cache", "train", "--preset", "tiny", "--texts", str(tmp_path / "t.csv"), "--steps", "1",
                 "--out", str(tmp_path / "r")]) == 2
    err = capsys.readouterr().err
    assert f"column 'time' holds {time!r} (row 0, line 2 of the file), not a date: {hint}" in err, err
    assert ("on the column (`texts['time'] = ...`; Python only: for `aef train --texts`, write the column as ISO dates "
            "such as '2024-01-31')") in err, err
