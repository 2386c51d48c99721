"""SIGTERM to `aef train` (a pre-empted VM's, `kill`'s) ends it as Ctrl-C does: the run's lock released, the metrics
written, `aef: terminated (SIGTERM)` and the resume command said, exit 143. Was: killed at once, exit -15/143 with no
word, and the lock left for the next `--resume` to take over as stale."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from alphaearth_nb.runlock import LOCK

ROOT = Path(__file__).resolve().parents[1]


def test_sigterm_releases_the_run_and_says_how_to_go_on(tmp_path):
    out = tmp_path / "run"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "AEF_CPU_DEVICES": "0", "JAX_PLATFORMS": "cpu"}
    p = subprocess.Popen([sys.executable, "-m", "alphaearth_nb.cli", "train", "--preset", "tiny", "--steps", "100000",
                          "--batch-size", "2", "--out", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, env=env, cwd=tmp_path)
    try:
        t = time.monotonic()
        while not (out / LOCK).exists():   # fit holds the run: its lock is there
            assert p.poll() is None, p.communicate()
            assert time.monotonic() - t < 300, "no lock after 300 s"
            time.sleep(0.2)
        p.send_signal(signal.SIGTERM)
        _, err = p.communicate(timeout=300)
    finally:
        if p.poll() is None: p.kill(); p.wait()
    assert p.returncode == 143, (p.returncode, err[-2000:])
    assert "aef: terminated (SIGTERM): " in err and "--resume" in err, err[-2000:]
    assert not (out / LOCK).exists()   # released: the next --resume takes no stale lock over
