"""The words and the working of a stop asked of `fit` (session 54's review, r1 #1, #7 and final's notes; note54 Left).
- "Ctrl-C again to stop at once" was false while `fit` wrote the stop's checkpoint: the stop was taken
  (`stop_if_asked`) but stops stayed held till `finally`, so a second Ctrl-C then was noted as a first, said again,
  and the save went on. A stop taken now ends the hold: the second Ctrl-C raises in the save.
- SIGTERM said "(Ctrl-C again to stop at once)"; a first Ctrl-C during the first step's compile said "after this
  step" and waited minutes: the words now fit the signal and say the compile.
- A Ctrl-C whose raise landed in a gc callback (JAX's `_xla_gc_callback`) printed "Exception ignored in ...
  KeyboardInterrupt" and went on: the signal is now sent again and raised outside.
- A notebook's interrupt (a plain KeyboardInterrupt from Python's own handler) saved nothing where `aef train`'s
  Ctrl-C keeps the last whole step: `fit` now puts its own handler in place of Python's for its step loop.
- `unweighed_watch` waited for 10 logged steps in a row: a run of fewer said nothing of a source 0 at every step."""
import gc
import os
import signal
import time

import jax
import numpy as np
import pytest

from alphaearth_nb import cli, runlock, train
from alphaearth_nb.checkpoint import latest_checkpoint
from alphaearth_nb.core import TrainingWarning
from alphaearth_nb.testing import Standin, standin_batches, standin_loss

KW = dict(steps=10, batch_size=8, checkpoint_every=100, seed=4, loss_fn=standin_loss, progress=False)


def test_a_second_ctrl_c_while_the_stop_is_checkpointed_stops_at_once(tmp_path, monkeypatch, capsys):
    real, cut = train.save_checkpoint, []
    def save(*a, **k):   # the stop's checkpoint: a second Ctrl-C comes while it is written
        cut.append(1)
        cli._on_sigint(signal.SIGINT, None)
        return real(*a, **k)
    def data(p):
        for i, b in enumerate(standin_batches(p), p):
            if i == 4: cli._on_sigint(signal.SIGINT, None)   # the first, during a step: noted, said, held
            yield b
    monkeypatch.setattr(train, "save_checkpoint", save)
    monkeypatch.setattr(signal, "getsignal", lambda s: cli._on_sigint if s == signal.SIGINT else signal.SIG_DFL)
    try:
        with pytest.raises(KeyboardInterrupt):
            train.fit(Standin(key=jax.random.PRNGKey(0)), data, out=tmp_path / "a", **KW)
    finally: runlock.clear_stop()
    err = capsys.readouterr().err
    assert cut and err.count("stopping after") == 1, err   # was: said twice, and the save went on
    assert "(Ctrl-C again to stop at once)" in err
    assert latest_checkpoint(tmp_path / "a") is None   # stopped at once, in the save, as promised


def test_the_words_fit_the_signal_and_the_compile(capsys):
    try:
        own = runlock.hold_stops(compiling=True)
        assert runlock.note_stop(runlock.Terminated, "aef: SIGTERM", "a second SIGTERM or a Ctrl-C")
        err = capsys.readouterr().err
        assert "aef: SIGTERM: stopping after the first step, compiling now" in err and "Ctrl-C again" not in err, err
        runlock.clear_stop()
        runlock.hold_stops()   # compiled: one step to wait for
        cli._on_sigterm(signal.SIGTERM, None)
        err = capsys.readouterr().err
        assert "stopping after this step" in err and "(a second SIGTERM or a Ctrl-C to stop at once)" in err, err
        with pytest.raises(runlock.Terminated): cli._on_sigterm(signal.SIGTERM, None)   # the second: at once
    finally:
        runlock.release_stops(own)
        runlock.clear_stop()


def test_a_ctrl_c_in_a_gc_callback_is_raised_outside_it():
    swallowed, armed = [], [1]
    def in_gc(phase, info):
        if phase == "start" and armed:
            armed.clear()
            os.kill(os.getpid(), signal.SIGINT)   # the handler runs here, inside the callback
            sum(range(1000))
    hook, before = __import__("sys").unraisablehook, signal.signal(signal.SIGINT, cli._on_sigint)
    __import__("sys").unraisablehook = swallowed.append
    gc.callbacks.insert(0, in_gc)
    try:
        with pytest.raises(KeyboardInterrupt):
            gc.collect()
            end = time.monotonic() + 5
            while time.monotonic() < end: sum(range(100))   # the signal sent again lands here
        assert not swallowed, [str(u.exc_value) for u in swallowed]   # was: "Exception ignored in ... KeyboardInterrupt"
    finally:
        gc.callbacks.remove(in_gc)
        __import__("sys").unraisablehook = hook
        signal.signal(signal.SIGINT, before)
        runlock.clear_stop()


def test_a_notebook_interrupt_keeps_the_steps_and_resume_is_exact(tmp_path, python_ctrl_c, capsys):
    whole, _ = train.fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=tmp_path / "a", **KW)
    def data(p):
        for i, b in enumerate(standin_batches(p), p):
            if i == 6: os.kill(os.getpid(), signal.SIGINT)   # the kernel's interrupt (ipykernel: Python's handler)
            yield b
    out = tmp_path / "b"
    with pytest.raises(KeyboardInterrupt):
        train.fit(Standin(key=jax.random.PRNGKey(0)), data, out=out, **KW)
        time.sleep(5)   # (fit ended first: the interrupt lands here, and the test fails below)
    kept = latest_checkpoint(out)   # was: None, every step lost
    assert kept is not None and int(kept.stem.split("_")[1]) >= 1, kept
    err = capsys.readouterr().err
    assert "fit: interrupted: stopping after this step" in err and "resume=True) goes on from" in err, err
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler and not runlock.stop_asked()   # put back
    resumed, _ = train.fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=out, resume=True, **KW)
    for x, y in zip(jax.tree_util.tree_leaves(whole.model), jax.tree_util.tree_leaves(resumed.model)):
        np.testing.assert_array_equal(np.asarray(x), np.asarray(y))


def test_a_short_run_names_a_source_zero_at_every_step(tmp_path):
    def loss(model, batch, key):
        total, aux = standin_loss(model, batch, key)
        return total, {**aux, "recon/sentinel2": 0.0 * total, "recon/sentinel1": total}   # sentinel2: no pixel
    with pytest.warns(TrainingWarning, match=r"sentinel2 was 0 for 4 logged steps in a row \(every step of the run\)"):
        train.fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, **{**KW, "steps": 4, "loss_fn": loss})


def test_clear_stop_puts_the_unraisable_hook_back():
    """raise_stop wraps sys.unraisablehook for a stop Python swallows; nothing put the caller's back, so a notebook or
    a `main([...])` caller kept aef's hook for good (re-read r1 #2): clear_stop (each command's end) restores it."""
    import sys
    mine = lambda u: None
    hook = sys.unraisablehook
    sys.unraisablehook = mine
    try:
        runlock.ask_stop(KeyboardInterrupt)
        with pytest.raises(KeyboardInterrupt):
            runlock.raise_stop(KeyboardInterrupt, signal.SIGINT)
        assert sys.unraisablehook is not mine   # wrapped while the stop is asked
        runlock.clear_stop()
        assert sys.unraisablehook is mine
    finally:
        sys.unraisablehook = hook
        runlock.clear_stop()
