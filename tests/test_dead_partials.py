"A write killed midway leaves its scratch copy beside the output: the next write there clears it (kind E)."

import os
import subprocess

import jax
import numpy as np

from alphaearth_nb.checkpoint import save_checkpoint
from alphaearth_nb.files import write_text
from alphaearth_nb.testing import Standin, standin_batches, standin_loss
from alphaearth_nb.train import TrainConfig, fit


def _dead_pid() -> int:
    p = subprocess.Popen(["true"]); p.wait()
    return p.pid


def _leave(folder, name, pid, size=1000):
    p = folder / f".{name}.partial-{pid}-{os.urandom(4).hex()}"
    p.write_bytes(b"x" * size)
    return p


def test_a_checkpoint_save_clears_what_killed_saves_left(tmp_path):
    d, dead = tmp_path / "checkpoints", _dead_pid()
    d.mkdir()
    gone = [_leave(d, "ckpt_00000004.eqx", dead), _leave(d, "ckpt_00000006.json", dead)]   # any step's
    kept = [_leave(d, "ckpt_00000008.eqx", os.getpid()),   # a live writer's
            _leave(d, "notes.txt", dead)]                    # not a checkpoint's: not ours to judge here
    save_checkpoint(d, {"w": np.zeros(3, np.float32)}, step=2)
    assert not any(p.exists() for p in gone) and all(p.exists() for p in kept)
    assert sorted(p.name for p in d.iterdir() if not p.name.startswith(".")) == ["ckpt_00000002.eqx",
                                                                               "ckpt_00000002.json"]


def test_a_file_write_clears_its_own_dead_copy(tmp_path):
    dead = _dead_pid()
    left = _leave(tmp_path, "report.md", dead)
    other = _leave(tmp_path, "other.md", dead)
    write_text(tmp_path / "report.md", "hello")
    assert not left.exists() and other.exists() and (tmp_path / "report.md").read_text() == "hello"


def test_a_resumed_run_leaves_no_copy_of_the_killed_one(tmp_path):
    cfg = TrainConfig(steps=4, warmup=1, peak_lr=1e-2, batch_size=8, checkpoint_every=2)
    run = tmp_path / "run"
    go = lambda **kw: fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=run, config=cfg,
                          loss_fn=standin_loss, progress=False, **kw)
    go(steps=2)
    dead = _dead_pid()   # what a run preempted while saving step 4 (and its metrics) leaves
    _leave(run / "checkpoints", "ckpt_00000004.eqx", dead, 1 << 20)
    _leave(run / "checkpoints", "ckpt_00000004.json", dead)
    _leave(run, "metrics.jsonl", dead)
    go(resume=True)   # was: both copies and the metrics' stayed, for good, beside the new step 4
    assert not [p.name for p in run.rglob(".*.partial-*")]
