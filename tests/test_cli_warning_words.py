"""`aef`'s warnings read in the shell's words of the command that runs, as its errors do (session 36): under `aef
evaluate` a warning's `crs='EPSG:3857'` is `--crs EPSG:3857` and a bare `crs=` is `--crs`. Was: `aef: warning: ...
pass `crs=` to say which, `crs='EPSG:3857'` or `crs='EPSG:4326'`` (cli._show_warning called shell_words without the
command, so `crs=`, a setting only `aef evaluate` has a flag for, stayed Python's)."""
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd

import alphaearth_nb
from alphaearth_nb.cli_args import shell_words

ROOT = Path(alphaearth_nb.__file__).resolve().parents[1]   # the package under test, in the subprocess too


def test_a_bare_setting_in_a_code_span_is_its_flag():
    "Hand-worked: `crs=` is --crs where the command has it (evaluate), and stays elsewhere; `steps=` is --steps."
    assert shell_words("pass `crs=` to say which", "evaluate") == "pass `--crs` to say which"
    assert shell_words("pass `crs=` to say which", "train") == "pass `crs=` to say which"
    assert shell_words("set `steps=` higher") == "set `--steps` higher"
    assert shell_words("use `regress(emb, crs=)`", "evaluate") == "use `regress(emb, crs=)`"   # a call: as written
    said = "the first 10 batches hold no valid text, so the CLIP term is 0: pass `texts=` with the stack"   # fit's
    assert shell_words(said, "train") == said.replace("`texts=`", "`--texts`") and shell_words(said) == said


def test_aef_evaluate_warns_in_the_shell_s_words(tmp_path):
    "A 3857 map near (0, 0) on which tiny x/y read both as metres and as degrees: the guess is warned with its flag."
    from alphaearth_nb.stores import to_zarr
    from alphaearth_nb.testing import embedding_from_array, random_unit
    emb = embedding_from_array(random_unit((6, 6), seed=0), crs="EPSG:3857",
                               coords={"y": 55.0 - 10 * np.arange(6), "x": 5.0 + 10 * np.arange(6)})
    to_zarr(emb, tmp_path / "e.zarr")
    v = np.tile([0.0001, 0.0002, 0.0003, 0.0004], 4)   # 0.0001 degrees is 11 m: on the map either way
    pd.DataFrame({"x": v, "y": v, "label": [0, 1] * 8}).to_csv(tmp_path / "p.csv", index=False)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "AEF_CPU_DEVICES": "0"}
    r = subprocess.run([sys.executable, "-m", "alphaearth_nb.cli", "--no-compile-cache", "evaluate", "--embeddings",
                        "e.zarr", "--labels", "p.csv", "--shots", "1", "--folds", "2"], capture_output=True, text=True,
                       env=env, cwd=tmp_path, timeout=600)
    said = [l for l in r.stderr.splitlines() if l.startswith("aef: warning: GridWarning: the labels lie on the map")]
    assert said == ["aef: warning: GridWarning: the labels lie on the map both read in EPSG:3857 (16 of 16) and "
                    "read in EPSG:4326 (16): read in EPSG:4326; pass `--crs` to say which, `--crs EPSG:3857` or `--crs EPSG:4326`"], r.stderr
    assert "crs=" not in r.stderr, r.stderr
