"""What float64 similarity costs (field case D1: an exact copy and a neighbour one int8 code step away are one float32
cosine): `similarity` as it is now (each pixel and the query made unit in float64, `gate.cosines`, a float64 map)
against the float32 path it replaced (float32 unit rows a block at a time, the dot in float64, a float32 map), side
by side in one run on the same gated map, and how often each ranks an exact copy of the query first.

    .venv/bin/python benchmarks/similarity.py                # a 1024 x 1024 map, 5 alternating rounds
    .venv/bin/python benchmarks/similarity.py --size 2048 --rounds 3
    .venv/bin/python benchmarks/similarity.py --dry          # a 64 x 64 map, one round (shapes only)

Figures only, nothing asserted; the CPU is shared, so the load average is printed with the results.

Measured (session 27, vec helper, 2 cores shared): 1024 x 1024, best of 5 (load 8.5): float64 0.349 s / float32
0.271 s = 1.29x; best of 7 (load 9.9): 0.598 / 0.480 s = 1.25x. The dot is numpy's einsum (the same value however
the rows are blocked); BLAS's `x @ q` ran at 1.10x (load 6.4) but rounded a pixel by its block. A float64 block of
2,048 rows: with 16,384 rows it was 8x, out of cache. The exact copy ranked first in 26 of 26 queries (float32: 21,
on these random vectors; field case D1's official vectors: `gate.cosines`).
"""
import sys
import time
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cli import load, map_args  # noqa: E402
from alphaearth_nb.analysis import query_vector, similarity  # noqa: E402
from alphaearth_nb.embeddings import as_embedding, pixelwise  # noqa: E402
from alphaearth_nb.gate import unit_rows  # noqa: E402
from alphaearth_nb.quantize import dequantize, quantize  # noqa: E402
from alphaearth_nb.testing import embedding_from_array, random_unit  # noqa: E402


def float32_similarity(da, target):
    "The path before session 27 (analysis.similarity at 495bc63): float32 unit rows, the dot in float64, float32 out."
    v = unit_rows(query_vector(da, target), np.float64)
    def cos(a):
        b = np.atleast_2d(a); out = np.empty(b.shape[:-1], np.float32)
        step = max(1, (1 << 20) // max(1, b[0].size))
        for i in range(0, len(b), step):
            out[i:i + step] = np.clip(np.einsum("...c,c->...", unit_rows(b[i:i + step], zero=np.nan), v), -1.0, 1.0)
        return out.reshape(a.shape[:-1])
    return pixelwise(cos, da, name="similarity")


def main():
    n, rounds = map_args(__doc__)
    vec = dequantize(quantize(random_unit((n, n), seed=0)))          # official vectors (de-quantised codes)
    q = vec.reshape(-1, 64)[: n * n // 2].copy()
    step = quantize(q).astype(np.int16)                              # the first half: each one code step away
    j = np.abs(q).argmin(1)
    step[np.arange(len(q)), j] += np.where(step[np.arange(len(q)), j] < 127, 1, -1)
    vec.reshape(-1, 64)[: n * n // 2] = dequantize(step.astype(np.int8))   # the neighbour listed first
    vec.reshape(-1, 64)[n * n // 2:] = q                                   # the exact copy later
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        clean = as_embedding(embedding_from_array(vec))
        t32, t64 = [], []
        for _ in range(rounds):                                            # alternating: the same load for both
            t = time.perf_counter(); float32_similarity(clean, q[0]); t32.append(time.perf_counter() - t)
            t = time.perf_counter(); similarity(clean, q[0]); t64.append(time.perf_counter() - t)
        queries = range(0, len(q), max(1, len(q) // 26))[:26]
        right = [sum(int(np.nanargmax(f(clean, q[i]).values.ravel()) == n * n // 2 + i) for i in queries)
                 for f in (float32_similarity, similarity)]
    print(f"map {n} x {n} x 64 (gated, float32), best of {rounds}; {load()}")
    print(f"similarity float64 (now) / float32 (before): {min(t64):.3f} s / {min(t32):.3f} s = "
          f"{min(t64) / min(t32):.2f}x; map bytes {8 * n * n:,} / {4 * n * n:,}")
    print(f"exact copy ranked first (nanargmax) in {len(queries)} queries: float64 {right[1]}, float32 {right[0]}")


if __name__ == "__main__":
    main()
