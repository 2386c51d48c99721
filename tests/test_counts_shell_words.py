"""`aef classify/evaluate --embeddings counts.tif` (64 bands of uint8 counts 0..255) said "this map holds uint8 values
..." with no --embeddings named and a Python fix, `aef.from_official(da)`. Now the file is named as --embeddings and
the fix is a shell line writing a copy read as codes, which runs as printed (on a file of counts it refuses: no pixel
of it is a unit vector, so none has data)."""
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
from alphaearth_nb.testing import embedding_from_array, official_tiff, random_unit


@pytest.mark.parametrize("cmd", ["classify", "evaluate"])
def test_counts_are_named_with_a_shell_line(tmp_path, monkeypatch, capsys, cmd):
    monkeypatch.chdir(tmp_path)
    e = embedding_from_array(random_unit((12, 12), seed=1))
    c = official_tiff(quantize_embedding(e)); c.attrs = {}
    c.copy(data=np.random.default_rng(0).integers(0, 256, c.shape).astype("uint8")).rio.to_raster("counts.tif")
    pd.DataFrame({"x": e.x.values[[1, 4, 7, 10]], "y": e.y.values[[1, 4, 7, 10]], "label": ["a", "a", "b", "b"]}).to_csv(
        "lab.csv", index=False)
    assert main([cmd, "--embeddings", "counts.tif", "--labels", "lab.csv"] + (["--out", "o.tif"] if cmd == "classify" else [])) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "--embeddings counts.tif holds uint8 values 0..255" in err and "from_official(da)" not in err, err
    assert f"aef {cmd} {'maps' if cmd == 'classify' else 'scores'} embeddings" in err and "aef.embed`" not in err, err
    m = re.search(r"`python -c (.+?)`, then --embeddings (\S+)$", err)
    assert m and m[2] == "counts_codes.tif", err
    r = subprocess.run([sys.executable, "-c", shlex.split(m[1])[0]], capture_output=True, text=True,
                       env={"PYTHONPATH": str(Path(__file__).parents[1]), "PATH": "/usr/bin:/bin"})
    assert r.returncode != 0 and "no pixel with data" in r.stderr, r.stderr[-1500:]   # counts: no codes, said
