"""README's 'Map from the shell' block ran `aef classify --labels samples`, which labels all 22,500 pixels of the
sample scene: its "few-shot" map was the label raster again (the command itself said 100% of the pixels are labelled).
The block now first writes points.csv, 10 labelled pixels a class as the Python example draws them, and classifies from
those. Here the block's lines run as written (python in a subprocess, `aef` in process) on a store of the scene's grid:
80 points, 10 a class, each with the raster's class at its place, and a map learnt from them alone."""
import re
import shlex
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb import scene, testing
from alphaearth_nb.cli import main
from alphaearth_nb.exports import to_zarr

ROOT = Path(__file__).resolve().parents[1]
rioxarray = pytest.importorskip("rioxarray")


def map_commands() -> list[str]:
    "The commands of README's 'Map from the shell' block, a command's lines joined (a quoted python -c spans several)."
    text = (ROOT / "README.md").read_text()
    block = re.findall(r"```sh\n(.*?)```", text.split("### Map from the shell", 1)[1], re.S)[0]
    cmds, acc = [], ""
    for line in block.splitlines():
        acc += line + "\n"
        try: shlex.split(acc, comments=True)
        except ValueError: continue   # a quote still open: the command goes on
        cmds.append(acc.strip())
        acc = ""
    assert not acc, acc
    return cmds


def _points(values):
    "Coordinates to `.sel` point-wise (one value a point, not the outer product)."
    return xr.DataArray(np.asarray(values), dims="point")


def test_readme_classify_learns_from_ten_points_a_class(tmp_path, monkeypatch, capsys):
    cmds = map_commands()
    classify = [c for c in cmds if c.startswith(".venv/bin/aef classify")]
    assert len(classify) == 1
    words = shlex.split(classify[0], comments=True)
    labels = words[words.index("--labels") + 1]
    assert labels != "samples", classify[0]   # every pixel labelled: the map is the labels again
    made = [c for c in cmds[:cmds.index(classify[0])] if c.startswith(".venv/bin/python -c ")]
    assert len(made) == 1 and f"'{labels}'" in made[0], "no line before classify writes its --labels"
    monkeypatch.chdir(tmp_path)
    r = subprocess.run([sys.executable, "-c", shlex.split(made[0])[2]], capture_output=True, text=True, timeout=600,
                       env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(Path.home())})
    assert r.returncode == 0, r.stderr
    pts = pd.read_csv(tmp_path / labels)
    _, _, lab = scene.load_scene()
    l24 = lab.sel(year=2024)
    names = np.array(l24.attrs["classes"])
    assert len(pts) == 10 * len(names) and set(pts["label"].value_counts()) == {10}, pts["label"].value_counts()
    on = names[l24.sel(x=_points(pts.x), y=_points(pts.y)).values]
    np.testing.assert_array_equal(pts["label"].to_numpy(), on)   # each point's class is the raster's there
    base = testing.random_unit((8,), seed=3)   # a store of the scene's grid, as `aef embed` writes it
    v = base[l24.values.astype(int)] + 0.3 * np.random.default_rng(0).normal(size=l24.shape + (64,))
    emb = testing.embedding_from_array((v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32),
                                       coords={"y": l24.y.values, "x": l24.x.values}).assign_attrs(
        period_start="2024-01-01", period_end="2025-01-01")
    to_zarr(emb, tmp_path / words[words.index("--embeddings") + 1])
    capsys.readouterr()
    assert main(words[1:]) == 0
    said = capsys.readouterr().out
    assert "labelled by --labels" not in said, said   # the share-labelled warning of a map that repeats its labels
    assert all(f"'{n}'" in said for n in names), said
    got = rioxarray.open_rasterio(tmp_path / words[words.index("--out") + 1]).squeeze("band", drop=True)
    assert got.shape == (150, 150)
