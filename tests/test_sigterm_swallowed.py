"""A SIGTERM whose raise Python swallows still stops `aef train`. `cli._on_sigterm` raises `Terminated` wherever the
main thread is; inside a gc callback (JAX's `_xla_gc_callback` runs at every collection, many during the first
step's compile) Python only prints "Exception ignored in ..." and goes on, and the run trained on until SIGKILL (the
final CI of session 52, tests/test_train_sigterm.py once in three runs). The handler notes the request
(`runlock.ask_stop`) and `fit` acts on it between steps: the state checkpointed there, the lock released, the same
exit code (143) and words as a raise that got through. The race is made certain: the signal is sent from inside a
gc callback, at a step chosen by the test."""
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import alphaearth_nb
from alphaearth_nb.checkpoint import latest_checkpoint
from alphaearth_nb.runlock import LOCK

ROOT = Path(alphaearth_nb.__file__).resolve().parents[1]   # the package under test, for the child process

# `aef train` with SIGTERM sent from inside a gc callback, once, right after the step `AT` (its raise is swallowed)
RUN = textwrap.dedent("""
    import gc, os, signal, sys
    from alphaearth_nb import train
    from alphaearth_nb.cli import main
    AT, armed, done = int(os.environ["AT"]), [], []
    def in_gc(phase, info):
        if phase == "start" and armed and not done:
            done.append(1)
            os.kill(os.getpid(), signal.SIGTERM)   # the handler runs here, inside the callback
    gc.callbacks.insert(0, in_gc)
    made = train._cached_step
    def cached(*a, **k):
        step, n = made(*a, **k), []
        def counted(state, batch):
            out = step(state, batch)
            n.append(1)
            if len(n) == AT:
                armed.append(1)
                gc.collect()
            return out
        return counted
    train._cached_step = cached
    sys.argv = ["aef", *sys.argv[1:]]
    sys.exit(main())
""")


def test_a_swallowed_sigterm_stops_the_run_at_its_next_step(tmp_path):
    out, script, at, steps = tmp_path / "run", tmp_path / "run_aef.py", 3, 60
    script.write_text(RUN)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "AEF_CPU_DEVICES": "0", "JAX_PLATFORMS": "cpu", "AT": str(at)}
    p = subprocess.run([sys.executable, str(script), "--no-compile-cache", "train", "--preset", "tiny", "--steps",
                        str(steps), "--batch-size", "2", "--out", str(out)],
                       capture_output=True, text=True, env=env, cwd=tmp_path, timeout=600)
    err = p.stderr
    # the raise was swallowed (the race this test is about), or, inside fit's step loop, never raised: only noted
    # there (runlock.hold_stops, session 54: a raise in a step finds its donated state gone)
    assert "Exception ignored in" in err or "stopping after this step" in err, err[-3000:]
    assert p.returncode == 143, (p.returncode, err[-3000:])   # was: 0, all 60 steps trained
    found = latest_checkpoint(out / "checkpoints")
    assert found is not None, err[-3000:]
    step = json.loads(found.read_text())["step"]
    assert at <= step < at + 3 and step < 6, (found, step)   # within a few steps, before its first save (every 6)
    assert "aef: terminated (SIGTERM): " in err and f"goes on from its newest checkpoint, {found.name}" in err, err[-2000:]
    assert not (out / LOCK).exists()   # released: the next --resume takes no stale lock over
    rows = [json.loads(r) for r in (out / "metrics.jsonl").read_text().splitlines() if r.strip()]
    assert [r["step"] for r in rows] == list(range(1, step + 1))   # the steps trained, each recorded once
