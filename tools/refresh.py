"""Refresh the stored outputs of notebooks (the tutorials): `python tools/refresh.py nbs/tutorials/01_quickstart.ipynb`.

`jupyter nbconvert --execute` cannot refresh a tutorial: it runs the `#| eval: false` cells too, which need Earth
Engine, a TPU VM or the network. This runs each notebook as `tools/nbtest.py` does (its own fresh process, forked
from the same preloading server), with the cells nbdev's tests skip left out: `#| eval: false` and the flags named
by --skip (ee and tpu by default; `slow` cells run, a reader should see their output). Unlike a test run it leaves
IN_TEST unset, so a tutorial runs at its full size. If every cell ran without an error, the outputs are written back
with each figure a PNG no larger than --max-px on its longer side, progress bars (tqdm's stderr lines, a line
redrawn with carriage returns: its last state) left out, the notebook is cleaned as `nbdev-clean` cleans
it (so nbdev-clean afterwards changes nothing) and its size checked against CI's 1 MB limit. A skipped cell keeps
its stored outputs. On an error the notebook is left as it was and the exit status is 1. pandas shows a wide table
as in a Jupyter kernel (every column, wrapped at 80 characters), not cut to the columns of an 80-column terminal.
"""
import argparse, base64, io, os, re, sys, time
from pathlib import Path

from nbtest import _context   # tools/ is on sys.path when this file runs as a script

MAX_BYTES = 1024 * 1024   # CI's limit on a stored notebook (.ci/run, tests/test_tutorials.py)
TQDM_BAR = re.compile(r"\d+%\|.*\|\s*\d+(\.\d+)?[kMG]?/")   # tqdm's bar: ' 40%|####      | 2/5 [00:01<...'
KERNEL_MAX_COLUMNS = 20   # pandas' display.max_columns in a Jupyter kernel (pandas/core/config_init.py: 0 in a
                          # terminal, where a table is cut to the columns that fit 80 characters, with '...')


def skips(nb, flags):
    "Predicate on the cells of `nb` (read with fastcore's read_nb) that a refresh leaves out: not code, `#| eval: false`"
    " (or the notebook's `eval: false` front matter), or carrying a directive in `flags`."
    from fastcore.nbio import does_cell_eval, fm_default_eval, nb_frontmatter
    default, flags = fm_default_eval(nb_frontmatter(nb)), set(flags)
    return lambda c: c.cell_type != "code" or not does_cell_eval(c, default) or bool(flags & set(c.directives))


def small_png(data:str, max_px:int) -> str:
    "A base64 PNG at most `max_px` on its longer side (resampled with Lanczos), RGB where every pixel is opaque."
    from PIL import Image
    im = Image.open(io.BytesIO(base64.b64decode(data)))
    if im.mode == "RGBA" and im.getchannel("A").getextrema() == (255, 255): im = im.convert("RGB")
    if max(im.size) > max_px: im.thumbnail((max_px, max_px), Image.LANCZOS)
    buf = io.BytesIO()
    im.save(buf, format="PNG", optimize=True)
    return base64.b64encode(buf.getvalue()).decode()


def shrink_figures(nb, max_px:int):
    "Every image/png output of `nb` through small_png; the size metadata of a retina figure goes with it."
    for c in nb.cells:
        for o in c.get("outputs", []) or []:
            if "image/png" in o.get("data", {}):
                png = o["data"]["image/png"]
                o["data"]["image/png"] = small_png("".join(png) if isinstance(png, list) else png, max_px)
                o.get("metadata", {}).pop("image/png", None)


def _screen(text:str) -> str:
    "What a terminal shows of `text`: each line redrawn with carriage returns as its last state."
    return "\n".join(line.rsplit("\r", 1)[-1] for line in text.split("\n"))


def strip_progress(nb):
    "Progress bars out of `nb`'s stream outputs: a redrawn line as its last state, tqdm's bars on stderr dropped,"
    " a stream that held only bars removed. Other stderr (warnings) stays."
    for c in nb.cells:
        keep = []
        for o in c.get("outputs", []) or []:
            if o.get("output_type") == "stream":
                old = "".join(o["text"]) if isinstance(o["text"], list) else o["text"]
                text = _screen(old)
                if o.get("name") == "stderr":
                    text = "".join(l for l in text.splitlines(keepends=True) if not TQDM_BAR.search(l))
                if text == old: pass
                elif not text.strip(): continue
                else: o["text"] = text
            keep.append(o)
        if "outputs" in c: c["outputs"] = keep


def _run(fn, flags, max_px, timeout):
    "Run one notebook in this (fresh) process; write it back only if every cell ran. Returns (fn, ok, seconds, bytes)."
    from execnb.shell import CaptureShell
    from fastcore.nbio import read_nb, write_nb
    os.environ.pop("IN_TEST", None)   # the tutorials shrink themselves under test; a refresh stores the full run
    fn = Path(fn)
    os.chdir(fn.parent)               # notebooks read paths relative to themselves
    t0 = time.time()
    nb = read_nb(fn)
    shell = CaptureShell(fn, mpl_format="png")
    import pandas as pd
    pd.set_option("display.max_columns", KERNEL_MAX_COLUMNS)   # as a kernel; a notebook's own setting still wins
    try: shell.run_all(nb, exc_stop=True, preproc=skips(nb, flags), cell_timeout=timeout)
    except BaseException:
        sys.__stderr__.write((shell.prettytb(fname=fn) or "") + f"\n{fn}: not written (a cell failed)\n")
        return str(fn), False, time.time() - t0, fn.stat().st_size
    shrink_figures(nb, max_px)
    strip_progress(nb)
    write_nb(nb, fn)
    return str(fn), True, time.time() - t0, 0


def clean(fn):
    "Clean `fn` in place as `nbdev-clean --fname fn` does (its output metadata, ids and execution counts)."
    from nbdev.clean import nbdev_clean
    nbdev_clean(fname=str(fn))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="+", type=Path, help="notebooks to refresh (e.g. nbs/tutorials/*.ipynb)")
    ap.add_argument("--skip", default="ee tpu", help="directives whose cells are left out besides `eval: false` "
                    "(space-separated; default: %(default)s)")
    ap.add_argument("--max-px", type=int, default=800, help="longer side of a stored figure, pixels (default: %(default)s)")
    ap.add_argument("--timeout", type=int, default=1800, help="seconds a cell may run (default: %(default)s)")
    a = ap.parse_args(argv)
    missing = [str(p) for p in a.notebooks if p.suffix != ".ipynb" or not p.is_file()]
    if missing: ap.error(f"not a notebook: {', '.join(missing)}")
    if a.max_px < 16: ap.error(f"--max-px {a.max_px} is too small to read a figure: give 16 or more (e.g. 800)")
    from concurrent.futures import ProcessPoolExecutor
    files, flags, bad = [p.resolve() for p in a.notebooks], a.skip.split(), 0
    with ProcessPoolExecutor(1, mp_context=_context(), max_tasks_per_child=1) as ex:   # one fresh process each
        for fn, ok, dt, _ in ex.map(_run, files, [flags] * len(files), [a.max_px] * len(files), [a.timeout] * len(files)):
            if ok:
                clean(fn)
                size = Path(fn).stat().st_size
                ok = size < MAX_BYTES
                print(f"{'ok  ' if ok else 'BIG '} {dt:6.1f}s {size / 1024:7.0f} KiB {fn}"
                      + ("" if ok else f": over 1 MB, rerun with a smaller --max-px (now {a.max_px})"), flush=True)
            else: print(f"FAIL {dt:6.1f}s {fn}", flush=True)
            bad += not ok
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
