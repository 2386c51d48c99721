"""`aef classify/evaluate --embeddings counts.tif` (64 bands of uint8 counts 0..255) said "this map holds uint8 values
..." with no --embeddings named and a Python fix, `aef.from_official(da)`. Now the file is named as --embeddings, in
the command's words. The shell line (was, 906bfade: `from_official(rioxarray.open_rasterio(...))`) could never
succeed where it was shown: the words come only where at most half the vectors are unit vectors under either reading
of the bytes, and `from_official` then reads them as they are, values above 127 no code, so every pixel no data, even
where a quarter of them were the product's codes read unsigned (s55 r3.md #2). Now the line casts the bytes under the
reading of more unit vectors (`rows.cast_fix`) and says the share it leaves with data, and runs as printed; a file of
which no vector is a unit vector under either reading gets no line, and why. A folder of such GeoTIFFs got the Python
words (`tif_folder` read them outside `counts_said`, r3.md #3): now the command's, naming the file."""
import re
import shlex
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("rioxarray")
from alphaearth_nb.cli import main
from alphaearth_nb.embeddings import quantize_embedding
from alphaearth_nb.exports import read_cog
from alphaearth_nb.testing import embedding_from_array, official_tiff, random_unit


def _counts(path, e, codes_share=0.0):
    "A uint8 GeoTIFF of 64 bands on `e`'s grid: random bytes, `codes_share` of its pixels `e`'s codes read unsigned."
    c = official_tiff(quantize_embedding(e)); c.attrs = {}
    rng = np.random.default_rng(0)
    v = rng.integers(0, 256, c.shape).astype("uint8")
    keep = rng.random(c.shape[1:]) < codes_share
    v[:, keep] = c.values.view("uint8")[:, keep]
    c.copy(data=v).rio.to_raster(path)
    return int(keep.sum())


def _run(cmd, emb):
    args = [cmd, "--embeddings", emb, "--labels", "lab.csv"] + (["--out", "o.tif"] if cmd != "evaluate" else [])
    return main(args)


@pytest.fixture
def grid(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    e = embedding_from_array(random_unit((12, 12), seed=1))
    pd.DataFrame({"x": e.x.values[[1, 4, 7, 10]], "y": e.y.values[[1, 4, 7, 10]], "label": ["a", "a", "b", "b"]}).to_csv(
        "lab.csv", index=False)
    return e


@pytest.mark.parametrize("cmd", ["classify", "evaluate"])
def test_counts_are_named_in_the_commands_words(grid, capsys, cmd):
    _counts("counts.tif", grid)
    assert _run(cmd, "counts.tif") == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "--embeddings counts.tif holds uint8 values 0..255" in err and "from_official(" not in err, err
    assert f"aef {cmd} {'maps' if cmd == 'classify' else 'scores'} embeddings" in err and "aef.embed`" not in err, err
    assert "no reading makes any vector of it a unit vector, so it holds no codes to read" in err, err   # no line


def test_the_shell_line_runs_as_printed(grid, capsys):
    n = _counts("part.tif", grid, codes_share=0.3)   # 30% codes read unsigned: under half, so counts, yet some codes
    assert _run("evaluate", "part.tif") == 2
    err = " ".join(capsys.readouterr().err.split())
    m = re.search(r"`python -c (.+?)` \((\d+)% of its vectors with data are unit vectors read so; the rest become no "
                  r"data\), then --embeddings (\S+)$", err)
    assert m and m[3] == "part_codes.tif" and shlex.split(m[1])[0].endswith('.from_official(da.astype("int8")), "part_codes.tif")'), err
    assert int(m[2]) == round(100 * n / 144), (m[2], n)
    r = subprocess.run([sys.executable, "-c", shlex.split(m[1])[0]], capture_output=True, text=True,
                       env={"PYTHONPATH": str(Path(__file__).parents[1]), "PATH": "/usr/bin:/bin"})
    assert r.returncode == 0, r.stderr[-1500:]
    got = read_cog("part_codes.tif").values
    assert int(np.isfinite(got).all(-1).sum()) == n   # the codes, and nothing else, have data


@pytest.mark.parametrize("cmd", ["evaluate", "similarity"])
def test_a_folder_of_counts_gets_the_commands_words(grid, capsys, cmd):
    Path("cf").mkdir()
    _counts("cf/counts.tif", grid)
    args = ["evaluate", "--embeddings", "cf", "--labels", "lab.csv"] if cmd == "evaluate" else \
        ["similarity", "--embeddings", "cf", "--point", f"{float(grid.x[0])},{float(grid.y[0])}", "--out", "s.tif"]
    assert main(args) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "--embeddings cf/counts.tif holds uint8 values" in err and "this map holds" not in err, err
    assert f"aef {cmd} {'maps' if cmd != 'evaluate' else 'scores'} embeddings" in err, err
