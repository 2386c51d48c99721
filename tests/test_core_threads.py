"""core.cpu_threads: the package sizes XLA:CPU's thread pools (jaxlib's `NPROC`) when imported before JAX starts."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# counts the intra-op pool's threads once JAX's CPU backend has started and run something
PROBE = """
import os, alphaearth_nb, jax, jax.numpy as jnp
float(jnp.ones(4).sum())
names = [open(f"/proc/self/task/{t}/comm").read().strip() for t in os.listdir("/proc/self/task")]
print(os.environ.get("NPROC"), sum(n.endswith("XLAEigen") for n in names), alphaearth_nb.core.cpu_threads())
"""


def _probe(**env):
    e = {k: v for k, v in os.environ.items() if k not in ("NPROC", "AEF_CPU_THREADS")}
    e.update(env, PYTHONPATH=str(ROOT), JAX_PLATFORMS="cpu")
    out = subprocess.run([sys.executable, "-c", PROBE], env=e, capture_output=True, text=True, check=True)
    nproc, pool, want = out.stdout.split()
    return nproc, int(pool), want


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="thread names from /proc (Linux)")
def test_pool_sized_at_import():
    cores = len(os.sched_getaffinity(0))
    nproc, pool, want = _probe()
    assert nproc == want == str(max(1, cores - 1)) and pool == max(1, cores - 1)
    nproc, pool, want = _probe(AEF_CPU_THREADS="1")           # asked for
    assert nproc == want == "1" and pool == 1
    nproc, pool, want = _probe(AEF_CPU_THREADS="0")           # off: jaxlib's default, one thread per core
    assert nproc == want == "None" and pool == cores
    nproc, pool, _ = _probe(NPROC="1", AEF_CPU_THREADS="3")   # the user's NPROC wins
    assert nproc == "1" and pool == 1
