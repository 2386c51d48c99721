"""Real data, reported as measured (issue 10 item 6): a model trained on the synthetic corpus (and fine-tuned on the
real patch), embedding real Sentinel data, beside the raw baselines a user would pick instead.

    .venv/bin/python benchmarks/realdata.py --quick       # a few minutes on 2 CPU cores (tiny, quality.py's --quick)
    options: --only eolearn,patch,points  --finetune N (0: none)  --checkpoint-ndvi RUN  --checkpoint-s2 RUN
             --steps/--batch/--lr (override quality.py's settings)  --out DIR  --seed N

Two models, both the `tiny` preset trained on the corpus of `benchmarks/quality.py` (same settings, same corpus):
- "ndvi": the `ndvi` source only (the eo-learn patch ships NDVI alone); the corpus's NDVI is (B8 - B4) / (B8 + B4)
  of its Sentinel-2; targets ndvi and dem.
- "s2s1": Sentinel-2 L2A (B2 B3 B4 B8 B11 B12, the WorldCereal bands) and Sentinel-1 (VV VH) in; the same out + dem.
`--checkpoint-*` loads a run instead (e.g. quality.py's tiny S2-only run for the WorldCereal rows). Every table also
has the same architecture with random weights ("random weights (control)"): does training on the corpus help?

1. eo-learn patch (Slovenia, 68 NDVI dates 2015-2017, LULC): embed 2016 with the corpus model, and with it
   fine-tuned on the patch for --finetune steps; beside the raw NDVI series (68 dates, gaps = pixel mean), NDVI
   composites (p10..p90), composites + DEM, XY sin/cos. 1, 10 and max shots; kNN-1, kNN-3, linear; balanced
   accuracy mean +- std over folds; all labelled pixels and pixels >= 50 m apart (the paper's 1.28 km is more
   than the 1 km patch); classes with < 12 points dropped (10-shot needs 11; cultivated land has 11 px).
2. WorldCereal patch (Belgium, 12 monthly composites, no labels): embed 2020-11..2021-10 end to end (S2 + S1 from
   the file) and report what can be measured: the embedding's statistics beside the official AlphaEarth ones
   (aef_samples: norm, effective dimensions, dot of random pairs), smoothness (1 - dot of 4-neighbours over that
   of random pairs) and edge agreement (Spearman correlation of each feature set's neighbour distance with that of
   the raw series, the field boundaries as the data shows them), and reconstruction of a held-out month (L1 in
   normalised units, the training objective) against the per-pixel mean of the other months.
3. WorldCereal points (Corsica, 500 points, 17 monthly composites): each point a 1 x 1 site embedded for 2022;
   crop type `ewoc_code` (classes with >= 12 points) at 1, 10, max shots, beside the raw monthly series (S2 + S1,
   2022), composites (p10/p50/p90 of every band and NDVI), + DEM, XY sin/cos; all points, and points >= 1.28 km
   apart (the paper's separation) or, as the points are clustered and that leaves one class, >= 320 m apart.
Figures only: nothing is asserted. The CPU is shared: the load average is printed beside every table.
"""
import argparse
import json
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import xarray as xr

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cli import load as load_avg  # noqa: E402  the load line every benchmark prints
import probe as probe_bench      # noqa: E402  benchmarks/probe.py: the raw NDVI series of the eo-learn patch
import quality as quality_bench  # noqa: E402  benchmarks/quality.py: corpus and training settings

warnings.filterwarnings("ignore", category=RuntimeWarning)
warnings.filterwarnings("ignore", category=FutureWarning)
warnings.filterwarnings("ignore", message=".*pandas version 4.*")
warnings.filterwarnings("ignore", message=".*xtrapolat.*")
warnings.filterwarnings("ignore", message=".*hold no valid text.*")  # the real patches have no geotagged notes

METHODS = ("knn1", "knn3", "linear")
EOLEARN_YEAR = 2016
PATCH_PERIOD = ("2020-11-01", "2021-11-01")
POINTS_YEAR = 2022
PAPER_MIN_DIST = 1280.0


# ---------------------------------------------------------------- models
def ndvi_source(s2: xr.Dataset) -> xr.Dataset:
    "The `ndvi` source of a Sentinel-2 Dataset: (B8 - B4) / (B8 + B4), NaN where either is."
    nir, red = s2["B8"].astype(np.float32), s2["B4"].astype(np.float32)
    v = ((nir - red) / (nir + red)).clip(-1, 1)
    return xr.Dataset({"NDVI": v}, attrs={**s2.attrs, "source": "ndvi"})


def with_ndvi(stack: xr.DataTree) -> xr.DataTree:
    "A stack with an `ndvi` source made from its Sentinel-2."
    kids = {k: v.to_dataset() for k, v in stack.children.items()}
    kids["ndvi"] = ndvi_source(kids["sentinel2"])
    out = xr.DataTree.from_dict(kids); out.attrs.update(stack.attrs)
    return out


def ndvi_corpus(c):
    "The corpus `c`, its scenes loaded with an `ndvi` source added (what the NDVI model trains on)."
    from alphaearth_nb.corpus import Corpus

    class NdviCorpus(Corpus):
        def load(self, scene_id):
            stack, texts, labels, events = super().load(scene_id)
            return with_ndvi(stack), texts, labels, events
    return NdviCorpus(c.path)


def model_configs() -> dict:
    "name -> (ModelConfig, SamplerConfig) of the two corpus models."
    from alphaearth_nb import model as aef_model, samples
    out = {}
    cfg = aef_model.preset("tiny", inputs=("ndvi",), targets=("ndvi", "dem"))
    out["ndvi"] = cfg, samples.sampler_config(cfg, "tiny", frames=(("ndvi", 8),))
    cfg = aef_model.preset("tiny", inputs=("sentinel2", "sentinel1"), targets=("sentinel2", "sentinel1", "dem"))
    out["s2s1"] = cfg, samples.sampler_config(cfg, "tiny", frames=(("sentinel1", 4), ("sentinel2", 8)))
    return out


def for_model(stack: xr.DataTree, model) -> xr.DataTree:
    "The sources of `stack` that `model` encodes or decodes (embed refuses sources a model does not know)."
    known = set(model.cfg.inputs) | set(model.cfg.targets)
    out = xr.DataTree.from_dict({k: v.to_dataset() for k, v in stack.children.items() if k in known})
    out.attrs.update(stack.attrs)
    return out


def train_config(t: dict, steps: int, seed: int, lr: float | None = None):
    from alphaearth_nb import train
    return train.TrainConfig(steps=steps, batch_size=t["batch"], peak_lr=lr or t["lr"], warmup=max(1, steps // 10),
                             clip_norm=1.0, checkpoint_every=steps, seed=seed, keep=100)


def trained(run: Path, fit_fn, what: str):
    "The model of `run` when it holds a finished run, else `fit_fn()` first; prints the loss."
    from alphaearth_nb import train
    done = run / "done"
    if not done.exists():
        t0 = time.time(); _, hist = fit_fn()
        first, last = np.mean([h["loss"] for h in hist[:10]]), np.mean([h["loss"] for h in hist[-10:]])
        done.write_text(f"{what}: {len(hist)} steps in {time.time() - t0:.0f} s; loss {first:.3f} -> {last:.3f}")
        print(f"  {done.read_text()}; {load_avg()}", flush=True)
    else:
        print(f"  {done.read_text()} (cached in {run})", flush=True)
    return train.load_model(run)


def corpus_model(name: str, c, t: dict, out: Path, seed: int):
    "The corpus model `name` ('ndvi' or 's2s1'), trained on the corpus's training scenes with quality.py's settings."
    from alphaearth_nb import model as aef_model, train
    from alphaearth_nb.corpus import CorpusBatches
    cfg, sampler = model_configs()[name]
    data = ndvi_corpus(c) if name == "ndvi" else c
    run = out / f"run_{name}_{t['steps']}_{t['batch']}_{t['lr']:g}_{seed}_{c.path.name}"
    fit = lambda: train.fit(aef_model.init(cfg, seed), CorpusBatches(data, sampler, t["batch"], seed=seed), out=run,
                            config=train_config(t, t["steps"], seed), progress=False, overwrite=True)
    return trained(run, fit, f"{name} on the corpus ({len(c.ids('train'))} training scenes), tiny, "
                             f"batch {t['batch']}, peak lr {t['lr']:g}")


def control(model, seed: int) -> dict:
    "The same architecture with random weights (untrained): does training on the corpus help at all?"
    from alphaearth_nb import model as aef_model
    return {"random weights (control)": aef_model.init(model.cfg, seed + 1).with_policy()}


def finetuned(model, name: str, stack, t: dict, steps: int, out: Path, seed: int, tag: str):
    "`model` trained `steps` more steps on the real `stack` (peak lr half the corpus run's)."
    from alphaearth_nb import samples, train
    sampler = samples.sampler_config(model.cfg, "tiny", frames=dict(model_configs()[name][1].frames))
    run = out / f"finetune_{tag}_{name}_{steps}_{t['batch']}_{seed}"
    fit = lambda: train.fit(model, stack, sampler=sampler, out=run, config=train_config(t, steps, seed, t["lr"] / 2),
                            progress=False, overwrite=True)
    return trained(run, fit, f"fine-tuned on the {tag} patch")


# ---------------------------------------------------------------- evaluation helpers
def protocol(feats: dict, y: np.ndarray, folds: dict, seed: int) -> pd.DataFrame:
    "The transfer-protocol table of every feature set on the same points (1, 10, max shots; kNN-1/3, linear)."
    from alphaearth_nb.evaluate import evaluate_embeddings
    rows = []
    for name, x in feats.items():
        tab = evaluate_embeddings(x, y, shots=(1, 10, "max"), folds=folds, methods=METHODS, seed=seed)
        rows.append(tab.assign(features=name))
    return pd.concat(rows, ignore_index=True)


def keep_classes(y: np.ndarray, least: int = 12) -> np.ndarray:
    "Points of the classes with at least `least` points (10-shot needs 11: one spare)."
    counts = pd.Series(y).value_counts()
    return np.isin(y, counts[counts >= least].index.to_numpy())


def show(tab: pd.DataFrame, title: str, ours: list, key: str) -> list:
    "Print the wide table and, per embedding row and shots level, its error ratio to the best baseline."
    t = tab.assign(v=[f"{m:.3f}+-{s:.3f}" for m, s in zip(tab.balanced_accuracy, tab["std"])])
    wide = t.pivot_table(index="features", columns=["shots", "method"], values="v", aggfunc="first", sort=False)
    print(f"\n{title}; {load_avg()}")
    with pd.option_context("display.width", 250, "display.max_columns", 20):
        print(wide.to_string())
    lines = []
    for s in (1, 10, "max"):
        best = tab[tab.shots.astype(str) == str(s)].groupby("features").balanced_accuracy.max()
        base = best.drop([o for o in ours if o in best])
        for o in ours:
            if o not in best: continue
            r = (1 - best[o]) / max(1 - base.max(), 1e-9)
            lines.append(f"{key}: {s}-shot {o}: {best[o]:.3f} vs best baseline {base.idxmax()} {base.max():.3f}: "
                         f"error ratio {r:.2f}")
            print("  " + lines[-1])
    return lines


def pixels(feats: dict, labels: np.ndarray) -> tuple:
    "(features at the labelled pixels where every feature set has data, labels, flat pixel indices)."
    ok = labels.reshape(-1) > 0
    for f in feats.values(): ok &= np.isfinite(f.reshape(len(ok), -1)).all(1)
    idx = np.flatnonzero(ok)
    return {k: f.reshape(len(ok), -1)[idx].astype(np.float32) for k, f in feats.items()}, labels.reshape(-1)[idx], idx


def separated(X: dict, y: np.ndarray, xy: np.ndarray, min_dist: float, seed: int) -> tuple:
    "The subset of points no two closer than `min_dist` metres, then classes with >= 12 points."
    from alphaearth_nb.evaluate import separated_points
    k = separated_points(xy, min_dist, seed=seed)
    X, y = {n: v[k] for n, v in X.items()}, y[k]
    ok = keep_classes(y)
    return {n: v[ok] for n, v in X.items()}, y[ok]


# ---------------------------------------------------------------- 1. eo-learn
def eolearn_section(models: dict, folds: dict, seed: int) -> list:
    from alphaearth_nb.embed import embed
    from alphaearth_nb.evaluate import composite_features, xy_features
    from alphaearth_nb.readers import read_eolearn_patch
    stack, labels = read_eolearn_patch()
    nd = stack["ndvi"].to_dataset().assign_attrs(source="ndvi")
    feats = {}
    for name, m in models.items():
        feats[name] = embed(for_model(stack, m), m, EOLEARN_YEAR, progress=False, allow_missing=True).transpose("y", "x", "band").values
    feats.update({"raw NDVI series (68 dates)": probe_bench.raw_series_features(nd).values,
                  "NDVI composites": composite_features(nd).values, "NDVI composites + DEM": composite_features(stack).values,
                  "XY sin/cos": xy_features(stack).values})
    X, y, idx = pixels(feats, labels.values)
    ok = keep_classes(y)
    counts = pd.Series(y[ok]).map(lambda v: json.loads(labels.attrs["classes"])[str(v)]).value_counts()
    lines = show(protocol({k: v[ok] for k, v in X.items()}, y[ok], folds, seed),
                 f"eo-learn patch, LULC, all {ok.sum()} labelled px ({dict(counts)}), embedding of {EOLEARN_YEAR}",
                 list(models), "eo-learn all px")
    yy, xx = np.meshgrid(labels.y.values, labels.x.values, indexing="ij")
    xy = np.stack([xx.ravel(), yy.ravel()], 1)[idx]
    Xs, ys = separated(X, y, xy, 50.0, seed)
    lines += show(protocol(Xs, ys, folds, seed), f"eo-learn patch, points >= 50 m apart ({len(ys)} px, "
                  f"{len(np.unique(ys))} classes)", list(models), "eo-learn 50 m")
    return lines


# ---------------------------------------------------------------- 2. WorldCereal patch
def unit(a: np.ndarray) -> np.ndarray:
    return a / np.maximum(np.linalg.norm(a, axis=-1, keepdims=True), 1e-12)


def embedding_stats(e: np.ndarray, rng) -> dict:
    "(N, D) embeddings: mean norm, effective dims, mean dot of random pairs and its spread."
    from alphaearth_nb.quality import effective_dims
    i, j = rng.integers(0, len(e), (2, 5000))
    d = np.sum(unit(e[i]) * unit(e[j]), 1)
    return dict(n=len(e), norm=float(np.linalg.norm(e, axis=1).mean()), eff_dims=effective_dims(e),
                rand_dot=float(d.mean()), rand_dot_std=float(d.std()))


def neighbour_distance(f: np.ndarray) -> np.ndarray:
    "(H, W, D) unit rows: 1 - dot with the right and the lower neighbour, concatenated."
    return np.concatenate([(1 - np.sum(f[:, 1:] * f[:, :-1], -1)).ravel(), (1 - np.sum(f[1:] * f[:-1], -1)).ravel()])


def zfill(a: np.ndarray) -> np.ndarray:
    "(H, W, D) features z-scored per band, gaps filled with the band mean (0)."
    m, s = np.nanmean(a, (0, 1)), np.nanstd(a, (0, 1))
    return np.nan_to_num((a - m) / np.where(s > 0, s, 1))


def monthly_series(stack, sources=("sentinel2", "sentinel1")) -> np.ndarray:
    "(H, W, T * bands): every month of every band, gaps = the pixel's mean of that band."
    feats = []
    for s in sources:
        ds = stack[s].to_dataset()
        for b in ds.data_vars:
            v = ds[b].transpose("y", "x", "time").values.astype(np.float64)
            feats.append(np.where(np.isnan(v), np.nanmean(v, -1, keepdims=True), v))
    return np.concatenate(feats, -1)


def recon_vs_mean(model, stack, name: str, rng, batches: int = 4, batch: int = 8) -> dict:
    "Held-out-month L1 (normalised units) of the model's decoder and of the per-pixel mean of the input frames."
    import equinox as eqx
    import jax
    from alphaearth_nb import losses, samples
    sampler = samples.sampler_config(model.cfg, "tiny", frames=dict(model_configs()[name][1].frames))
    loss = eqx.filter_jit(losses.total_loss)
    res = {}
    for b in range(batches):
        ex = samples.sample_batch(stack, sampler, rng, batch)
        _, terms = loss(model, ex, jax.random.key(b))
        for n in model.cfg.inputs:
            if n not in ex.targets: continue
            f, tg = ex.inputs[n], ex.targets[n]
            x, v = np.asarray(f.x), np.asarray(f.valid)
            mean = (x * v).sum(1) / np.maximum(v.sum(1), 1)                  # (B, H, W, C)
            tv = np.asarray(tg.valid) & (v.sum(1) > 0)
            err = np.abs(mean - np.asarray(tg.x))[tv]
            r = res.setdefault(n, [[], []])
            r[0].append(float(terms[f"recon/{n}"])); r[1].append(float(err.mean()) if err.size else np.nan)
    return {n: (np.nanmean(a), np.nanmean(m)) for n, (a, m) in res.items()}


def patch_section(models: dict, seed: int) -> list:
    from alphaearth_nb.embed import embed
    from alphaearth_nb.evaluate import composite_features
    from alphaearth_nb.readers import read_aef_samples, read_worldcereal_patch
    from alphaearth_nb.core import band_names
    stack = read_worldcereal_patch()
    rng = np.random.default_rng(seed)
    feats = {}
    for name, m in models.items():
        feats[name] = embed(for_model(stack, m), m, PATCH_PERIOD, progress=False, allow_missing=True).transpose("y", "x", "band").values
    optical = xr.DataTree.from_dict({s: stack[s].to_dataset() for s in ("sentinel2", "sentinel1")})
    base = {"raw monthly series (S2+S1)": zfill(monthly_series(stack)),
            "composites (S2+S1)": zfill(composite_features(optical).values)}
    rows = []
    off = read_aef_samples()
    E = off[band_names()].to_numpy(np.float64)
    for reg in sorted(off.region.unique()):
        rows.append(dict(features=f"official AEF 2024, {reg}", **embedding_stats(E[(off.region == reg).to_numpy()], rng)))
    rows.append(dict(features="official AEF 2024, 3 regions pooled", **embedding_stats(E, rng)))
    ref = neighbour_distance(unit(base["raw monthly series (S2+S1)"]))
    from scipy.stats import spearmanr
    for name, f in {**feats, **base}.items():
        e = f.reshape(-1, f.shape[-1]); ok = np.isfinite(e).all(1)
        st = embedding_stats(e[ok].astype(np.float64), rng)
        u = unit(np.nan_to_num(f.astype(np.float64)))
        nb = neighbour_distance(u)
        st.update(nb_over_rand=float(nb.mean() / max(1 - st["rand_dot"], 1e-9)),
                  edge_rho=float(spearmanr(nb, ref).statistic) if name != "raw monthly series (S2+S1)" else 1.0)
        rows.append(dict(features=name, **st))
    tab = pd.DataFrame(rows)
    print(f"\nWorldCereal patch (Belgium, 100 x 100 px, 12 months; no labels): embedding statistics beside the official "
          f"ones; nb_over_rand = mean 1-dot of 4-neighbours / mean 1-dot of random pairs (lower: smoother); edge_rho = "
          f"Spearman of each set's neighbour distance with the raw series' (field edges as the data shows them); "
          f"{load_avg()}")
    with pd.option_context("display.width", 250, "display.max_columns", 20):
        print(tab.round(3).to_string(index=False))
    lines = []
    for name, m in models.items():
        r = recon_vs_mean(m, for_model(stack, m), "s2s1", np.random.default_rng(seed))
        for n, (a, b) in r.items():
            lines.append(f"patch reconstruction {name} {n}: held-out month L1 {a:.3f} vs per-pixel mean of the other "
                         f"months {b:.3f} (ratio {a / b:.2f})")
            print("  " + lines[-1])
    for name in models:
        row = tab[tab.features == name].iloc[0]
        lines.append(f"patch {name}: effective dims {row.eff_dims:.1f} (official pooled "
                     f"{tab.iloc[len(off.region.unique())].eff_dims:.1f}), random-pair dot {row.rand_dot:.2f}, "
                     f"neighbour/random {row.nb_over_rand:.2f}, edge rho {row.edge_rho:.2f}")
    return lines


# ---------------------------------------------------------------- 3. WorldCereal points
def points_grid(ds: xr.Dataset, idx: np.ndarray, crs: str, spacing: int = 40) -> tuple:
    """Points `idx` of the WorldCereal points as 1 x 1 sites on one sparse grid, `spacing` px apart (more than the
    tiny model's 32 px window, so no window holds two points): (stack of sentinel2, sentinel1, dem; rows; cols)."""
    side = int(np.ceil(np.sqrt(len(idx)))); H = W = side * spacing
    k = np.arange(len(idx)); r, c = (k // side) * spacing + spacing // 2, (k % side) * spacing + spacing // 2
    y, x = 5_000_000.0 - 10.0 * np.arange(H) - 5, 500_000.0 + 10.0 * np.arange(W) + 5
    def src(name, bands, static=False):
        T = 1 if static else ds.sizes["time"]
        v = {}
        for b in bands:
            a = np.full((T, H, W), np.nan, np.float32)
            a[:, r, c] = ds[b].values[idx][:, :T].T
            v[b] = (("time", "y", "x"), a)
        return xr.Dataset(v, coords=dict(time=ds.time.values[:T], y=y, x=x), attrs=dict(crs=crs, source=name))
    kids = {"sentinel2": src("sentinel2", ("B2", "B3", "B4", "B8", "B11", "B12")),
            "sentinel1": src("sentinel1", ("VV", "VH")), "dem": src("dem", ("elevation", "slope"), static=True)}
    return xr.DataTree.from_dict(kids), r, c


def embed_points(ds: xr.Dataset, model, crs: str, group: int = 100) -> np.ndarray:
    "(N, D) embeddings for POINTS_YEAR of every point as a 1 x 1 site (NaN where it has no data), `group` per grid."
    from alphaearth_nb.embed import embed
    out = []
    for g in range(0, ds.sizes["point"], group):
        idx = np.arange(g, min(g + group, ds.sizes["point"]))
        stack, r, c = points_grid(ds, idx, crs)
        e = embed(for_model(stack, model), model, POINTS_YEAR, progress=False, allow_missing=True, batch_size=16)
        out.append(e.values[r, c])
    return np.concatenate(out)


def points_section(models: dict, folds: dict, seed: int, limit: int | None = None) -> list:
    from alphaearth_nb.geo import to_crs, utm_crs
    from alphaearth_nb.readers import read_worldcereal_points
    ds = read_worldcereal_points()
    if limit: ds = ds.isel(point=slice(0, limit))
    crs = utm_crs(float(ds.lon.mean()), float(ds.lat.mean()))
    xy = np.stack(to_crs(ds.lon.values, ds.lat.values, "EPSG:4326", crs), 1)
    y = ds.ewoc_code.values
    t0 = time.time(); feats = {}
    for name, m in models.items():
        feats[name] = embed_points(ds, m, crs)
    print(f"  embedded {ds.sizes['point']} 1 x 1 sites with {len(models)} model(s) in {time.time() - t0:.0f} s", flush=True)
    yr = ds.sel(time=slice(f"{POINTS_YEAR}-01-01", f"{POINTS_YEAR}-12-31"))
    s2, s1 = ("B2", "B3", "B4", "B8", "B11", "B12"), ("VV", "VH")
    ser = np.concatenate([yr[b].values for b in s2 + s1], 1).astype(np.float64)             # (N, 12 * 8)
    ser = np.where(np.isnan(ser), np.nanmean(ser, 0), ser)
    comp = []
    bands = {b: yr[b].values.astype(np.float64) for b in s2 + s1}
    bands["NDVI"] = (bands["B8"] - bands["B4"]) / (bands["B8"] + bands["B4"])
    for b, v in bands.items():
        comp.append(np.nanpercentile(v, (10, 50, 90), axis=1).T)
    comp = np.concatenate(comp, 1); comp = np.where(np.isnan(comp), np.nanmean(comp, 0), comp)
    dem = np.stack([ds.elevation.values[:, 0], ds.slope.values[:, 0]], 1).astype(np.float64)
    lat, lon = np.radians(ds.lat.values), np.radians(ds.lon.values)
    z = lambda a: (a - a.mean(0)) / np.where(a.std(0) > 0, a.std(0), 1)
    feats.update({"raw monthly series (S2+S1, 2022)": z(ser), "composites (S2+S1+NDVI)": z(comp),
                  "composites + DEM": z(np.concatenate([comp, dem], 1)),
                  "XY sin/cos": np.stack([np.sin(lat), np.cos(lat), np.sin(lon), np.cos(lon)], 1)})
    ok = keep_classes(y)
    for f in feats.values(): ok &= np.isfinite(f).all(1)
    X = {k: v[ok].astype(np.float32) for k, v in feats.items()}
    lines = show(protocol(X, y[ok], folds, seed), f"WorldCereal points (Corsica), crop type ewoc_code, {ok.sum()} points "
                 f"in {len(np.unique(y[ok]))} classes with >= 12 points, all points", list(models), "points all")
    for d in (PAPER_MIN_DIST, 320.0):  # the points are clustered: 1.28 km leaves 71 points, one class with 12
        Xs, ys = separated(X, y[ok], xy[ok], d, seed)
        if len(np.unique(ys)) >= 3: break  # 1-shot kNN-3 needs 3 classes
        print(f"  points >= {d:.0f} m apart: {len(ys)} points in {len(np.unique(ys))} class(es) with >= 12 points; "
              "too few to evaluate")
    else:
        return lines
    lines += show(protocol(Xs, ys, folds, seed), f"WorldCereal points >= {d:.0f} m apart ({len(ys)} points, "
                  f"{len(np.unique(ys))} classes)", list(models), f"points {d:.0f} m")
    return lines


# ---------------------------------------------------------------- main
def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    quality_bench.settings_args(p)
    p.add_argument("--finetune", type=int, help="fine-tuning steps on the real patch (0: none; default 100, 300)")
    p.add_argument("--checkpoint-ndvi", help="a run of an ndvi-input model instead of training one")
    p.add_argument("--checkpoint-s2", help="a run of a sentinel2(+sentinel1)-input model instead of training one")
    p.add_argument("--only", default="eolearn,patch,points")
    p.add_argument("--points-limit", type=int, help="embed only the first N WorldCereal points (tests)")
    p.add_argument("--out", default="out/realdata"); p.add_argument("--seed", type=int, default=0)
    a = p.parse_args(argv)
    import jax
    from alphaearth_nb import runtime
    runtime.keep_heap()  # as `aef` and `fit` do, before JAX runs (AEF_KEEP_HEAP=0: glibc's defaults, to compare)
    out = quality_bench.output_folder(a)
    from alphaearth_nb.readers import read_eolearn_patch, read_worldcereal_patch
    from alphaearth_nb.train import load_model
    t0 = time.time()
    cc, t = quality_bench.settings(a)
    ft = a.finetune if a.finetune is not None else (100 if a.quick else 300)
    only = set(a.only.split(","))
    print(f"realdata benchmark ({'quick' if a.quick else 'default'}): jax {jax.__version__} on "
          f"{jax.devices()[0].platform}; corpus training {t['steps']} steps, batch {t['batch']}, lr {t['lr']:g}; "
          f"fine-tuning {ft} steps; {load_avg()}", flush=True)
    need_corpus = ("eolearn" in only and not a.checkpoint_ndvi) or (only & {"patch", "points"} and not a.checkpoint_s2)
    c = quality_bench.get_corpus(out, cc) if need_corpus else None
    lines = []
    if "eolearn" in only:
        print("\n[eo-learn] models:", flush=True)
        m = load_model(a.checkpoint_ndvi) if a.checkpoint_ndvi else corpus_model("ndvi", c, t, out, a.seed)
        models = {"embedding (corpus)": m, **control(m, a.seed)}
        if ft: models["embedding (corpus + patch fine-tune)"] = finetuned(m, "ndvi", read_eolearn_patch()[0], t, ft,
                                                                          out, a.seed, "eolearn")
        lines += eolearn_section(models, t["folds"], a.seed)
    if only & {"patch", "points"}:
        print("\n[WorldCereal] models:", flush=True)
        m = load_model(a.checkpoint_s2) if a.checkpoint_s2 else corpus_model("s2s1", c, t, out, a.seed)
        models = {"embedding (corpus)": m, **control(m, a.seed)}
        if "patch" in only:
            if ft: models["embedding (corpus + patch fine-tune)"] = finetuned(m, "s2s1", read_worldcereal_patch(), t, ft,
                                                                              out, a.seed, "worldcereal")
            lines += patch_section(models, a.seed)
        if "points" in only:
            lines += points_section(models, t["folds"], a.seed, a.points_limit)
    print(f"\n{time.time() - t0:.0f} s in all; {load_avg()}")
    for ln in lines: print("realdata: " + ln)
    ratio = lambda ln: float(ln.rsplit("error ratio ", 1)[1])
    ten = [f"{ln.split(':')[0]} {ratio(ln):.2f}" for ln in lines if ": 10-shot embedding (corpus):" in ln]
    dims = [ln.split("effective dims ")[1].split(",")[0] for ln in lines if ln.startswith("patch embedding (corpus):")]
    print(f"realdata: 10-shot error ratio embedding/best-baseline (> 1: the embedding loses): {'; '.join(ten) or '-'}"
          f"; WorldCereal patch effective dims {dims[0] if dims else '-'}; {load_avg()}")

if __name__ == "__main__":
    sys.exit(main())
