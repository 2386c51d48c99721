"""`aef classify / similarity / change` say what went wrong in the shell's words: a derived map (similarity, change,
class COG) given as --embeddings is named as such; classify's few-points warning names `--k`; two maps on two grids
get a `rio warp` command that works; swapped x/y columns of --points get one refusal naming the header swap; the last
line gives width x height; the legend lists a named class no pixel was voted into. Real inputs: official-layout
tiles built from the shared AlphaEarth samples, opened over an area of two UTM zones' tiles."""
import re
import shlex
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb import official
from alphaearth_nb.cli import main
from alphaearth_nb.cli_args import parser
from alphaearth_nb.exports import to_zarr

rioxarray = pytest.importorskip("rioxarray")

BBOX = (5.985, 44.9995, 5.9995, 45.0045)   # conftest TWO_YEAR_BBOX: 117 x 60 pixels of 10 m in EPSG:32631


@pytest.fixture(scope="module")
def maps(two_year_cogs):
    "The area's 2023 and 2024 maps as COGs (EPSG:32631, conftest's `two_year_cogs`), 2023 in EPSG:32632 as a store."
    root, cube = two_year_cogs
    with pytest.warns(Warning):   # tiles of 31N warped onto a 32N grid: said (GridWarning)
        to_zarr(official.open(BBOX, 2023, crs="EPSG:32632", source=root / "mirror").compute(), root / "e2023_32n.zarr")
    return root, cube


def _run(argv, capsys):
    "`aef ARGV`: its exit code, stdout and stderr."
    rc = main([str(a) for a in argv])
    got = capsys.readouterr()
    return rc, got.out, got.err


def test_a_derived_map_as_embeddings_is_named(maps, tmp_path, capsys):
    "A similarity COG, a change COG and a similarity map stored as .nc given as --embeddings: exit 2 naming what the " \
    "file is and what to pass, in no Python words (was: 'expected an embedding with a 64-long `band` dimension ... " \
    "pass the output of `aef.embed(...)`')."
    root, cube = maps
    pd.DataFrame({"x": cube.x.values[[10, 60]], "y": cube.y.values[[20, 40]]}).to_csv(tmp_path / "p.csv", index=False)
    assert main(["similarity", "--embeddings", str(root / "e2024.tif"), "--points", str(tmp_path / "p.csv"),
                 "--out", str(tmp_path / "sim.tif")]) == 0
    assert main(["change", "--embeddings", str(root / "e2023.tif"), "--embeddings", str(root / "e2024.tif"),
                 "--out", str(tmp_path / "chg.tif")]) == 0
    sim = rioxarray.open_rasterio(tmp_path / "sim.tif").squeeze("band", drop=True)
    sim.rename("similarity").to_netcdf(tmp_path / "sim.nc")
    capsys.readouterr()
    for cmd, path, kind in [("classify", "sim.tif", "a similarity map"), ("similarity", "chg.tif", "a change map"),
                            ("similarity", "sim.nc", "a similarity map")]:
        extra = ["--labels", "samples"] if cmd == "classify" else ["--points", str(tmp_path / "p.csv")]
        rc, _, err = _run([cmd, "--embeddings", tmp_path / path, *extra, "--out", tmp_path / "x.tif"], capsys)
        assert rc == 2, err
        assert f"--embeddings {tmp_path / path} is {kind}" in err and "not embeddings" in err, err
        assert "aef.embed(" not in err and "from_official" not in err and "--embeddings emb.zarr" in err, err
    assert not (tmp_path / "x.tif").exists()


def test_few_points_warning_names_the_k_flag(maps, tmp_path, capsys):
    "Classes of one or two labelled points under --k 3 (the default until session 54, which cuts it to 1 here: " \
    "tests/test_classify_few_shot_k): the warning offers `--k 1` (was: `k=1`), and " \
    "the legend has a line for every named class, one no pixel was voted into with 0 pixels (was: no line)."
    root, _ = maps   # the 'forest' point lies where the two others' votes win at k=3
    pts = pd.DataFrame({"lon": [5.987, 5.990, 5.994, 5.998], "lat": [45.001, 45.003, 45.002, 45.004],
                        "label": ["crop", "forest", "crop", "water"]})
    pts.to_csv(tmp_path / "few.csv", index=False)
    r = subprocess.run([sys.executable, "-m", "alphaearth_nb.cli", "--no-compile-cache", "classify", "--embeddings",
                        str(root / "e2024.tif"), "--labels", str(tmp_path / "few.csv"), "--k", "3", "--out",
                        str(tmp_path / "m.tif")],
                       capture_output=True, text=True, timeout=600)   # as a user runs it: warnings as `aef: warning:`
    out, err = r.stdout, r.stderr
    assert r.returncode == 0, err
    assert "pass --k 1" in err and "k=1" not in err and "k=3" not in err, err
    legend = [line for line in out.splitlines() if line.startswith("class ")]
    got = rioxarray.open_rasterio(tmp_path / "m.tif").squeeze("band", drop=True)
    counts = {i: int((got.values == i).sum()) for i in range(3)}
    assert [line.split(":")[0] for line in legend] == ["class 0 'crop'", "class 1 'forest'", "class 2 'water'"], out
    for i, line in enumerate(legend): assert f": {counts[i]:,} pixels, " in line and " ha (" in line, (line, counts)
    assert 0 in counts.values(), counts   # the case this test is about: a named class with no pixel
    assert out.splitlines()[-1].startswith(f"wrote {tmp_path / 'm.tif'}: 117 x 60 pixels (width x height), EPSG:32631")


def test_two_grids_get_a_rio_warp_that_works(maps, tmp_path, capsys):
    "A store in EPSG:32632 and a COG in EPSG:32631: exit 2 naming both grids and a `rio warp` of the COG onto the " \
    "store's grid (was: Python's `crs=` / `reproject_match`); the command run as given makes `aef change` work."
    root, _ = maps
    rc, _, err = _run(["change", "--embeddings", root / "e2023_32n.zarr", "--embeddings", root / "e2024.tif",
                       "--out", tmp_path / "c.tif"], capsys)
    assert rc == 2 and "EPSG:32632, 118 x 61 pixels" in err and "EPSG:32631, 117 x 60 pixels" in err, err
    assert "reproject_match" not in err and "crs=" not in err, err
    warp = re.search(r"`(rio warp [^`]*)`", err).group(1)
    words = shlex.split(warp)
    rio = Path(sys.executable).with_name("rio")
    r = subprocess.run([str(rio), *words[1:]], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    out = re.search(r"then pass --embeddings (\S+)$", err.strip()).group(1)
    rc, said, err = _run(["change", "--embeddings", root / "e2023_32n.zarr", "--embeddings", out,
                          "--out", tmp_path / "c.tif"], capsys)
    assert rc == 0, err
    got = rioxarray.open_rasterio(tmp_path / "c.tif").squeeze("band", drop=True)
    assert got.shape == (61, 118) and got.rio.crs.to_epsg() == 32632 and np.isfinite(got.values).mean() > 0.9


def test_swapped_xy_columns_get_one_refusal(maps, tmp_path, capsys):
    "--points whose x column holds northings and y eastings: one error, naming the swap of the names in the file's " \
    "header line (was: Python's swap words as a warning, then 'none of its points lies on a pixel' alone)."
    root, cube = maps
    e = cube.isel(time=1)
    pd.DataFrame({"x": e.y.values[[5, 30]], "y": e.x.values[[20, 90]]}).to_csv(tmp_path / "sw.csv", index=False)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        rc, _, err = _run(["similarity", "--embeddings", root / "e2024.tif", "--points", tmp_path / "sw.csv",
                           "--out", tmp_path / "s.tif"], capsys)
    assert rc == 2 and err.count("aef: error: ") == 1, err
    assert not [w for w in seen if "swapped" in str(w.message)], [str(w.message) for w in seen]   # said once, above
    assert "none of its 2 points" in err and "swap the names 'x' and 'y' in the file's header line" in err, err
    assert "(`(x, y)`)" not in err and "df.rename" not in err, err


def test_overwrite_help_names_the_sidecar_each_writes():
    "--overwrite of classify rewrites its sidecar of class names; similarity and change write none (was: all three " \
    "said 'and its sidecar of class names')."
    sub = next(a for a in parser()._actions if hasattr(a, "choices") and isinstance(a.choices, dict))
    said = {c: next(a.help for a in sub.choices[c]._actions if "--overwrite" in a.option_strings)
            for c in ("classify", "similarity", "change")}
    assert "class names" in said["classify"], said
    for c in ("similarity", "change"): assert "class names" not in said[c] and ".aux.xml" in said[c], said


def test_similarity_takes_points_typed_in(maps, tmp_path, capsys):
    "`--point LON,LAT` given twice: the map `--points` gives for a file of the same two points (was: a file only); " \
    "typed (lat, lon) the refusal says to give the longitude first; a file and points together, or a point of one " \
    "number, exit 2."
    root, _ = maps
    lonlat = [(5.995, 45.002), (5.99, 45.001)]
    pd.DataFrame(lonlat, columns=["lon", "lat"]).to_csv(tmp_path / "two.csv", index=False)
    assert main(["similarity", "--embeddings", str(root / "e2024.tif"), "--points", str(tmp_path / "two.csv"),
                 "--out", str(tmp_path / "file.tif")]) == 0
    rc, out, err = _run(["similarity", "--embeddings", root / "e2024.tif", *[w for x, y in lonlat for w in
                         ("--point", f"{x},{y}")], "--out", tmp_path / "typed.tif"], capsys)
    assert rc == 0 and "mean of 2 points" in out, err
    a, b = (rioxarray.open_rasterio(tmp_path / f).values for f in ("file.tif", "typed.tif"))
    np.testing.assert_array_equal(a, b)
    rc, _, err = _run(["similarity", "--embeddings", root / "e2024.tif", "--point", "45.002,5.995",
                       "--out", tmp_path / "swapped.tif"], capsys)
    assert rc == 2 and "--point 45.002,5.995: none of the 1 points" in err, err
    assert "longitude and latitude look swapped: give each --point as LON,LAT" in err and "(`(lon, lat)`)" not in err, err
    for bad, said in [(["--point", "5.995,45.002", "--points", str(tmp_path / "two.csv")], "not allowed with"),
                      (["--point", "5.995"], "is no point: pass LON,LAT")]:
        with pytest.raises(SystemExit):   # argparse's refusal: exit 2 before anything is read
            parser().parse_args(["similarity", "--embeddings", str(root / "e2024.tif"), *bad, "--out", "x.tif"])
        assert said in capsys.readouterr().err


def test_the_swap_is_said_whatever_the_warning_filters(maps, tmp_path, capsys):
    "The refusal of points typed (lat, lon) took its swap words from `sample`'s warning: under `-W ignore` (or " \
    "PYTHONWARNINGS=ignore) it said only the map's bounds (s56). The words are the refusal's own now."
    root, _ = maps
    pd.DataFrame([(45.002, 5.995)], columns=["lon", "lat"]).to_csv(tmp_path / "swapped.csv", index=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rc, _, err = _run(["similarity", "--embeddings", root / "e2024.tif", "--point", "45.002,5.995",
                           "--out", tmp_path / "s1.tif"], capsys)
        assert rc == 2 and "longitude and latitude look swapped: give each --point as LON,LAT" in err, err
        rc, _, err = _run(["similarity", "--embeddings", root / "e2024.tif", "--points", tmp_path / "swapped.csv",
                           "--out", tmp_path / "s2.tif"], capsys)
        assert rc == 2 and "longitude and latitude look swapped" in err and "swap the names 'lon' and 'lat'" in err, err
