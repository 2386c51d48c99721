"""Interrupts, re-read of session 55 (note55_left "Interrupts", r1 #5, #7).
- A Ctrl-C or SIGTERM whose raise Python swallowed (a gc callback, a `__del__`) is sent again 20 ms later
  (`runlock._again`). Its check (stop still asked, our handler in place) and its sending were apart: sent after the
  command had ended, it reached the caller's handler put back meanwhile (a KeyboardInterrupt in the caller's next
  lines); sent while the command unwound from the stop, it cut `aef`'s own words on how to go on (a traceback, no
  exit code). Now the check, the sending and `clear_stop` share one lock, `clear_stop` runs with our handler still
  in place, and a re-delivery that comes too late is dropped (`note_stop`).
- `fit` in a thread other than the main one set the hold that the main thread's handler reads, so the main thread's
  own Ctrl-C was only noted; nothing is held there now.
- A notebook `fit` interrupted with no checkpoint said "it wrote no checkpoint", no more; it now says what is kept
  and the call that starts it over, which works.
- `cli._placed` called an output "placed whole before it" when it was modified less than 1 s before the command
  began (an earlier run's, under --overwrite); it compares --out with what was there as the command began."""
import os
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import jax
import pytest

import alphaearth_nb
from alphaearth_nb import cli, runlock, train
from alphaearth_nb.checkpoint import latest_checkpoint
from alphaearth_nb.testing import Standin, standin_batches, standin_loss

ROOT = Path(alphaearth_nb.__file__).resolve().parents[1]
KW = dict(steps=6, batch_size=8, checkpoint_every=100, seed=4, loss_fn=standin_loss, progress=False)

# `main([...], sigterm=True)` from a script (Python's Ctrl-C handler before it): the command's body swallows a Ctrl-C
# (aef's handler raises in a `__del__`). MODE end: its re-delivery, checked, is held back (runlock's `_thread` waits)
# till the command has ended; MODE unwind: a second, genuine Ctrl-C is raised at once and the re-delivery comes while
# `aef` says how to go on
CHILD = textwrap.dedent("""
    import os, signal, sys, threading, time, _thread
    from alphaearth_nb import cli, runlock
    MODE, inside, go, real = sys.argv[1], threading.Event(), threading.Event(), _thread.interrupt_main
    class Held:
        @staticmethod
        def interrupt_main(s):
            inside.set()
            go.wait(5)
            real(s)
    runlock._thread = Held
    class Swallows:
        def __del__(self): os.kill(os.getpid(), signal.SIGINT)   # aef's handler raises here: swallowed
    def body(a):
        Swallows()
        if MODE == "unwind":
            go.set()
            cli._on_sigint(signal.SIGINT, None)   # a second Ctrl-C, raised
        assert inside.wait(5), "no re-delivery was sent"
        threading.Timer(0.1, go.set).start()   # sent as the command ends
    words = cli._goes_on
    def goes_on(a):
        time.sleep(0.3)   # the re-delivery comes here
        return words(a) + (" (sent)" if inside.is_set() else "")
    cli._goes_on, cli.COMMANDS["embed"] = goes_on, body
    try:
        code = cli.main(["--no-compile-cache", "embed", "--checkpoint", ".", "--period", "2016", "--out", "e.zarr"],
                        sigterm=True)
        time.sleep(0.5)   # the caller's next lines
    except KeyboardInterrupt:
        print("KeyboardInterrupt out of main"); sys.exit(0)
    print("rc", code, signal.getsignal(signal.SIGINT) is signal.default_int_handler, runlock.stop_asked(),
          sys.unraisablehook is sys.__unraisablehook__)
""")


@pytest.mark.parametrize("mode", ["end", "unwind"])
def test_a_late_redelivery_is_dropped(tmp_path, mode):
    (tmp_path / "child.py").write_text(CHILD)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "JAX_PLATFORMS": "cpu"}
    p = subprocess.run([sys.executable, "child.py", mode], cwd=tmp_path, env=env, capture_output=True, text=True,
                       timeout=120)
    want = f"rc {0 if mode == 'end' else 130} True False True"   # the caller's handler and hook back, no stop kept
    assert p.stdout.strip() == want, (p.stdout, p.stderr[-2000:])   # was: KeyboardInterrupt out of main
    if mode == "unwind": assert "aef: interrupted: an output is placed only once whole" in p.stderr, p.stderr
    if mode == "unwind": assert "the command again (sent)" in p.stderr, p.stderr   # the re-delivery came, dropped


def test_fit_in_a_thread_holds_no_stop_of_the_main_thread(tmp_path, monkeypatch):
    made, held = train._cached_step, []
    def cached(*a, **k):
        step = made(*a, **k)
        def looked(state, batch):
            held.append(runlock.stops_held())   # what the main thread's handler reads now
            return step(state, batch)
        return looked
    monkeypatch.setattr(train, "_cached_step", cached)
    t = threading.Thread(target=train.fit, args=(Standin(key=jax.random.PRNGKey(0)), standin_batches),
                         kwargs=dict(out=tmp_path / "a", **KW))
    t.start()
    t.join(120)
    assert held and not any(held), held   # was: True at every step
    assert latest_checkpoint(tmp_path / "a") is not None   # the run itself as before


def test_a_notebook_fit_stopped_before_its_checkpoint_says_how_to_start_over(tmp_path, python_ctrl_c, monkeypatch,
                                                                             capsys):
    made = train._cached_step
    def cached(*a, **k):
        step = made(*a, **k)
        def twice(state, batch):   # two interrupts of the kernel in the first step: noted, then raised at once
            os.kill(os.getpid(), signal.SIGINT)
            os.kill(os.getpid(), signal.SIGINT)
            return step(state, batch)
        return twice
    monkeypatch.setattr(train, "_cached_step", cached)
    out = tmp_path / "a"
    with pytest.raises(KeyboardInterrupt):
        train.fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=out, **KW)
    monkeypatch.setattr(train, "_cached_step", made)
    err = capsys.readouterr().err
    assert latest_checkpoint(out) is None
    said = f"fit(..., out={str(out)!r}, resume=True) starts it over at step 0 with them"
    assert "fit: interrupted: it wrote no checkpoint (one every 100 steps" in err and said in err, err   # was: no fix
    _, history = train.fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=out, resume=True, **KW)
    assert [h["step"] for h in history] == [1, 2, 3, 4, 5, 6]   # the fix said works


def test_an_earlier_runs_output_placed_just_before_is_not_this_ones(tmp_path, monkeypatch, capsys):
    out = tmp_path / "prev.zarr"
    out.mkdir()   # the previous run's store, placed a moment ago (well within a second)
    def body(a): raise KeyboardInterrupt   # this --overwrite run, interrupted before it placed its own
    monkeypatch.setitem(cli.COMMANDS, "embed", body)
    code = cli.main(["--no-compile-cache", "embed", "--checkpoint", str(tmp_path), "--period", "2016", "--out", str(out), "--overwrite"]
                     )
    err = capsys.readouterr().err
    assert code == 130 and "holds no part of this one" in err and "placed whole" not in err, err   # was: placed whole
    def placed(a):
        os.rename(out, tmp_path / "old.zarr")
        (tmp_path / "new.zarr").mkdir()
        os.rename(tmp_path / "new.zarr", out)   # this run's, renamed into place whole
        raise KeyboardInterrupt
    monkeypatch.setitem(cli.COMMANDS, "embed", placed)
    cli.main(["--no-compile-cache", "embed", "--checkpoint", str(tmp_path), "--period", "2016", "--out", str(out), "--overwrite"])
    assert "was placed whole before it" in capsys.readouterr().err
