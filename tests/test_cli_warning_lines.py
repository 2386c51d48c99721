"""`aef` prints a warning as one line, `aef: warning: <message>`, as it prints `aef: error: <message>` (kind G).
Was: Python's default, a path inside the package, a line number and the package's source line
('  table = evaluate.evaluate_embeddings(x, y, shots=a.shots, ...)') around the message."""
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd

import alphaearth_nb

ROOT = Path(alphaearth_nb.__file__).resolve().parents[1]   # the package under test, in the subprocess too


def test_aef_prints_a_warning_as_one_line(tmp_path):
    rng = np.random.default_rng(0)
    df = pd.DataFrame(rng.normal(size=(8, 64)), columns=[f"A{i:02d}" for i in range(64)]).assign(label=[0, 1] * 4)
    df.to_csv(tmp_path / "t.csv", index=False)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "AEF_CPU_DEVICES": "0"}
    r = subprocess.run([sys.executable, "-m", "alphaearth_nb.cli", "--no-compile-cache", "evaluate", "--embeddings",
                        str(tmp_path / "t.csv"), "--shots", "1", "--folds", "2"], capture_output=True, text=True,
                       env=env, cwd=tmp_path, timeout=600)
    assert r.returncode == 0, r.stderr
    lines = [l for l in r.stderr.splitlines() if "left out" in l]   # knn3 at 1-shot of 2 classes: 2 points, no vote
    assert len(lines) == 1 and lines[0].startswith("aef: warning: LabelWarning: left out (more neighbours than "
                                                     "training points")   # its kind, as every warning of ours
    assert "UserWarning" not in r.stderr and "evaluate_embeddings(" not in r.stderr and "cli.py" not in r.stderr
