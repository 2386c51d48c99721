"""Fast retrieval: recall@10 and queries per second of the ANN index against exact search, side by side.

    .venv/bin/python benchmarks/retrieval.py [--n 1000000] [--big] [--queries 500] [--backends usearch,faiss]
                                             [--threads 2] [--skip-sklearn]

Data: `--n` unit vectors in 64 dimensions, synthetic with cluster structure (4,000 random centres on the sphere,
each vector = centre + N(0, 0.1^2) per component, renormalised: cosine to its centre about 0.78), with the 2,160
real official AlphaEarth 2024 embeddings of ../shared/data/aef_samples mixed in (replacing random rows). Queries:
half are real samples, half fresh synthetic draws. `--big` adds a 10M run (faiss IVF only: an HNSW graph of 10M
vectors takes hours to build on 2 cores; see the printed build rate of the 1M graph).

Indexes (`alphaearth_nb.index.build`, re-ranked exactly among 4 x k candidates):
- usearch HNSW over the int8 official codes of the data (the quantised form, 64 bytes per vector),
- faiss IVF-Flat (sqrt(N) cells, nprobe 64) over the float vectors.
References: exact search on the float vectors with our JAX `evaluate.knn_search` (the truth for recall) and
scikit-learn's `NearestNeighbors(algorithm="brute", metric="cosine")`. All in one process, after a warm-up each.
Figures only: nothing is asserted. Ratios are queries per second of the index / of the reference.
"""
import argparse
import os
import time

import numpy as np

from alphaearth_nb import index as aix
from alphaearth_nb.core import band_names
from alphaearth_nb.evaluate import knn_search
from alphaearth_nb.quantize import quantize
from alphaearth_nb.readers import read_aef_samples, shared_data_dir

K = 10


def load() -> str: return "/".join(f"{v:.1f}" for v in os.getloadavg())


def data(n: int, seed: int = 0, chunk: int = 1_000_000) -> tuple[np.ndarray, np.ndarray, int]:
    "(n, 64) float32 unit vectors with the real samples mixed in, (Q0, 64) real samples, and how many are real."
    rng = np.random.default_rng(seed)
    c = rng.standard_normal((4000, 64)).astype(np.float32)
    c /= np.linalg.norm(c, axis=1, keepdims=True)
    x = np.empty((n, 64), np.float32)
    for s in range(0, n, chunk):
        m = min(chunk, n - s)
        v = c[rng.integers(0, len(c), m)] + np.float32(0.1) * rng.standard_normal((m, 64), dtype=np.float32)
        x[s:s + m] = v / np.linalg.norm(v, axis=1, keepdims=True)
    real = np.zeros((0, 64), np.float32)
    if shared_data_dir(check=False) is not None and (shared_data_dir(check=False) / "aef_samples").is_dir():
        real = aix.unit_rows(read_aef_samples()[band_names()].to_numpy(np.float32))
        x[rng.choice(n, len(real), replace=False)] = real
    return x, real, len(real)


def queries(x: np.ndarray, real: np.ndarray, nq: int, seed: int = 1) -> np.ndarray:
    "Half real samples (when there are any), half synthetic: a data vector plus N(0, 0.05^2) noise, renormalised."
    rng = np.random.default_rng(seed)
    nr = min(len(real), nq // 2)
    syn = x[rng.integers(0, len(x), nq - nr)] + np.float32(0.05) * rng.standard_normal((nq - nr, 64), dtype=np.float32)
    return np.concatenate([real[rng.choice(len(real), nr, replace=False)], aix.unit_rows(syn)])


def timed(f, *a, **kw):
    t = time.perf_counter(); out = f(*a, **kw); return out, time.perf_counter() - t


def run(n: int, nq: int, backends: list[str], threads: int, sklearn: bool):
    x, real, n_real = data(n)
    q = queries(x, real, nq)
    print(f"\n== N = {n:,} vectors ({n_real:,} real official samples mixed in), {len(q)} queries, k = {K}; load {load()}")
    knn_search(x[:50_000], q[:8], K)                                     # warm-up (compile) at a small size
    (d, truth), t_exact = timed(knn_search, x, q, K)
    res = {"exact JAX": (t_exact, 1.0)}
    if sklearn:
        from sklearn.neighbors import NearestNeighbors
        nn = NearestNeighbors(n_neighbors=K, algorithm="brute", metric="cosine").fit(x)
        nn.kneighbors(q[:8])
        (_, sk), t_sk = timed(nn.kneighbors, q)
        res["sklearn brute"] = (t_sk, aix.recall_at(sk, truth))
    for b in backends:
        data_b, label = (quantize(x), f"{b} int8") if b == "usearch" else (x, f"{b} f32")
        ix, t_build = timed(aix.build, data_b, backend=b, threads=threads)
        ix.search(q[:8], k=K, threads=threads)
        m, t_s = timed(ix.search, q, k=K, threads=threads)
        res[label] = (t_s, aix.recall_at(m.ids, truth))
        print(f"build {label}: {t_build:.1f} s ({n / t_build:,.0f} vectors/s), {ix.rows.vectors.nbytes / 2**20:,.0f} MiB "
              f"of vectors; load {load()}")
        del ix, data_b
    qps = {k: len(q) / t for k, (t, _) in res.items()}
    for k, (t, r) in res.items():
        print(f"{k:>14}: recall@{K} {r:.3f}   {qps[k]:10,.0f} queries/s")
    for k in res:
        if k in ("exact JAX", "sklearn brute"): continue
        ratios = ", ".join(f"x{qps[k] / qps[ref]:,.1f} vs {ref}" for ref in ("exact JAX", "sklearn brute") if ref in qps)
        print(f"ratio {k}: {ratios}")
    print(f"load average (1/5/15 min) after: {load()}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n", type=int, default=1_000_000)
    p.add_argument("--big", action="store_true", help="also 10M vectors (faiss only)")
    p.add_argument("--queries", type=int, default=500)
    p.add_argument("--backends", default="usearch,faiss")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--skip-sklearn", action="store_true")
    a = p.parse_args()
    print(f"cores {os.cpu_count()}, load average at start {load()} (other processes slow every figure; ratios are "
          "measured side by side in this one process)")
    run(a.n, a.queries, a.backends.split(","), a.threads, not a.skip_sklearn)
    if a.big: run(10_000_000, a.queries, [b for b in a.backends.split(",") if b == "faiss"], a.threads, not a.skip_sklearn)


if __name__ == "__main__":
    main()
