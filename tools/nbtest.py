"""Run every notebook in nbs/ like `nbdev-test` and print a counted summary.

`nbdev-test` prints only "Success."; CI needs to know how many notebooks ran and
which failed. Cells flagged with `tst_flags` (slow, ee, tpu) are skipped.
"""
import multiprocessing, os, sys, time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

os.environ.setdefault("IN_TEST", "1")
os.environ.setdefault("MPLBACKEND", "Agg")

# Each notebook runs in a fresh process (a notebook run replaces the worker's __main__), forked from a server that has
# made the notebooks' third-party imports once: each notebook's process then imports only the package's own modules
# (about 0.3 s of CPU, not 3 s; 56 notebooks). The server starts no JAX backend, and what a notebook sets in
# os.environ are the package's own AEF_* settings, read when its functions run, not at these imports.
PRELOAD = ["numpy", "pandas", "xarray", "jax", "jax.numpy", "equinox", "jaxtyping", "optax", "dask.array", "zarr",
           "pyproj", "pyarrow.parquet", "matplotlib.pyplot", "matplotlib.figure", "tqdm.auto", "nbdev.test",
           "execnb.shell"]


def _context():
    "forkserver with PRELOAD imported in the server where it exists (Linux, macOS); spawn elsewhere or NBTEST_PRELOAD=0."
    if os.environ.get("NBTEST_PRELOAD") == "0" or "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)   # a module that fails to import is skipped by the server
    return ctx


def _compile_cache():
    """JAX's persistent compilation cache for the notebooks, in runtime.compile_cache's folder ($AEF_COMPILE_CACHE, else
    ~/.cache/alphaearth_nb/jax; none when AEF_COMPILE_CACHE is 0/off/false/no): set through JAX's own settings in the
    environment, which the forkserver reads when it imports jax, so no notebook imports the package early. A notebook
    then reuses what an earlier run (or the tests, whose conftest calls compile_cache) compiled."""
    env = os.environ.get("AEF_COMPILE_CACHE")
    if env is not None and env.strip().lower() in {"0", "off", "false", "no", ""}: return
    path = Path(env or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "alphaearth_nb" / "jax")
    os.environ.setdefault("JAX_COMPILATION_CACHE_DIR", str(path.expanduser()))
    os.environ.setdefault("JAX_PERSISTENT_CACHE_MIN_COMPILE_TIME_SECS", "0.5")


def run_order(files):
    """The notebooks in the order the pool starts them: the tutorials first, among the longest (session 29's full run
    at load ~10: 01 107 s, 02 111 s, 05 71 s, 03 40 s; of the 60 module notebooks only 10_nn, 11_stp, 12_summary and
    23a_knn took 60 s or more, and they come early by name), then the others by name. By name alone the tutorials came
    last, where one worker ran the last of them alone."""
    return sorted(files, key=lambda p: ("tutorials" not in Path(p).parts, str(p)))


def _run(fn):
    from nbdev.config import get_config
    from nbdev.test import test_nb
    flags = get_config().tst_flags
    flags = flags.split() if isinstance(flags, str) else list(flags)
    os.chdir(Path(fn).parent)  # notebooks read paths relative to themselves
    t0 = time.time()
    ok, _ = test_nb(fn, skip_flags=flags, showerr=True)
    return fn, ok, time.time() - t0


def main(paths):
    root = Path(__file__).resolve().parents[1]
    files = sorted(p.resolve() for a in (paths or [root / "nbs"]) for p in ([Path(a)] if str(a).endswith(".ipynb") else Path(a).rglob("*.ipynb"))
                   if not any(part.startswith((".", "_")) for part in p.parts[len(root.parts):]))
    files = run_order(files)
    workers = int(os.environ.get("NBTEST_WORKERS", "2"))
    _compile_cache()
    results = []
    with ProcessPoolExecutor(workers, mp_context=_context(), max_tasks_per_child=1) as ex:  # a notebook run replaces the worker's __main__
        for fn, ok, dt in ex.map(_run, [str(f) for f in files]):
            print(f"{'ok  ' if ok else 'FAIL'} {dt:6.1f}s {Path(fn).relative_to(root)}", flush=True)
            results.append(ok)
    n_ok = sum(results)
    print(f"notebooks: {n_ok} passed, {len(results) - n_ok} failed")
    return 0 if n_ok == len(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
