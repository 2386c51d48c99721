"""`aef classify`, `aef similarity` and `aef change` (session 49, a newcomer's finding: `aef` had no mapping command,
the maps were Python only): each run end to end on the offline sample scene and on official-layout tiles (a local
mirror of the shared AlphaEarth samples), its COG opened with rioxarray and checked against the Python call it
stands for (shape, CRS, declared no-data, values), and its refusals worded for the shell."""
import shutil
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb import analysis, official, scene, testing
from alphaearth_nb.cli import main
from alphaearth_nb.core import band_names
from alphaearth_nb.directions import unit_rows
from alphaearth_nb.exports import read_cog, to_cog, to_zarr
from alphaearth_nb.places import sample
from alphaearth_nb.years import join_years

rioxarray = pytest.importorskip("rioxarray")
gpd = pytest.importorskip("geopandas")


@pytest.fixture(scope="module")
def tiles(tmp_path_factory, shared_data):
    "The 31N tile of 2023 and of 2024 of a local official mirror (int8, stored bottom-up), and a folder of the two."
    root = tmp_path_factory.mktemp("maps")
    mirror = official.build_local_mirror(root / "mirror", years=(2023, 2024), samples=shared_data / "aef_samples")
    t23, t24 = (sorted((mirror.root / str(y) / "31N").glob("*.tiff"))[0] for y in (2023, 2024))
    (root / "years").mkdir()   # a year each, recorded in the file (AEF_TIME): read from the mirror's year folders
    for t in (t23, t24): to_cog(read_cog(t), root / "years" / f"e{t.parts[-3]}.tif")
    (root / "undated").mkdir()   # the tiles copied out of their year folders: their years are not known
    for t in (t23, t24): shutil.copy(t, root / "undated" / f"e{t.parts[-3]}.tiff")
    return t23, t24, root / "years"


def _map(path):
    "A one-band COG as rioxarray reads it: (y, x) values, its CRS's EPSG code and its declared no-data."
    da = rioxarray.open_rasterio(path).squeeze("band", drop=True)
    return da, da.rio.crs.to_epsg(), da.rio.nodata


def _points(e, rows, cols):
    return pd.DataFrame({"x": e.x.values[cols], "y": e.y.values[rows]})


def test_classify_official_tile_with_labelled_points(tiles, tmp_path, capsys):
    "A CSV of labelled x/y points on an official tile: the class map of `analysis.classify` (k=3), no data declared, " \
    "and one legend line a class naming its pixels and colour."
    t24 = tiles[1]
    e = read_cog(t24)
    pts = _points(e, [5, 20, 40, 60, 80, 10, 30, 50, 70, 90], [10, 30, 50, 70, 90, 5, 20, 40, 60, 80])
    pts["label"] = ["a"] * 5 + ["b"] * 5
    pts.to_csv(tmp_path / "labels.csv", index=False)
    assert main(["classify", "--embeddings", str(t24), "--labels", str(tmp_path / "labels.csv"),
                 "--out", str(tmp_path / "m.tif")]) == 0
    out = capsys.readouterr().out.splitlines()
    got, epsg, nodata = _map(tmp_path / "m.tif")
    want = analysis.classify(e, pts, k=3)["class"]   # ids 0 'a', 1 'b'; -1 no data
    assert got.shape == (96, 96) and epsg == 32631 and nodata is not None and got.dtype.kind in "iu"
    np.testing.assert_array_equal(np.where(got.values == nodata, -1, got.values), want.sel(y=got.y, x=got.x).values)
    legend = [line for line in out if line.startswith("class ")]
    assert len(legend) == 2 and legend[0].startswith("class 0 'a': ") and "colour #" in legend[0], out
    assert out[-1].startswith(f"wrote {tmp_path / 'm.tif'}: 96 x 96 pixels (width x height), EPSG:32631"), out


def test_classify_samples_on_the_sample_scene(tmp_path):
    "`--labels samples`: the sample scene's 2024 classes, on a store of the scene's grid as `aef embed` writes it " \
    "(its period), in a subprocess as a user runs it: the class ids of the Python call, named in the legend."
    _, _, lab = scene.load_scene()
    l24 = lab.sel(year=2024)
    base = testing.random_unit((8,), seed=3)
    v = base[l24.values.astype(int)] + 0.3 * np.random.default_rng(0).normal(size=l24.shape + (64,))
    emb = testing.embedding_from_array((v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32),
                                       coords={"y": l24.y.values, "x": l24.x.values}).assign_attrs(
        period_start="2024-01-01", period_end="2025-01-01")
    to_zarr(emb, tmp_path / "e.zarr")
    r = subprocess.run([sys.executable, "-m", "alphaearth_nb.cli", "--no-compile-cache", "classify", "--embeddings",
                        str(tmp_path / "e.zarr"), "--labels", "samples", "--out", str(tmp_path / "lc.tif"), "--k", "1"],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    got, epsg, nodata = _map(tmp_path / "lc.tif")
    want = analysis.classify(emb, l24, k=1)["class"]
    assert got.shape == (150, 150) and epsg == 32631 and nodata is not None
    np.testing.assert_array_equal(np.where(got.values == nodata, -1, got.values), want.sel(y=got.y, x=got.x).values)
    assert "class 1 'forest_broadleaf': " in r.stdout, r.stdout   # the scene's class names (CF flag_meanings)


def test_similarity_to_the_mean_of_points_of_a_vector_file(tiles, tmp_path, capsys):
    "A GeoJSON of points in lon/lat: every pixel's cosine with their mean vector made unit length, as float32."
    t24 = tiles[1]
    e = read_cog(t24)
    pts = _points(e, [10, 50, 70], [20, 40, 80])
    gdf = gpd.GeoDataFrame(geometry=gpd.points_from_xy(pts.x, pts.y), crs="EPSG:32631").to_crs("EPSG:4326")
    gdf.to_file(tmp_path / "q.geojson")
    assert main(["similarity", "--embeddings", str(t24), "--points", str(tmp_path / "q.geojson"),
                 "--out", str(tmp_path / "s.tif")]) == 0
    assert "mean of 3 points, made unit length" in capsys.readouterr().out
    got, epsg, nodata = _map(tmp_path / "s.tif")
    q = unit_rows(sample(e, pts, crs="EPSG:32631")[band_names()].to_numpy(np.float64).mean(0), np.float64)
    want = analysis.similarity(e, q).astype(np.float32)
    assert got.shape == (96, 96) and got.dtype == np.float32 and epsg == 32631 and np.isnan(nodata)
    np.testing.assert_allclose(got.values, want.sel(y=got.y, x=got.x).values, rtol=0, atol=1e-7)


@pytest.mark.parametrize("form", ["two files", "folder", "zarr cube"])
def test_change_between_two_years(tiles, tmp_path, form, capsys):
    "Two tiles of a year each, a folder of both, or a store of the two-year cube (`--year` twice): `analysis.change`."
    t23, t24, folder = tiles
    e23, e24 = read_cog(t23), read_cog(t24)
    if form == "two files": args = ["--embeddings", str(t23), "--embeddings", str(t24)]
    elif form == "folder": args = ["--embeddings", str(folder)]
    else:
        to_zarr(join_years([e23, e24]), tmp_path / "cube.zarr")
        args = ["--embeddings", str(tmp_path / "cube.zarr"), "--year", "2023", "--year", "2024"]
    assert main(["change", *args, "--out", str(tmp_path / "c.tif")]) == 0
    assert "change from 2023 to 2024" in capsys.readouterr().out
    got, epsg, nodata = _map(tmp_path / "c.tif")
    want = analysis.change(e23, e24)
    assert got.shape == (96, 96) and got.dtype == np.float32 and epsg == 32631 and np.isnan(nodata)
    np.testing.assert_array_equal(got.values, want.sel(y=got.y, x=got.x).values)
    assert np.nanmax(got.values) > 0.1   # the mirror's fields switch class between years: change is there


def test_refusals_name_the_flag_to_pass(tiles, tmp_path, capsys):
    "Several years and no --year, one year for change, points off the map, a table as --embeddings: exit 2 with " \
    "`aef: error:` naming the fix in flags."
    t23, t24, folder = tiles
    pd.DataFrame({"lon": [100.0], "lat": [10.0]}).to_csv(tmp_path / "far.csv", index=False)
    cases = [(["classify", "--embeddings", str(folder), "--labels", "samples"], "pass --year with the one to map, e.g. --year 2024"),
             (["change", "--embeddings", str(t24)], "aef change compares two: pass a second map, --embeddings twice"),
             (["similarity", "--embeddings", str(t24), "--points", str(tmp_path / "far.csv")], "none of its 1 points"),
             (["similarity", "--embeddings", str(tmp_path / "far.csv"), "--points", str(tmp_path / "far.csv")],
              "aef similarity maps a field of embeddings"),
             (["change", "--embeddings", str(folder.parent / "undated")], "2 of its GeoTIFFs record no year"),
             (["classify", "--embeddings", str(t24), "--labels", "samples", "--label-column", "crop", "--crs",
               "EPSG:4326"], "--label-column and --crs given with --labels samples, the sample scene's classes, would "
              "be read by nothing"),
             (["classify", "--embeddings", str(t24), "--labels", str(tmp_path / "far.csv"), "--labels-var", "lulc"],
              "--labels-var given with --labels")]
    for argv, said in cases:
        assert main([*argv, "--out", str(tmp_path / "x.tif")]) == 2, argv
        err = capsys.readouterr().err
        assert "aef: error: " in err and said in err, (argv, err)
    assert not (tmp_path / "x.tif").exists()


def test_python_words_of_their_errors_are_the_shell_flags():
    "A point's `crs=...` is `--crs` under classify and similarity, as under evaluate; a label raster's no-data to " \
    "declare is `--labels-nodata` under classify (was Python's words under any command but evaluate)."
    from alphaearth_nb.cli_args import shell_words
    for cmd in ("classify", "similarity"):
        assert "--crs ..." in shell_words("pass the CRS they are in, `crs=...`", cmd)
    said = shell_words("declare it: `labels.attrs['nodata'] = 255`", "classify")
    assert "`--labels-nodata 255`" in said and "attrs" not in said.split("rio edit-info")[0], said


def test_readme_map_lines_parse_and_chain(tmp_path, monkeypatch):
    "README's 'Map from the shell' lines are commands the parser takes, each reading what the lines before it wrote."
    import re, shlex
    from pathlib import Path
    from alphaearth_nb import cli_args
    text = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    block = re.findall(r"```sh\n(.*?)```", text.split("### Map from the shell", 1)[1], re.S)[0]
    monkeypatch.chdir(tmp_path)
    for made in ("emb.zarr", "out/train"): (tmp_path / made).mkdir(parents=True)
    cmds, acc = [], ""
    for line in block.splitlines():
        acc += line + "\n"
        try: words = shlex.split(acc, comments=True)
        except ValueError: continue   # a quoted python -c of several lines goes on
        acc = ""
        if words[0] == ".venv/bin/python":   # writes points.csv (run in tests/test_readme_classify_few_shot.py)
            (tmp_path / "points.csv").write_text("x,y,label\n640500,5619500,water\n")
            continue
        assert words[0] == ".venv/bin/aef", line
        ns = cli_args.parser().parse_args(words[1:])   # a wrong flag is SystemExit here
        cmds.append(ns.cmd)
        if ns.cmd == "embed": (tmp_path / ns.out).mkdir()
    assert cmds == ["classify", "similarity", "embed", "change"]
