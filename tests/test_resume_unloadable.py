"""A resume of a run none of whose checkpoints has both its files is refused (runs.check_run_folder, so `fit`, `aef
train --resume` and `run_folder`: DamagedCheckpointError before a batch is drawn), naming each file and its mend:
headers (.json) whose leaves (.eqx) are missing (a copy made without its large files) are to be copied again; leaves
without a header (a run stopped between the two writes) get their header back from their first line. `overwrite=True`
starts over, removing them. Was: a TrainingWarning 'holds no checkpoint to resume from: starting at step 0', then a
new run trained from step 0 over them (its step-k checkpoint written over the leaves of step k). A run folder with no
checkpoint at all still resumes from step 0, warned."""
import shutil

import jax.numpy as jnp
import pytest

from alphaearth_nb.checkpoint import check_run_folder, latest_checkpoint, run_folder, save_checkpoint
from alphaearth_nb.core import DamagedCheckpointError, TrainingWarning
from alphaearth_nb.train import fit


def _run(tmp_path, steps=(1, 2)):
    "A run folder (its marker) holding checkpoints of `steps`; its checkpoints/ folder."
    with run_folder(tmp_path / "run") as d:
        for k in steps: save_checkpoint(d / "checkpoints", {"w": jnp.full(2, float(k))}, step=k)
    return d, d / "checkpoints"


def test_headers_without_their_leaves_are_refused_not_trained_over(tmp_path):
    d, ck = _run(tmp_path)
    for p in ck.glob("*.eqx"): p.unlink()   # a copy without its large files
    drawn = []
    def data(position): drawn.append(position); raise AssertionError("no batch is drawn")
    with pytest.raises(DamagedCheckpointError) as e:
        fit("tiny", data, steps=3, batch_size=2, out=d, resume=True, progress=False)
    msg = str(e.value)
    assert "ckpt_00000001.json, ckpt_00000002.json are headers whose leaves (.eqx) are missing" in msg, msg
    assert "copy the .eqx files again" in msg and "overwrite=True" in msg and not drawn, msg
    assert sorted(p.name for p in ck.iterdir()) == ["ckpt_00000001.json", "ckpt_00000002.json"]   # left as they are


def test_leaves_without_a_header_are_refused_and_mended_by_their_first_line(tmp_path):
    d, ck = _run(tmp_path)
    for p in ck.glob("*.json"): p.unlink()   # stopped between the two writes, twice
    with pytest.raises(DamagedCheckpointError, match=r"head -n 1 ckpt_00000002\.eqx > ckpt_00000002\.json"):
        check_run_folder(d, resume=True)
    first = (ck / "ckpt_00000002.eqx").read_bytes().split(b"\n", 1)[0]
    (ck / "ckpt_00000002.json").write_bytes(first)   # the mend it names
    assert check_run_folder(d, resume=True) == d and latest_checkpoint(d) == ck / "ckpt_00000002.json"


def test_overwrite_starts_over_and_an_empty_run_still_resumes_from_zero(tmp_path):
    d, ck = _run(tmp_path)
    for p in ck.glob("*.eqx"): p.unlink()
    with run_folder(d, overwrite=True): pass
    assert not ck.exists()
    with pytest.warns(TrainingWarning, match="holds no checkpoint to resume from: starting at step 0"):
        assert check_run_folder(d, resume=True) == d   # a run with no checkpoint yet: as before
    shutil.rmtree(d)
