"""A checkpoint's `.eqx` passed without its `.json` (`load_checkpoint('ckpt_00000003.eqx', like)`, `aef embed
--checkpoint ckpt_00000003.eqx`) names the .eqx, the missing .json and where it comes from (the run's checkpoints/
folder, written by `aef train`), and, where the .eqx begins with our header, the `head -n 1` line that restores it,
which then loads. Was: 'no checkpoint at ckpt_00000003.json: pass a run folder, its checkpoints/ folder or a ckpt_*.json
file that exists' (the file passed never named, nor what is missing)."""
import subprocess

import jax.numpy as jnp
import numpy as np
import pytest

from alphaearth_nb.checkpoint import load_checkpoint, save_checkpoint
from alphaearth_nb.cli import main
from alphaearth_nb.core import CheckpointError

STATE = {"w": jnp.arange(6.0)}


def _cut(tmp_path):
    head = save_checkpoint(tmp_path / "checkpoints", STATE, step=3)
    head = head if head.suffix == ".json" else head.with_suffix(".json")
    head.unlink()
    return head.with_suffix(".eqx")


def test_python_names_the_missing_header_and_its_mend(tmp_path):
    eqx_file = _cut(tmp_path)
    with pytest.raises(CheckpointError) as e:
        load_checkpoint(eqx_file, STATE)
    msg = str(e.value)
    assert str(eqx_file) in msg and "ckpt_00000003.json" in msg and "checkpoints/ folder" in msg, msg
    assert "no checkpoint at" not in msg, msg
    line = next(c for c in msg.split("`") if c.startswith("head -n 1"))
    subprocess.run(line, shell=True, check=True, cwd=eqx_file.parent)
    state, header = load_checkpoint(eqx_file, STATE)                     # the mend loads
    assert header["step"] == 3 and np.array_equal(state["w"], STATE["w"])


def test_the_command_says_it_in_its_words(tmp_path, capsys):
    eqx_file = _cut(tmp_path)
    code = main(["embed", "--checkpoint", str(eqx_file), "--period", "2024", "--out", str(tmp_path / "e.zarr")])
    err = capsys.readouterr().err
    assert code != 0 and "ckpt_00000003.json" in err and "aef train --out" in err and "head -n 1" in err, err
    assert "fit(" not in err and "no checkpoint at" not in err, err
