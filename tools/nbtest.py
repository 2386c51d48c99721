"""Run every notebook in nbs/ like `nbdev-test` and print a counted summary.

`nbdev-test` prints only "Success."; CI needs to know how many notebooks ran and
which failed. Cells flagged with `tst_flags` (slow, ee, tpu) are skipped.
"""
import os, sys, time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

os.environ.setdefault("IN_TEST", "1")
os.environ.setdefault("MPLBACKEND", "Agg")


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
    workers = int(os.environ.get("NBTEST_WORKERS", "2"))
    results = []
    with ProcessPoolExecutor(workers, max_tasks_per_child=1) as ex:  # a notebook run replaces the worker's __main__
        for fn, ok, dt in ex.map(_run, [str(f) for f in files]):
            print(f"{'ok  ' if ok else 'FAIL'} {dt:6.1f}s {Path(fn).relative_to(root)}", flush=True)
            results.append(ok)
    n_ok = sum(results)
    print(f"notebooks: {n_ok} passed, {len(results) - n_ok} failed")
    return 0 if n_ok == len(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
