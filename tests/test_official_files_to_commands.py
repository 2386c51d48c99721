"""The `aef` commands name an official tile or mirror handed to them for what it is and say what to pass instead:
`aef evaluate --embeddings` of a mirror on disk (or a year's folder of it; a zone's is read) names a tile to pass and a line
writing the map of an area from the mirror (which runs); of a tile with an option nothing reads, 'a GeoTIFF' (was 'a
zarr store'), without --labels '(a GeoTIFF) needs --labels' (was 'zarr embeddings need --labels'); of a folder of
.tiff tiles a glob that matches them (was '*.tif', none); `aef train/embed --data` of a tile or a mirror says it holds
embeddings and names `aef evaluate --embeddings` of a tile (was 'is not a .nc or .zarr stack')."""
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.exports import open_zarr

pytest.importorskip("rioxarray")


@pytest.fixture(scope="module")
def mirror(tmp_path_factory):
    from alphaearth_nb.local_mirror import build_local_mirror
    root = tmp_path_factory.mktemp("m") / "mirror"
    build_local_mirror(root, years=(2024,), size=64)
    return root


def _err(capsys, argv):
    "stderr of `aef ARGV`, which exits 2 (argparse's errors exit, the commands' return)."
    try: rc = main(argv)
    except SystemExit as e: rc = e.code
    assert rc == 2
    return " ".join(capsys.readouterr().err.split())


@pytest.mark.parametrize("inner", ["", "2024"])   # a zone's folder is read, as classify reads it
def test_evaluate_of_a_mirror_names_a_tile_and_a_line_that_runs(mirror, capsys, inner, tmp_path):
    err = _err(capsys, ["evaluate", "--embeddings", str(mirror / inner) if inner else str(mirror)])
    assert "a mirror of the official embeddings" in err and "neither a zarr store" not in err, err
    tile = re.search(r"pass one tile, --embeddings (\S+?),", err)[1]
    assert Path(tile).is_file() and tile.endswith(".tiff"), err
    line = shlex.split(re.search(r"`python -c (.+?)`", err)[1])[0]
    assert "here the middle of that tile" in err, err
    r = subprocess.run([sys.executable, "-c", line], cwd=tmp_path, capture_output=True, text=True,
                       env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])})
    assert r.returncode == 0, r.stderr[-2000:]
    assert open_zarr(tmp_path / "emb.zarr").sizes["band"] == 64   # the store it wrote: --embeddings emb.zarr


def test_evaluate_of_a_tile_calls_it_a_geotiff(mirror, capsys):
    tile = next(mirror.glob("2024/*/*.tiff"))
    err = _err(capsys, ["evaluate", "--embeddings", str(tile), "--labels", "samples", "--label-column", "x"])
    assert "a GeoTIFF, would be read by nothing" in err and "zarr store" not in err, err
    err = _err(capsys, ["evaluate", "--embeddings", str(tile)])
    assert "(a GeoTIFF) needs --labels" in err and "zarr embeddings" not in err, err


def test_a_folder_of_tiff_tiles_is_globbed_as_tiff(mirror, capsys, tmp_path):
    folder = tmp_path / "tiles"
    folder.mkdir()
    for t in mirror.glob("2024/31N/*.tiff"): shutil.copy(t, folder)
    err = _err(capsys, ["evaluate", "--embeddings", str(folder)])
    assert f"--embeddings {folder} (a folder of GeoTIFFs) needs --labels" in err and "zarr store" not in err, err   # read as a folder (2184461d)


@pytest.mark.parametrize("cmd", ["train", "embed"])
def test_data_of_a_tile_or_a_mirror_says_it_is_embeddings(mirror, capsys, cmd):
    tile = next(mirror.glob("2024/*/*.tiff"))
    rest = {"train": ["--out", "run"], "embed": ["--checkpoint", ".", "--period", "2024", "--out", "o.zarr"]}[cmd]
    for data, said in ((tile, "is a GeoTIFF, not a stack"), (mirror, "is a mirror of the official embeddings"),
                       (mirror / "2024", "a mirror of the official embeddings")):
        err = _err(capsys, [cmd, "--data", str(data), *rest])
        assert said in err and "aef evaluate --embeddings" in err and "not a .nc or .zarr stack" not in err, err
        named = re.search(r"aef evaluate --embeddings (\S+) --labels", err)[1]
        assert Path(named).is_file(), err


def test_evaluate_of_a_zone_folder_reads_its_tiles(mirror, capsys):
    "A zone's folder of the mirror is a folder of one map's tiles: read (f54a6ee4: 'a folder inside a mirror', as classify read it)."
    from alphaearth_nb.embedding_files import open_embeddings
    e = open_embeddings(mirror / "2024" / "31N", None)
    assert e.sizes["band"] == 64 and str(e.attrs["time"]).startswith("2024"), e
