"""Fast retrieval: recall@10 and queries per second of the ANN index against exact search, side by side.

    .venv/bin/python benchmarks/retrieval.py [--n 1000000] [--queries 500] [--big] [--big-queries 200]
                                             [--backends usearch,faiss] [--threads 2] [--skip-sklearn]

Data: `--n` unit vectors in 64 dimensions, synthetic with cluster structure (4,000 random centres on the sphere,
each vector = centre + N(0, 0.1^2) per component, renormalised: cosine to its centre about 0.78), with the 2,160
real official AlphaEarth 2024 embeddings of ../shared/data/aef_samples mixed in (replacing random rows). Queries:
half are real samples, half synthetic (a data vector plus N(0, 0.05^2) noise, renormalised).

Indexes (`alphaearth_nb.index.build`, re-ranked exactly among 4 x k candidates), each searched at several depths:
- usearch HNSW over the int8 official codes of the data (the quantised form, 64 bytes per vector), ef 64..512,
- faiss IVF-Flat (sqrt(N) cells) over the float vectors, nprobe 16..128.
References: exact search with our JAX `evaluate.knn_search` (the truth for recall; run 1M rows at a time and merged)
and scikit-learn's `NearestNeighbors(algorithm="brute", metric="cosine")`. All in one process, after a warm-up each.
The ratio line takes, per backend, the first (fastest) depth whose recall@10 >= 0.95.

`--big` adds 10M vectors kept as int8 codes (640 MiB; float32 would need 2.4 GiB per copy, and this shared 2-core
machine has about 9 GiB free), faiss IVF with 8-bit codes only (a usearch graph of 10M took ~13 min per 1M here:
hours), 1024 cells (`--big-nlist`; building is linear in it), exact JAX on the dequantised codes, scikit-learn
skipped (linear in N: see its 1M line).
Figures only: nothing is asserted.
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


def data(n: int, seed: int = 0, chunk: int = 1_000_000, codes: bool = False) -> tuple[np.ndarray, np.ndarray]:
    "(n, 64) unit vectors (float32, or their int8 official codes) with the real samples mixed in; the real samples."
    rng = np.random.default_rng(seed)
    c = rng.standard_normal((4000, 64)).astype(np.float32)
    c /= np.linalg.norm(c, axis=1, keepdims=True)
    x = np.empty((n, 64), np.int8 if codes else np.float32)
    for s in range(0, n, chunk):
        m = min(chunk, n - s)
        v = c[rng.integers(0, len(c), m)] + np.float32(0.1) * rng.standard_normal((m, 64), dtype=np.float32)
        v /= np.linalg.norm(v, axis=1, keepdims=True)
        x[s:s + m] = quantize(v) if codes else v
    real = np.zeros((0, 64), np.float32)
    if (shared_data_dir(check=False) / "aef_samples").is_dir():
        real = aix.unit_rows(read_aef_samples()[band_names()].to_numpy(np.float32))
        x[rng.choice(n, len(real), replace=False)] = quantize(real) if codes else real
    return x, real


def queries(x: np.ndarray, real: np.ndarray, nq: int, seed: int = 1) -> np.ndarray:
    "Half real samples (when there are any), half synthetic: a data vector plus N(0, 0.05^2) noise, renormalised."
    rng = np.random.default_rng(seed)
    nr = min(len(real), nq // 2)
    syn = x[rng.integers(0, len(x), nq - nr)] + np.float32(0.05) * rng.standard_normal((nq - nr, 64), dtype=np.float32)
    return np.concatenate([real[rng.choice(len(real), nr, replace=False)], aix.unit_rows(syn)])


def timed(f, *a, **kw):
    t = time.perf_counter(); out = f(*a, **kw); return out, time.perf_counter() - t


def exact_jax(x: np.ndarray, q: np.ndarray, chunk: int = 1_000_000) -> np.ndarray:
    "Exact top-k positions with `knn_search`, a chunk of rows at a time (int8 codes dequantised per chunk), merged."
    best_d, best_i = [], []
    for s in range(0, len(x), chunk):
        d, i = knn_search(aix.unit_rows(x[s:s + chunk]), q, K)
        best_d.append(d); best_i.append(i + s)
    d, i = np.concatenate(best_d, 1), np.concatenate(best_i, 1)
    o = np.argsort(d, 1, kind="stable")[:, :K]
    return np.take_along_axis(i, o, 1)


SWEEP = {"usearch": ("ef", (64, 128, 256, 512)), "faiss": ("nprobe", (16, 32, 64, 128))}


def run(n: int, nq: int, backends: list[str], threads: int, sklearn: bool, codes: bool = False, **build):
    x, real = data(n, codes=codes)
    q = queries(x if not codes else aix.unit_rows(x[:200_000]), real, nq)
    form = "int8 codes (exact = on the dequantised codes)" if codes else "float32"
    print(f"\n== N = {n:,} vectors as {form} ({len(real):,} real official samples mixed in), {len(q)} queries, "
          f"k = {K}; load {load()}")
    knn_search(aix.unit_rows(x[:1_000_000]), q, K)                        # warm-up: compiles the timed shapes
    truth, t_exact = timed(exact_jax, x, q)
    res = {"exact JAX": (t_exact, 1.0)}
    # an int8 index of float data: also the truth on the codes it holds (what a user of the official int8 has)
    truth8 = exact_jax(quantize(x), q) if not codes and "usearch" in backends else None
    if sklearn:
        from sklearn.neighbors import NearestNeighbors
        nn = NearestNeighbors(n_neighbors=K, algorithm="brute", metric="cosine").fit(x)
        nn.kneighbors(q[:8])
        (_, sk), t_sk = timed(nn.kneighbors, q)
        res["sklearn brute"] = (t_sk, aix.recall_at(sk, truth))
    else: print("sklearn brute: skipped at this size (its time grows linearly with N: see the 1M line)")
    res8 = {}
    for b in backends:
        data_b = x if codes or b != "usearch" else quantize(x)
        ix, t_build = timed(aix.build, data_b, backend=b, threads=threads, **(build if b == "faiss" else {}))
        print(f"build {b} {ix.rows.vectors.dtype}: {t_build:.1f} s ({n / t_build:,.0f} vectors/s), "
              f"{ix.rows.vectors.nbytes / 2**20:,.0f} MiB of vectors; load {load()}")
        name, values = SWEEP[b]
        ix.search(q[:8], k=K, threads=threads)
        for v in values:
            m, t_s = timed(ix.search, q, k=K, threads=threads, **{name: v})
            res[f"{b} {ix.rows.vectors.dtype} {name}={v}"] = (t_s, aix.recall_at(m.ids, truth))
            if ix.rows.vectors.dtype == np.int8 and truth8 is not None:
                res8[f"{b} {ix.rows.vectors.dtype} {name}={v}"] = aix.recall_at(m.ids, truth8)
        del ix, data_b
    qps = {k: len(q) / t for k, (t, _) in res.items()}
    for k, (t, r) in res.items():
        also = f"   (recall@{K} {res8[k]:.3f} against exact search on the same int8 codes)" if k in res8 else ""
        print(f"{k:>26}: recall@{K} {r:.3f}   {qps[k]:10,.1f} queries/s{also}")
    refs = [r for r in ("exact JAX", "sklearn brute") if r in qps]
    for b in backends:
        ok = [k for k in res if k.startswith(b) and res[k][1] >= 0.95]
        ok8 = [k for k in res8 if k.startswith(b) and res8[k] >= 0.95]
        if not ok and not ok8: print(f"ratio {b}: no setting reached recall@{K} >= 0.95"); continue
        k, what = (ok[0], f"recall {res[ok[0]][1]:.3f}") if ok else (ok8[0], f"recall on the codes {res8[ok8[0]]:.3f}")
        print(f"ratio {k} (first setting with {what} >= 0.95): " +
              ", ".join(f"x{qps[k] / qps[r]:,.1f} the queries/s of {r}" for r in refs))
    print(f"load average (1/5/15 min) after: {load()}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n", type=int, default=1_000_000)
    p.add_argument("--big", action="store_true", help="also 10M vectors (faiss only)")
    p.add_argument("--queries", type=int, default=500)
    p.add_argument("--big-queries", type=int, default=200)
    p.add_argument("--big-nlist", type=int, default=1024, help="IVF cells at 10M (sqrt(N) = 3162 costs 3x the build)")
    p.add_argument("--backends", default="usearch,faiss")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--skip-sklearn", action="store_true")
    a = p.parse_args()
    print(f"cores {os.cpu_count()}, load average at start {load()} (other processes slow every figure; ratios are "
          "measured side by side in this one process)")
    run(a.n, a.queries, a.backends.split(","), a.threads, not a.skip_sklearn)
    if a.big:  # int8 codes keep 10M in 640 MiB; usearch's graph would take hours to build on 2 cores (see its rate)
        run(10_000_000, a.big_queries, [b for b in a.backends.split(",") if b == "faiss"], a.threads, False, codes=True,
            nlist=a.big_nlist)


if __name__ == "__main__":
    main()
