"The README's chain from a shell: the installed `aef` console script runs train -> embed -> evaluate on the sample scene."
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
AEF = next((str(p) for p in (Path(sys.executable).parent / "aef",) if p.exists()), None) or shutil.which("aef")

# Training compiles the tiny model's step (~20 s of CPU): slow, run with AEF_RUN_SLOW=1 (`make test` and CI set it).
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not os.environ.get("AEF_RUN_SLOW"), reason="slow: set AEF_RUN_SLOW=1 to train"),
              pytest.mark.skipif(AEF is None, reason="no `aef` console script: `pip install -e .` makes it")]


def _aef(*args, cwd):
    "Run `aef ARGS` as a shell would, this checkout's package first on the path; (returncode, stdout, stderr)."
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep),
           "AEF_CPU_DEVICES": "0", "MPLBACKEND": "Agg"}
    r = subprocess.run([AEF, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300)
    assert "Traceback" not in r.stderr, r.stderr[-3000:]
    return r.returncode, r.stdout, r.stderr


def test_train_embed_evaluate_from_the_shell(tmp_path):
    "Tested only through cli.main([...]) in Python before: the console script, its exit codes and its files never ran."
    code, out, err = _aef("train", "--preset", "tiny", "--steps", "1", "--batch-size", "2", "--out", "run", cwd=tmp_path)
    assert code == 0 and "trained tiny to step 1" in out, out + err[-2000:]
    assert any((tmp_path / "run" / "checkpoints").iterdir()) and (tmp_path / "run" / "metrics.jsonl").is_file()
    code, out, err = _aef("embed", "--checkpoint", "run", "--period", "2024", "--out", "e.zarr", cwd=tmp_path)
    assert code == 0 and "wrote e.zarr" in out and (tmp_path / "e.zarr" / "zarr.json").is_file(), out + err[-2000:]
    code, out, err = _aef("evaluate", "--embeddings", "e.zarr", "--labels", "samples", "--shots", "1", "--folds", "2", "--spacing", "50",
                          cwd=tmp_path)
    assert code == 0, out + err[-2000:]
    head, *rows = [l.split() for l in out.strip().splitlines()]
    rows = [r for r in rows if r and r[0].isdigit()]   # the table's rows (the line under it says what they mean)
    assert head[:6] == ["shots", "method", "folds", "train_per_class", "balanced_accuracy", "std"], out
    assert {r[1] for r in rows} >= {"knn1", "linear"} and rows and all(r[4].endswith("%") and 0.0 <= float(r[4][:-1]) <= 100.0 for r in rows), out
