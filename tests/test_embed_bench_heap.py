"""benchmarks/embed.py times `embed` with the heap kept (`runtime.keep_heap`), as its docstring says and `aef embed` does:
it imports the package before dask and xarray, whose pandas starts pyarrow's jemalloc thread, which keeps the heap from
being kept. Was: dask and xarray first, so `keep_heap()` returned False there (its header said 'heap kept False') and each
call of `lite`'s model faulted in ~9 GB of fresh pages (2.25 M minor faults a call, session 40)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROBE = """
import sys
sys.argv = ["{0}.py"]
sys.path.insert(0, "benchmarks")
import {0}  # the benchmark's imports, in its order
from alphaearth_nb import runtime
print("KEPT", runtime.keep_heap())
"""


@pytest.mark.parametrize("bench", ["embed", "probe"])  # probe.py: the same fault, fixed in session 40 after embed.py
def test_embed_benchmark_keeps_the_heap(bench):
    # a new interpreter, not a fork: pyarrow's thread is started by the imports (threads do not survive a fork)
    env = {k: v for k, v in os.environ.items() if k not in ("AEF_KEEP_HEAP", "JE_ARROW_MALLOC_CONF")}
    run = subprocess.run([sys.executable, "-c", PROBE.format(bench)], env={**env, "PYTHONPATH": str(ROOT), "JAX_PLATFORMS": "cpu"},
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "KEPT True" in run.stdout, run.stdout[-500:] + run.stderr[-1500:]
