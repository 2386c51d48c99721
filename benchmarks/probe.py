"""The transfer protocol on real data, and the speed of its kNN and linear probe against scikit-learn.

    .venv/bin/python benchmarks/probe.py [--folds10 50] [--foldsmax 10] [--paper-folds]
                                         [--knn-queries 1000000] [--knn-train 1000] [--knn-rounds 3]
                                         [--knn-data mixture,uniform,aef] [--knn-bounds] [--knn-low] [--knn-parts]
                                         [--probe-rows 1000000]
                                         [--checkpoint PATH] [--repeats 1] [--skip-speed] [--skip-real]

1. Official AlphaEarth 2024 embeddings (../shared/data/aef_samples): Dynamic World class (`dw_label`, 9 classes,
   80 points per class and region), balanced accuracy of kNN (k = 1, 3) and the linear probe at 10 shots and
   "max" shots (at most 300 per class and at most half of a class), per region and pooled; mean +- std over folds.
2. The eo-learn patch (../shared/data/eolearn_patch): land use `LULC` (0 = no data, dropped), with three feature
   sets: the raw NDVI series (clouds and no-data masked, gaps filled with each pixel's mean), composites
   (10/25/50/75/90th percentiles over the 68 dates, standardised; of NDVI alone, and with the DEM's elevation
   and slope) and XY (pixel coordinates). Points are drawn at
   random from one 1 x 1 km patch, so neighbours share labels: XY does far better here than with the paper's
   1.28 km separation. `--checkpoint` adds our own model's embeddings (see `our_model_features`).
3. Speed, side by side in this process after a warm-up of each: kNN classification (k = 1 and k = 3) of
   `--knn-queries` query points against `--knn-train` training points (64-d unit vectors, 9 classes) with
   `knn_predict` vs scikit-learn's `KNeighborsClassifier(algorithm="brute")`, in `--knn-rounds` interleaved
   rounds (a line each, with the load average; `ratio` is the median of the ratios within a round, `best`
   the ratio of the best times, `cpu` that of CPU seconds; 0 skips); and the linear probe's fit
   (one-vs-rest least squares on +-1 targets, 9 classes) over `--probe-rows` x 64 embeddings with
   `linear_probe_fit` vs `LinearRegression().fit` and `numpy.linalg.lstsq` (`--probe-rows 0` skips).
   Ratios are reference time / ours.
   The kNN rows also give the distance matrix product alone, one large float32 product of the same sizes in
   chunks of 65,536 queries (`matmul_only`: the floor of any exact search; goal: ours within 2x of it, ratio >= 0.5) and how many neighbours of 20,000 queries differ from a float64
   NumPy brute force, and how many of `knn_predict`'s votes differ from their vote (goal: 0 each). `--knn-data` picks the data kinds, each timed the same way (see `knn_data`):
   `mixture` (the goal's: `unit_mixture`, queries drawn around other centres than the training points),
   `uniform` (random unit vectors: no structure at all), `aef` (the official embeddings of section 1:
   1,000 training vectors and their `dw_label`, queries the other 1,160 with a little noise) and
   `mixture-same` (queries around the training points' own centres). `--knn-low` also times the bfloat16 first
   round (`low=True`; the default is float32) in the same rounds, against both.
   `--knn-parts` prints where `knn_predict`'s CPU time goes (`knn_parts_table`: first and second round, host
   rechecks, vote, against one large product; duplicate training rows).
Figures only: nothing here is asserted. From a git worktree the shared data is not at ../shared/data:
set AEF_SHARED_DATA=/work/shared/data, or `aef` is left out of the kNN timing (a line says so).

Latest figures (session 44, 2026-12-06; Intel Xeon VM (AVX-512), 2 shared cores, load 3.1-6.0 from other jobs;
`--skip-real --knn-rounds 3 --probe-rows 0 --knn-data mixture,uniform,aef`, main 0100b1e: the vote by rows),
1M queries x 1k, scikit-learn / ours CPU:

    k   mixture  uniform  official
    1   3.66     3.52     3.61
    3   3.56     3.91     3.56

matmul alone / ours CPU 0.72-0.82 (goal >= 0.5: met); 0 of 20,000 / 60,000 neighbours and 0 of 20,000 votes differ
from float64. Wall ratios 4.12-8.75. A second run at load 4.5-9.6: 3.89, 3.81, 3.71 (k = 1) and 3.87, 3.76, 3.60
(k = 3), wall 4.48-10.63.

History of measurements: benchmarks/NOTES.md#probe
"""
import argparse
import os
import time
import warnings

import numpy as np

# the package first: pandas and xarray (pyarrow's jemalloc thread) after it, so keep_heap() below takes effect
from alphaearth_nb.core import band_names
from alphaearth_nb.runtime import keep_heap
from alphaearth_nb.evaluate import (composite_features, evaluate_embeddings, knn_predict, linear_probe_fit,
                                    linear_probe_predict, points_at, xy_features)
from alphaearth_nb.readers import read_aef_samples, read_eolearn_patch, shared_data_dir

import pandas as pd
import xarray as xr

DATA = shared_data_dir(check=False)
METHODS = ("knn1", "knn3", "linear")


def fmt(tab: pd.DataFrame, key: str) -> pd.DataFrame:
    "One row per shots level, one column per method: 'mean +- std'."
    t = tab.assign(v=[f"{m:.3f} +- {s:.3f}" for m, s in zip(tab.balanced_accuracy, tab["std"])])
    return t.pivot_table(index="shots", columns="method", values="v", aggfunc="first", sort=False).assign(
        features=key, folds=tab.groupby("shots", sort=False).folds.first())


# ---------------------------------------------------------------- 1. official embeddings
def official_table(folds: dict) -> pd.DataFrame:
    df = read_aef_samples()
    x = df[band_names()].to_numpy(np.float32)
    rows = []
    for region in [*sorted(df.region.unique()), "pooled"]:
        keep = np.ones(len(df), bool) if region == "pooled" else (df.region == region).to_numpy()
        tab = evaluate_embeddings(x[keep], df.dw_label.to_numpy()[keep], shots=(10, "max"), folds=folds, methods=METHODS)
        rows.append(fmt(tab, region).reset_index())
    return pd.concat(rows).rename(columns={"features": "region"})[["region", "shots", "folds", *METHODS]]


# ---------------------------------------------------------------- 2. the eo-learn patch
def raw_series_features(ds: xr.Dataset) -> xr.DataArray:
    "The raw NDVI series per pixel, NaN (cloud, no data) filled with that pixel's mean."
    v = ds.NDVI.transpose("y", "x", "time").values
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        m = np.nanmean(v, axis=-1, keepdims=True)
    v = np.where(np.isnan(v), m, v)  # pixels never clear stay NaN and are dropped by points_at
    return xr.DataArray(v, dims=("y", "x", "band"), coords={"y": ds.y, "x": ds.x, "band": np.arange(v.shape[-1])})


def our_model_features(checkpoint: str, stack: xr.DataTree) -> xr.DataArray | None:
    """HOOK (lead): embed the patch with our model trained by `aef demo`, or None when that cannot be done yet.

    Steps: `train.load_model(checkpoint)` (a run folder, its checkpoints/ or one checkpoint), then
    `embed.embed(stack, model, period)` over the patch for one year of its frames. The stack is
    `readers.read_eolearn_patch()`'s (sources `ndvi` and `dem`); `embed` says which sources a model lacks, and
    `allow_missing=True` embeds with the rest. Adjust this function to the model `aef demo` trains."""
    try:
        from alphaearth_nb.embed import embed
        from alphaearth_nb.train import load_model
    except ImportError as e:
        print(f"[hook] --checkpoint ignored: {e}")
        return None
    try:
        model = load_model(checkpoint)
        t = stack["ndvi"].time.values
        year = int(pd.Timestamp(t[len(t) // 2]).year)
        return embed(stack, model, year, progress=False, allow_missing=True).transpose("y", "x", "band")
    except Exception as e:  # the hook must not break the rest of the table
        print(f"[hook] could not embed the patch with {checkpoint}: {type(e).__name__}: {e}")
        return None


def eolearn_table(folds: dict, checkpoint: str | None) -> pd.DataFrame:
    stack, labels = read_eolearn_patch()
    ndvi = stack["ndvi"].to_dataset().assign_attrs(source="ndvi")
    feats = {"raw NDVI series": raw_series_features(ndvi), "NDVI composites": composite_features(ndvi),
             "composites NDVI + DEM": composite_features(stack), "XY": xy_features(stack)}
    if checkpoint:
        emb = our_model_features(checkpoint, stack)
        if emb is not None: feats["our model (aef demo)"] = emb
    rows = []
    for name, f in feats.items():
        X, y = points_at(f, labels, nodata=0)
        tab = evaluate_embeddings(X, y, shots=(10, "max"), folds=folds, methods=METHODS)
        rows.append(fmt(tab, f"{name} ({X.shape[1]}-d, {len(y)} px)").reset_index())
    return pd.concat(rows)[["features", "shots", "folds", *METHODS]]


# ---------------------------------------------------------------- 3. speed
def unit_mixture(n: int, n_classes: int = 9, seed: int = 0, noise: float = 0.8) -> tuple[np.ndarray, np.ndarray]:
    "Unit vectors in 64-d around one random direction per class, with the class of each."
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((n_classes, 64))
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    y = rng.integers(0, n_classes, n)
    x = centres[y] + noise * rng.standard_normal((n, 64)) / 8
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32), y


SETTLE = 1.0  # seconds of rest before each timed kNN job
REPEATS = 1  # --repeats: each timing is the best of this many runs (ours and the reference alike)


def timed(f, *a, **kw):
    best = np.inf
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        out = f(*a, **kw)
        best = min(best, time.perf_counter() - t0)
    return out, best


MATMUL_CHUNK = 65_536  # queries per product of `matmul_only` (a (65,536, 1,024) float32 block would be 256 MB)


def matmul_only(tx: np.ndarray, qx: np.ndarray, chunk: int = MATMUL_CHUNK):
    """The distance matrix product alone, as one large float32 product of the search's sizes: (Q, 65) @ (65, C) at
    `HIGHEST` (C: the training rows padded as `knn_search` pads them), in chunks of `chunk` queries (the last one
    shorter: its own compile, done in the warm-up), each reduced by a `min` over the training rows, which XLA:CPU
    fuses into the product (YNNPACK), so no block is written: the floor of any exact search. One call per chunk
    from this thread; XLA's intra-op pool runs each product on all cores. (Until session 21 it ran 256 queries a
    call, ~3,900 calls from 2 host threads, whose fixed costs made it slower than the whole search.)"""
    import jax
    import jax.numpy as jnp
    c = 1 << max(0, int(np.ceil(np.log2(len(tx))))) if len(tx) <= 256 else -(-len(tx) // 256) * 256
    aug = np.zeros((c, tx.shape[1] + 1), np.float32)
    aug[:len(tx), :-1], aug[:len(tx), -1], aug[len(tx):, -1] = -2 * tx, (tx * tx).sum(1), np.inf
    t = jnp.asarray(aug)
    f = jax.jit(lambda q: jnp.dot(jnp.concatenate([q, jnp.ones((len(q), 1), q.dtype)], 1), t.T,
                                  precision=jax.lax.Precision.HIGHEST).min(1))  # a min so the product is not dropped
    return np.concatenate([np.asarray(f(qx[s:s + chunk])) for s in range(0, len(qx), chunk)])


def float64_differences(tx, qx, k: int, n: int = 20_000, ty=None) -> str:
    """How many of the k neighbours of the first n queries differ from a float64 NumPy brute force (ties: lower index),
    and with labels `ty`, how many of `knn_predict`'s votes (its own search: no direct sums) differ from the vote of
    the float64 neighbours (`knn_vote`: class and fractions)."""
    from alphaearth_nb.evaluate import knn_search, knn_vote
    q = qx[:n]
    _, ours = knn_search(tx, q, k)
    want = np.empty_like(ours)
    t64 = tx.astype(np.float64)
    for s in range(0, len(q), 2048):
        d = ((q[s:s + 2048, None].astype(np.float64) - t64[None]) ** 2).sum(-1)
        want[s:s + 2048] = np.argsort(d, 1, kind="stable")[:, :k]
    out = f"{int((ours != want).sum())} of {ours.size:,} neighbours differ from float64"
    if ty is None: return out
    c = int(ty.max()) + 1
    (pred, frac), (wp, wf) = knn_predict(tx, ty, q, k, c), knn_vote(ty[want], c)
    return out + f"; {int(((pred != wp) | (frac != wf).any(1)).sum())} of {len(q):,} votes"


def knn_data(kind: str, n_query: int, n_train: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Training vectors (N, 64), their classes 0..8 (N,) and queries (Q, 64), all unit length, of one kind.

    `mixture`: `unit_mixture` (training seed 1, queries seed 2: other centres). `mixture-same`: one
    `unit_mixture` draw split in two (same centres). `uniform`: random unit vectors, classes at random.
    `aef`: the official 2024 embeddings (section 1; at most 1,000 for training, `n_train` ignored beyond), the
    queries drawn with replacement from the rest, plus N(0, 0.02^2) noise per band, renormalised."""
    if kind == "mixture":
        (tx, ty), (qx, _) = unit_mixture(n_train, seed=1), unit_mixture(n_query, seed=2)
        return tx, ty, qx
    if kind == "mixture-same":
        x, y = unit_mixture(n_train + n_query, seed=1)
        return x[:n_train], y[:n_train], x[n_train:]
    rng = np.random.default_rng(4)
    if kind == "uniform":
        x = rng.standard_normal((n_train + n_query, 64), np.float32)
        x /= np.linalg.norm(x, axis=1, keepdims=True)
        return x[:n_train], rng.integers(0, 9, n_train), x[n_train:]
    if kind == "aef":
        df = read_aef_samples()
        x, y = df[band_names()].to_numpy(np.float32), df.dw_label.to_numpy()
        p = rng.permutation(len(x))
        n = min(n_train, len(x) // 2)
        rest = x[p[n:]][rng.integers(0, len(x) - n, n_query)]
        rest += rng.normal(0, 0.02, rest.shape).astype(np.float32)
        return x[p[:n]], y[p[:n]], rest / np.linalg.norm(rest, axis=1, keepdims=True)
    raise SystemExit(f"--knn-data {kind!r}: pick among mixture, mixture-same, uniform, aef")


def knn_speed_table(n_query: int, n_train: int, rounds: int, kind: str = "mixture", low: bool = False) -> pd.DataFrame:
    """kNN k = 1 and 3 on data `kind` (`knn_data`): ours, scikit-learn's brute force and the distance matmul
    alone, interleaved.

    Each of `rounds` rounds runs the five jobs in a rotated order, each after `SETTLE` s of rest, and notes the
    load average, so a busy neighbour slows ours and the reference alike: `ratio` is the median over rounds of
    the ratio within a round, `best` the ratio of the best times, `cpu` the median ratio of this process's CPU
    seconds (steadier than the clock on a shared machine; scikit-learn's OpenMP threads count while they spin).
    `low`: also `knn_predict(..., low=True)` (the bfloat16 first round; the default is float32), against
    scikit-learn and ours. Prints one line per round."""
    from sklearn.neighbors import KNeighborsClassifier
    alt = True  # the `low` the default (float32) does not pick
    tx, ty, qx = knn_data(kind, n_query, n_train)
    n_query, n_train = len(qx), len(tx)
    refs = {k: KNeighborsClassifier(n_neighbors=k, algorithm="brute").fit(tx, ty) for k in (1, 3)}
    jobs = {"matmul": lambda: matmul_only(tx, qx)}
    for k in (1, 3):
        ref = refs[k]
        # warm-up: compile and thread pools; all the queries once, since the second round's shape (one block or
        # CALL_BLOCKS per call) follows how many queries it gets
        ref.predict(qx[:2048]); knn_predict(tx, ty, qx, k, 9)
        jobs[f"ours{k}"] = lambda k=k: knn_predict(tx, ty, qx, k, 9)[0]
        jobs[f"sk{k}"] = lambda ref=ref: ref.predict(qx)
        if low:
            knn_predict(tx, ty, qx, k, 9, low=alt)
            jobs[f"low{k}"] = lambda k=k: knn_predict(tx, ty, qx, k, 9, low=alt)[0]
    matmul_only(tx, qx)  # both chunk shapes compiled
    names = list(jobs)
    times = {n: [] for n in names}
    cpu = {n: [] for n in names}
    out = {}
    for r in range(rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        for n in order:
            time.sleep(SETTLE)  # scikit-learn's OpenMP/BLAS threads spin a while after a call: not on the next job
            t0, c0 = time.perf_counter(), time.process_time()
            out[n] = jobs[n]()
            times[n].append(time.perf_counter() - t0)
            cpu[n].append(time.process_time() - c0)
        print(f"  kNN {kind} round {r + 1}/{rounds}: " + ", ".join(f"{n} {times[n][-1]:.2f} s" for n in names)
              + f"; load average {os.getloadavg()[0]:.1f}", flush=True)
    rows = []
    for k in (1, 3):
        ours = np.array(times[f"ours{k}"])
        votes = knn_predict(tx, ty, qx[:200_000], k, 9)[1]
        split = votes.max(1) < 0.5  # a 1-1-1 vote: sklearn takes the smallest label, we the nearest's
        same = (out[f"ours{k}"][:200_000] == out[f"sk{k}"][:200_000])[~split].mean()
        agree = f"{same:.5f} same label" + (f" ({split.mean():.1%} split votes: tie rules differ)" if k > 1 else "")
        task = f"kNN k={k} {kind}: {n_query:,} q x {n_train:,} train"
        for ref, name, note in ((f"sk{k}", "sklearn brute (goal >= 3)", agree),
                                ("matmul", "matmul alone (goal >= 0.5: ours <= 2x)",
                                 float64_differences(tx, qx, k, ty=ty))):
            rt = np.array(times[ref])
            rows.append(dict(task=task, reference=name, ours_s=ours.min(), reference_s=rt.min(),
                             ratio=np.median(rt / ours), best=rt.min() / ours.min(),
                             cpu=np.median(np.array(cpu[ref]) / np.array(cpu[f"ours{k}"])), agreement=note))
        if low:
            lt = np.array(times[f"low{k}"])
            same = (out[f"low{k}"] == out[f"ours{k}"]).mean()
            for ref, name in ((f"sk{k}", f"sklearn brute vs low={alt}"), (f"ours{k}", f"ours vs low={alt}")):
                rt = np.array(times[ref])
                rows.append(dict(task=task, reference=name, ours_s=lt.min(), reference_s=rt.min(),
                                 ratio=np.median(rt / lt), best=rt.min() / lt.min(),
                                 cpu=np.median(np.array(cpu[ref]) / np.array(cpu[f"low{k}"])),
                                 agreement=f"{same:.5f} same label as the default"))
    cols = ["task", "reference", "ours_s", "reference_s", "ratio", "best", "cpu", "agreement"]
    return pd.DataFrame(rows)[cols]


KNN_PARTS_QUERIES = 262_144  # queries of `--knn-parts` (a quarter of the timing's million)


def knn_parts_table(kinds: list[str], n_query: int = 262_144, n_train: int = 1_000, rounds: int = 3) -> pd.DataFrame:
    """Where `knn_predict`'s CPU time goes, per data kind and k: the share of its first round (every query), of the
    second round (queries whose certificate failed), of the float64 rechecks on the host (near-ties among the
    candidates; uncertain queries' brute force) and of the vote, with the rows each got, against one large product
    (`matmul_only`) over the same data; and how many training rows are exact copies of another. Medians of `rounds`
    interleaved runs, this process's CPU seconds. Reads knn's private steps by wrapping them: figures only."""
    from alphaearth_nb import knn as K
    names = {"_search": None, "_rerank_host": "near-ties on host", "_exact_host": "float64 brute force", "knn_vote": "vote"}
    acc: dict = {}
    def wrap(name, f):
        def g(*a, **kw):
            c0 = time.process_time()
            out = f(*a, **kw)
            key = ("first round" if len(a[1]) == n_query else "second round") if name == "_search" else names[name]
            e = acc.setdefault(key, [0.0, 0]); e[0] += time.process_time() - c0; e[1] += len(a[1]) if name != "knn_vote" else 0
            return out
        return g
    saved = {n: getattr(K, n) for n in names}
    rows = []
    try:
        for n, f in saved.items(): setattr(K, n, wrap(n, f))
        for kind in kinds:
            tx, ty, qx = knn_data(kind, n_query, n_train)
            dup = len(tx) - len(np.unique(tx, axis=0))
            matmul_only(tx, qx); [knn_predict(tx, ty, qx, k, 9) for k in (1, 3)]   # compiled
            cpu: dict = {}
            for _ in range(rounds):
                c0 = time.process_time(); matmul_only(tx, qx); cpu.setdefault("mm", []).append(time.process_time() - c0)
                for k in (1, 3):
                    acc.clear()
                    c0 = time.process_time(); knn_predict(tx, ty, qx, k, 9)
                    cpu.setdefault(k, []).append((time.process_time() - c0, {n: tuple(e) for n, e in acc.items()}))
            mm = np.median(cpu["mm"])
            for k in (1, 3):
                tot = np.array([t for t, _ in cpu[k]])
                row = dict(data=kind, k=k, ours_cpu_s=np.median(tot), product_cpu_s=mm, ours_over_product=np.median(tot) / mm,
                           duplicate_train_rows=dup)
                for part in ("first round", "second round", *list(names.values())[1:]):
                    got = [p.get(part, (0.0, 0)) for _, p in cpu[k]]
                    row[f"{part} %"] = 100 * np.median([g[0] / t for g, t in zip(got, tot)])
                    if part != "vote": row[f"{part} rows"] = got[0][1]
                rows.append(row)
    finally:
        for n, f in saved.items(): setattr(K, n, f)
    return pd.DataFrame(rows)


def prune_bound_table(kinds: list[str], n_query: int = 32_768, n_train: int = 1_000, m: int = 32,
                      block: int = 512) -> pd.DataFrame:
    """How much of the distance matmul an exact cluster-pruning search could skip at best, per data kind.

    The training rows are split into `m` k-means clusters (10 rounds) in their principal axes; a cluster
    can be skipped for a query when the lower bound `sum_b max(0, |P_b (q - c)| - max_x |P_b (x - c)|)^2` over
    the axis bands b = 0-4, 4-8, 8-16, 16-32, 32-64 (the triangle inequality in each band) exceeds the query's
    true k-th distance (an oracle: a real search knows less). `per query`: the share of training rows left to
    search; `per block`: the same when `block` queries sorted by nearest centroid share one dense product."""
    rng = np.random.default_rng(0)
    rows = []
    for kind in kinds:
        t, _, q = knn_data(kind, n_query, n_train)
        mu = t.mean(0)
        axes = np.linalg.svd(t - mu, full_matrices=False)[2]
        tr, qr = (t - mu) @ axes.T, (q - mu) @ axes.T
        c = tr[rng.choice(len(tr), m, replace=False)]
        for _ in range(10):
            a = ((tr[:, None] - c[None]) ** 2).sum(-1).argmin(1)
            c = np.stack([tr[a == j].mean(0) if (a == j).any() else c[j] for j in range(m)])
        a = ((tr[:, None] - c[None]) ** 2).sum(-1).argmin(1)
        lb = np.zeros((len(q), m))
        for j in range(m):
            if not (a == j).any(): lb[:, j] = np.inf; continue
            for lo, hi in ((0, 4), (4, 8), (8, 16), (16, 32), (32, 64)):
                r = np.linalg.norm(tr[a == j, lo:hi] - c[j, lo:hi], axis=1).max()
                lb[:, j] += np.maximum(0, np.linalg.norm(qr[:, lo:hi] - c[j, lo:hi], axis=1) - r) ** 2
        d = (q * q).sum(1)[:, None] + (t * t).sum(1)[None] - 2 * q @ t.T
        order = np.argsort(((qr[:, None] - c[None]) ** 2).sum(-1).argmin(1), kind="stable")
        size = np.bincount(a, minlength=m) / len(t)
        for k in (1, 3):
            need = lb <= np.sort(d, 1)[:, k - 1, None] * (1 + 1e-5)
            nb = len(q) // block * block
            rows.append(dict(data=kind, k=k, clusters=m, per_query=(need * size).sum(1).mean(),
                             per_block=(need[order[:nb]].reshape(-1, block, m).any(1) * size).sum(1).mean()))
    return pd.DataFrame(rows)


def probe_speed_table(n_rows: int) -> pd.DataFrame:
    "The linear probe's fit against scikit-learn's LinearRegression and numpy's lstsq."
    from sklearn.linear_model import LinearRegression
    rows = []
    x, y = unit_mixture(n_rows, seed=3)
    T = np.where(y[:, None] == np.arange(9), 1.0, -1.0).astype(np.float32)
    linear_probe_fit(x[:70_000], y[:70_000], 9)  # warm-up: compiles the same block shape
    LinearRegression().fit(x[:10_000], T[:10_000])
    W, t_ours = timed(linear_probe_fit, x, y, 9)
    ref, t_ref = timed(LinearRegression().fit, x, T)
    diff = max(np.abs(W[:-1] - ref.coef_.T).max(), np.abs(W[-1] - ref.intercept_).max())
    same = (linear_probe_predict(W, x[:100_000]).argmax(1) == ref.predict(x[:100_000]).argmax(1)).mean()
    rows.append(dict(task=f"linear probe fit: {n_rows:,} x 64, 9 classes", ours_s=t_ours,
                     reference="sklearn LinearRegression().fit", reference_s=t_ref,
                     agreement=f"max |dW| {diff:.1e}; {same:.5f} same label"))
    xa = np.concatenate([x, np.ones((len(x), 1), np.float32)], 1)
    Wl, t_ref = timed(lambda: np.linalg.lstsq(xa, T, rcond=None)[0])
    rows.append(dict(task=f"linear probe fit: {n_rows:,} x 64, 9 classes", ours_s=t_ours,
                     reference="numpy.linalg.lstsq (float32)", reference_s=t_ref,
                     agreement=f"max |dW| {np.abs(W - Wl).max():.1e}"))
    out = pd.DataFrame(rows)
    out["ratio"] = out.reference_s / out.ours_s
    return out[["task", "reference", "ours_s", "reference_s", "ratio", "agreement"]]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds10", type=int, default=50, help="folds at 10 shots (the paper: 500)")
    ap.add_argument("--foldsmax", type=int, default=10, help="folds at max shots")
    ap.add_argument("--paper-folds", action="store_true", help="500 folds at 10 shots, 100 at max")
    ap.add_argument("--knn-queries", type=int, default=1_000_000)
    ap.add_argument("--knn-train", type=int, default=1_000)
    ap.add_argument("--knn-rounds", type=int, default=3, help="interleaved kNN rounds (0: skip the kNN timings)")
    ap.add_argument("--knn-data", default="mixture,uniform,aef",
                    help="comma-separated data kinds of the kNN timing: mixture, mixture-same, uniform, aef")
    ap.add_argument("--knn-low", action="store_true",
                    help="also time the bfloat16 first round (low=True; the default is float32)")
    ap.add_argument("--knn-bounds", action="store_true",
                    help="also print the share of the kNN matmul an exact cluster-pruning search would still do")
    ap.add_argument("--knn-parts", action="store_true",
                    help="also print where knn_predict's CPU time goes (first and second round, host rechecks, vote)")
    ap.add_argument("--probe-rows", type=int, default=1_000_000, help="rows of the linear probe timing (0: skip)")
    ap.add_argument("--checkpoint", default=None, help="HOOK: a checkpoint of our model to embed the eo-learn patch")
    ap.add_argument("--repeats", type=int, default=1, help="best of this many runs per linear-probe timing")
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--skip-real", action="store_true")
    a = ap.parse_args(argv)
    keep_heap()  # as `aef` and `fit` do, before JAX runs (AEF_KEEP_HEAP=0: glibc's defaults, to compare)
    global REPEATS
    REPEATS = max(1, a.repeats)
    folds = {10: 500, "max": 100} if a.paper_folds else {10: a.folds10, "max": a.foldsmax}
    pd.set_option("display.width", 200)
    import jax
    print(f"jax {jax.__version__} on {jax.devices()[0].platform}, {os.cpu_count()} CPU cores, "
          f"load average {os.getloadavg()[0]:.1f} at the start")
    if not a.skip_real:
        if not DATA.is_dir():
            print(f"real data not found at {DATA}: set AEF_SHARED_DATA; skipping sections 1 and 2")
        else:
            t0 = time.perf_counter()
            print("\n== 1. Official AlphaEarth 2024 embeddings, Dynamic World label: balanced accuracy (mean +- std) ==")
            print(official_table(folds).to_string(index=False))
            print("\n== 2. eo-learn patch (Slovenia), land use LULC: balanced accuracy (mean +- std) ==")
            print(eolearn_table(folds, a.checkpoint).to_string(index=False))
            print(f"(sections 1-2: {time.perf_counter() - t0:.0f} s)")
    if not a.skip_speed:
        print("\n== 3. Speed (seconds, after warm-up, same process; ratio = reference / ours) ==")
        f2 = lambda v: f"{v:.2f}"  # noqa: E731
        kinds = [k for k in a.knn_data.split(",") if k != "aef" or DATA.is_dir()]
        if "aef" in a.knn_data.split(",") and "aef" not in kinds:
            print(f"kNN data 'aef' left out: no shared data at {DATA} (set AEF_SHARED_DATA)")
        if a.knn_rounds:
            tab = pd.concat([knn_speed_table(a.knn_queries, a.knn_train, a.knn_rounds, kind, a.knn_low)
                             for kind in kinds])
            print(tab.to_string(index=False, float_format=f2))
        if a.knn_bounds:
            print("share of the distance matmul left to an exact cluster-pruned search (oracle bound; 1 = no gain):")
            print(prune_bound_table(kinds).to_string(index=False, float_format=lambda v: f"{v:.3f}"))
        if a.knn_parts:
            print(f"where knn_predict's CPU time goes ({KNN_PARTS_QUERIES:,} queries; % of ours):")
            print(knn_parts_table(kinds, KNN_PARTS_QUERIES, a.knn_train).T.to_string(float_format=f2))
        if a.probe_rows:
            print(probe_speed_table(a.probe_rows).to_string(index=False, float_format=f2))
        print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
