"""Ctrl-C in `aef train` threw away every step since the last checkpoint (newcomer s54, item 5: SIGINT at step 168 of
2000, one checkpoint every 200: nothing kept, `--resume` started over at 0). `aef`'s Ctrl-C handler now notes the stop
(`runlock.ask_stop(KeyboardInterrupt)`) as SIGTERM's does, and `fit` checkpoints the last whole step before it
unwinds; a data source's own KeyboardInterrupt (a power cut in the tests) is no such stop and saves nothing. The
resume goes on as the uninterrupted run."""
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import jax
import numpy as np
import pytest

from alphaearth_nb import runlock, train
from alphaearth_nb.checkpoint import latest_checkpoint
from alphaearth_nb.testing import Standin, standin_batches, standin_loss

ROOT = Path(__file__).resolve().parents[1]
KW = dict(steps=10, batch_size=8, checkpoint_every=100, seed=4, loss_fn=standin_loss, progress=False)


def _ctrl_c_at(at):
    "Batches that press Ctrl-C (as `aef`'s handler does: noted, then raised) as batch `at` is drawn."
    def data(p):
        for i, b in enumerate(standin_batches(p), p):
            if i == at:
                runlock.ask_stop(KeyboardInterrupt)
                raise KeyboardInterrupt()
            yield b
    return data


def test_ctrl_c_keeps_the_steps_and_resume_is_exact(tmp_path):
    whole, _ = train.fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=tmp_path / "a", **KW)
    out = tmp_path / "b"
    try:
        with pytest.raises(KeyboardInterrupt):
            train.fit(Standin(key=jax.random.PRNGKey(0)), _ctrl_c_at(6), out=out, **KW)
    finally: runlock.clear_stop()
    kept = latest_checkpoint(out)   # the steps done before the batch was drawn (the prefetch draws ahead), kept
    assert kept is not None and int(kept.stem.split("_")[1]) >= 1, kept
    resumed, _ = train.fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=out, resume=True, **KW)
    for x, y in zip(jax.tree_util.tree_leaves(whole.model), jax.tree_util.tree_leaves(resumed.model)):
        np.testing.assert_array_equal(np.asarray(x), np.asarray(y))


def test_a_data_sources_own_interrupt_saves_nothing(tmp_path):
    with pytest.raises(KeyboardInterrupt):   # a power cut: no handler ran, nothing noted
        train.fit(Standin(key=jax.random.PRNGKey(0)), lambda p: standin_batches(p, stop_at=6), out=tmp_path / "c", **KW)
    assert latest_checkpoint(tmp_path / "c") is None


def test_sigint_to_aef_train_checkpoints_where_it_stopped(tmp_path):
    out, log = tmp_path / "run", tmp_path / "err.txt"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "AEF_CPU_DEVICES": "0", "JAX_PLATFORMS": "cpu"}
    with open(log, "w") as err:
        p = subprocess.Popen([sys.executable, "-m", "alphaearth_nb.cli", "train", "--preset", "tiny", "--steps", "2000",
                              "--batch-size", "2", "--out", str(out)], stdout=subprocess.DEVNULL, stderr=err,
                             env=env, cwd=tmp_path)
        try:
            t = time.monotonic()
            while not re.search(r"\b[3-9]/2000|\b\d\d+/2000", log.read_text()):   # a few steps done (its bar)
                assert p.poll() is None, log.read_text()[-2000:]
                assert time.monotonic() - t < 400, "no third step after 400 s"
                time.sleep(0.2)
            p.send_signal(signal.SIGINT)   # Ctrl-C (`cmd &` in a script would ignore SIGINT)
            p.wait(timeout=300)
        finally:
            if p.poll() is None: p.kill(); p.wait()
    said = log.read_text()
    assert p.returncode == 130, (p.returncode, said[-2000:])
    found = latest_checkpoint(out)
    assert found is not None and int(found.stem.split("_")[1]) >= 3, said[-2000:]   # not one every 200 steps
    assert f"goes on from its newest checkpoint, {found.name}" in said and "--resume" in said, said[-2000:]
