"""runtime.cpu_threads and runtime.keep_heap: process settings (jaxlib's `NPROC`, glibc's mallopt); the heap kept by `aef` and `fit`."""
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# the intra-op pool's threads once JAX's CPU backend has started and run something, and the heap kept at import
PROBE = """
import json, os, alphaearth_nb, jax.numpy as jnp
float(jnp.ones(4).sum())
names = [open(f"/proc/self/task/{t}/comm").read().strip() for t in os.listdir("/proc/self/task")]
print(json.dumps([os.environ.get("NPROC"), sum(n.endswith("XLAEigen") for n in names), alphaearth_nb.runtime.cpu_threads(),
                  alphaearth_nb.runtime.KEPT_HEAP]))
"""


def _probes(fresh, *envs):
    "`(NPROC, pool threads, runtime.cpu_threads(), runtime.KEPT_HEAP)` of a fresh import under each env (conftest.fresh)."
    out = []
    for r in fresh([(PROBE, e) for e in envs], drop=("NPROC", "AEF_CPU_THREADS", "AEF_KEEP_HEAP")):
        assert r.returncode == 0, r.stderr[-2000:]
        n, pool, want, kept = json.loads(r.stdout.strip().splitlines()[-1])
        out.append((str(n), pool, str(want), kept))
    return out


@pytest.mark.skipif(not Path("/proc/self/task").is_dir() or not hasattr(os, "fork"),
                    reason="thread names from /proc (Linux)")
def test_pool_sized_at_import_and_the_heap_left_alone(fresh):
    cores = len(os.sched_getaffinity(0))
    unset, auto, one, off, users, heap, no_heap = _probes(
        fresh, {}, {"AEF_CPU_THREADS": "auto"}, {"AEF_CPU_THREADS": "1"}, {"AEF_CPU_THREADS": "0"},
        {"NPROC": "1", "AEF_CPU_THREADS": "3"}, {"AEF_KEEP_HEAP": "1"}, {"AEF_KEEP_HEAP": "0"})
    assert unset[:3] == ("None", cores, "None")                                    # jaxlib's default, a thread a core
    assert auto[:3] == (str(max(1, cores - 1)), max(1, cores - 1), str(max(1, cores - 1)))   # cores - 1
    assert one[:3] == ("1", 1, "1")                                                # asked for
    assert off[:3] == ("None", cores, "None")                                      # off: jaxlib's default
    assert users[:2] == ("1", 1)                                                   # the user's NPROC wins
    assert unset[3] is False and heap[3] is True and no_heap[3] is False   # the heap at import: opt-in (1), 0 off


# page faults of a 96 MiB block malloc'ed, written and freed again and again in another thread (by default glibc
# mmaps blocks above its 32 MiB cap afresh each time, and a thread's own arena cannot hold one above 64 MiB);
# XLA:CPU's per-call buffers come from the same malloc, in its threads
FAULTS = """
import ctypes, resource, sys, threading
kept = __import__("alphaearth_nb").runtime.KEPT_HEAP if sys.argv[1:] == ["package"] else None   # kept at its import?
libc, n = ctypes.CDLL("libc.so.6"), 96 << 20
libc.malloc.restype, libc.free.argtypes = ctypes.c_void_p, [ctypes.c_void_p]
def once():
    p = libc.malloc(n); ctypes.memset(p, 1, n); libc.free(p)
def run(k):
    for _ in range(k): once()
def in_thread(k): t = threading.Thread(target=run, args=(k,)); t.start(); t.join()
in_thread(1)
r0 = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
in_thread(4)
print(kept, (resource.getrusage(resource.RUSAGE_SELF).ru_minflt - r0) / 4)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_heap_kept_between_calls():
    def run(*package, **env):
        e = dict(os.environ, PYTHONPATH=str(ROOT), JAX_PLATFORMS="cpu", **env)
        kept, faults = subprocess.run([sys.executable, "-c", FAULTS, *package], env=e, capture_output=True, text=True,
                                      check=True).stdout.split()
        return kept, float(faults)
    kept, faults = run("package", AEF_KEEP_HEAP="1")
    assert kept == "True" and faults < 100           # the block's pages reused
    kept, faults = run()                             # glibc's defaults (no package: no second import of seconds)
    assert faults > 10_000                           # 24,576 fresh pages each time: the probe sees what is kept
    # AEF_KEEP_HEAP=0 or unset leave glibc alone: at import in test_pool_sized_at_import_and_the_heap_left_alone's
    # one process, and `keep_heap` makes no mallopt call then (test_keep_heap_default_and_off)


def _recorded(monkeypatch, env=None):
    "runtime.keep_heap with its mallopt recorded, not made (this process keeps glibc's defaults), AEF_KEEP_HEAP = env; " \
    "patched in `runtime`, where keep_heap lives."
    from alphaearth_nb import runtime
    calls = []
    monkeypatch.setattr(runtime, "_mallopt_keep", lambda: calls.append(1) or True)
    monkeypatch.setattr(runtime, "KEPT_HEAP", False)
    if env is None: monkeypatch.delenv("AEF_KEEP_HEAP", raising=False)
    else: monkeypatch.setenv("AEF_KEEP_HEAP", env)
    return runtime, calls


def test_keep_heap_default_and_off(monkeypatch):  # issue 16 item 1 (session 20): on where a run asks, 0 turns it off
    runtime, calls = _recorded(monkeypatch, "0")
    assert runtime.keep_heap() is False and calls == []                # off, even where the default is on
    runtime, calls = _recorded(monkeypatch, "off")
    assert runtime.keep_heap() is False and calls == []
    runtime, calls = _recorded(monkeypatch)
    assert runtime.keep_heap(default=False) is False and calls == []  # unset, at import: glibc's defaults
    assert runtime.keep_heap() is True and calls == [1]               # unset, where a run asks: kept
    assert runtime.keep_heap() is True and calls == [1] and runtime.KEPT_HEAP  # once
    runtime, calls = _recorded(monkeypatch, "1")
    assert runtime.keep_heap(default=False) is True and calls == [1]  # 1: on at import too


def test_aef_keeps_the_heap(monkeypatch):  # the `aef` command, before JAX starts; not main([...]) in a user's process
    from alphaearth_nb import cli
    seen = []
    for env, want in ((None, [1]), ("0", [])):
        runtime, calls = _recorded(monkeypatch, env)
        monkeypatch.setattr(runtime, "split_cpu", lambda *a, **k: None)
        monkeypatch.setattr(cli, "COMMANDS", {"demo": lambda a: seen.append(runtime.KEPT_HEAP)})
        monkeypatch.setattr(sys, "argv", ["aef", "--no-compile-cache", "demo"])
        kept = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
        try: assert cli.main() == 0 and calls == want and seen[-1] == bool(want)
        finally:   # `aef` itself (argv None) leaves its SIGTERM/Ctrl-C handlers to the process's end: not the worker's
            signal.signal(signal.SIGTERM, kept[0])
            signal.signal(signal.SIGINT, kept[1])
    runtime, calls = _recorded(monkeypatch)
    assert cli.main(["--no-compile-cache", "demo"]) == 0 and calls == [] and seen[-1] is False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt, /proc")
def test_pyarrows_jemalloc_thread_off_and_told():
    "The package imports pyarrow (loaders, and pandas at its import): its jemalloc thread's arena would defeat the " \
    "one arena, so the package turns that thread off where the user has not chosen, and `keep_heap` answers False " \
    "where pandas came first with the thread on (it said True while every large block still faulted)."
    probe = ("import os, sys\nif sys.argv[1] == 'pandas': import pandas\n"
             "import alphaearth_nb.runtime as c, pandas\n"
             "print(os.environ.get('JE_ARROW_MALLOC_CONF'), c.jemalloc_threads(), c.keep_heap(True))")
    def run(first, **env):
        e = {k: v for k, v in os.environ.items() if k != "JE_ARROW_MALLOC_CONF"}
        e.update(PYTHONPATH=str(ROOT), JAX_PLATFORMS="cpu", AEF_KEEP_HEAP="1", **env)
        return subprocess.run([sys.executable, "-c", probe, first], env=e, capture_output=True, text=True,
                              check=True).stdout.split()
    assert run("package") == ["background_thread:false", "0", "True"]         # ours first: no thread, kept
    assert run("pandas") == ["background_thread:false", "1", "False"]         # pandas first: its thread runs, told
    assert run("pandas", JE_ARROW_MALLOC_CONF="background_thread:false") == ["background_thread:false", "0", "True"]
    assert run("package", JE_ARROW_MALLOC_CONF="narenas:2")[1:] == ["1", "False"]   # the user's setting is kept
