"""Blocks and seams of the untrained `tiny` model on a smooth, cloud-free stack (issue 9), side by side.

    .venv/bin/python benchmarks/seams.py [--size 144]

Prints, for one run: the mean jump between neighbouring embedding pixels at the encoder's token boundaries
(every 16 and 8 px) over the median jump, inside one patch; and the same ratio across tile edges of `embed`
with the paper's tiling (overlapping buffers, blended) and with the hard cut (trim = buffer), with the time
each took and the load average (other processes slow every figure). Goals: <= 1.3 (tokens), <= 2 (seams).
"""
import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from test_faithful import seam_ratio, smooth_frames, smooth_stack  # noqa: E402

import equinox as eqx  # noqa: E402
import jax.numpy as jnp  # noqa: E402

from alphaearth_nb import model  # noqa: E402
from alphaearth_nb.embed import embed, tiling  # noqa: E402


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=144, help="stack side in pixels")
    a = ap.parse_args(argv)
    m = model.init("tiny", 0)
    L = m.cfg.patch
    print(f"load average {os.getloadavg()[0]:.1f}; tiny, L = {L}, untrained")
    e = np.asarray(eqx.filter_jit(lambda m, i, p: m(i, p))(m, smooth_frames(L), jnp.array([[0.0, 365.0]])))[0]
    for step in (16, 8):
        r = [seam_ratio(e, step)[k] for k in (0, 1)]
        print(f"token boundaries every {step} px: mean jump / median jump = {r[0]:.2f} (y), {r[1]:.2f} (x)")
    st, tl = smooth_stack(a.size), tiling(L)
    embed(smooth_stack(2 * L), m, 2024, progress=False)  # compile once, outside the timings
    for name, trim in (("paper tiling, blended", None), ("hard cut (trim = buffer)", tl.margin)):
        t0 = time.perf_counter()
        out = embed(st, m, 2024, progress=False, trim=trim).values
        r = seam_ratio(out, tl.core)
        print(f"{name}: tile-edge jump / median = {r[0]:.2f} (y), {r[1]:.2f} (x); {time.perf_counter() - t0:.1f} s")
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
