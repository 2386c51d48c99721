"""Is the embedding worth using? Train a preset on the training scenes of a synthetic corpus (or load a checkpoint),
then on the held-out scenes put the embedding beside the designed features a user would pick instead.

    .venv/bin/python benchmarks/quality.py --quick          # < 10 min on 2 CPU cores: tiny preset, small corpus
    .venv/bin/python benchmarks/quality.py                  # < 1 h on 2 cores: small preset, 12 scenes
    .venv/bin/python benchmarks/quality.py --scale 8        # an accelerator: 8x the corpus, steps and batch
    options: --preset NAME --steps N --batch N --lr X --checkpoint PATH --curve 100,200,400 --out DIR --seed N

1. Corpus (`alphaearth_nb.corpus`): scenes in regions with their own phenology offset, cloud regime, class mix;
   2-4 years; dated change events (clearing, fire, flood, construction, crop rotation). Written once under --out
   and reused. Training draws batches scene by scene from the "train" split (`CorpusBatches`).
2. Land cover on the held-out scenes, the paper's protocol (arXiv 2507.22291 S3.2, S4): points at
   least --min-dist metres apart (default 50 m; the paper: 1.28 km, its 128-pixel patch, which would leave a
   handful of points in a 1 km scene), each in one random year; 1, 10 and max shots; kNN-1, kNN-3 and
   the linear probe; balanced accuracy mean +- std over folds (1000/500 in the paper, S6.1: --quick uses fewer).
   Features: the embedding of that year; raw series (S2 + S1 on a 10-day grid, gaps interpolated); seasonal
   composites (annual p10/p50/p90 and seasonal medians of every band and NDVI); composites + DEM; XY sin/cos.
   Each feature set is z-scored over the pooled points (the embedding is left as it is).
3. Change on the held-out scenes, per event kind: the paper's unsupervised protocol (S4.1): L2-normalise the two
   years' features, score d = (1 - e1.e2) / 2, best balanced accuracy over thresholds 0.1..0.9, changed = the event's
   pixels in its pair of years, unchanged = pixels in no event whose class never changes, same scenes and years.
   Unchanged 1-dot: the mean of 1 - e1.e2 of the embedding over those unchanged pixels.
4. The error ratio embedding / best baseline (1 - balanced accuracy, best method of each) per shots level.
5. Where it loses: 10-shot kNN-3 of the embedding and the raw series on interior points (one class over the
   3 x 3 neighbourhood) vs edge points. The model's grid is 20 m (L/2) and the corpus's fields are small, so
   an edge pixel's embedding mixes its neighbours' (per-pixel designed features do not).
Figures only: nothing is asserted. The CPU is shared: the load average is printed with the results.
"""
import argparse
import hashlib
import json
import os
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cli import load  # noqa: E402  the load line every benchmark prints

warnings.filterwarnings("ignore", category=RuntimeWarning)
warnings.filterwarnings("ignore", category=FutureWarning)
warnings.filterwarnings("ignore", message=".*pandas version 4.*")
warnings.filterwarnings("ignore", message=".*extrapolat.*")


def settings_args(p: argparse.ArgumentParser):
    "The options `settings` reads: --quick, --scale, --preset, --steps, --batch, --lr."
    p.add_argument("--quick", action="store_true"); p.add_argument("--scale", type=int, default=1)
    p.add_argument("--preset"); p.add_argument("--steps", type=int); p.add_argument("--batch", type=int)
    p.add_argument("--lr", type=float)


def output_folder(a) -> Path:
    "The output folder `a.out`, made, with JAX's persistent compile cache in it."
    import jax
    out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
    jax.config.update("jax_compilation_cache_dir", str(out / "jax_cache"))
    jax.config.update("jax_persistent_cache_min_compile_time_secs", 2.0)
    return out


def settings(a):
    "Corpus, training and evaluation settings of a run."
    from alphaearth_nb.corpus import CorpusConfig
    if a.quick:
        cc = CorpusConfig(seed=a.seed, n_scenes=6, n_regions=3, holdout_every=2, size=64, years=(2, 2), n_texts=30)
        t = dict(preset="tiny", steps=150, batch=4, lr=2e-3, folds={1: 50, 10: 20, "max": 5})
    else:
        n = max(1, a.scale)
        cc = CorpusConfig(seed=a.seed, n_scenes=12 * n, n_regions=4 * n, holdout_every=3, size=96, years=(2, 3), n_texts=60)
        t = dict(preset="small", steps=300 * n, batch=4 * n, lr=1e-3, folds={1: 200, 10: 100, "max": 20})
    for k in ("preset", "steps", "batch", "lr"):
        if getattr(a, k) is not None: t[k] = getattr(a, k)
    return cc, t


def get_corpus(out: Path, cc):
    from alphaearth_nb.corpus import Corpus, write_corpus
    from dataclasses import asdict
    path = out / f"corpus_{hashlib.sha1(json.dumps(asdict(cc), sort_keys=True, default=str).encode()).hexdigest()[:10]}"
    if not (path / "corpus.json").exists():
        t0 = time.time(); write_corpus(path, cc, overwrite=True)
        print(f"corpus: wrote {cc.n_scenes} scenes of {cc.size} px to {path} in {time.time() - t0:.0f} s", flush=True)
    return Corpus(path)


def train_model(c, t, out: Path, seed: int, checkpoint_every: int):
    "Train the preset on the corpus's training scenes; returns the run folder."
    from alphaearth_nb import model as aef_model, samples, train
    from alphaearth_nb.corpus import CorpusBatches
    cfg = aef_model.preset(t["preset"])
    batches = CorpusBatches(c, samples.sampler_config(cfg, t["preset"]), t["batch"], seed=seed)
    tc = train.TrainConfig(steps=t["steps"], batch_size=t["batch"], peak_lr=t["lr"], warmup=max(1, t["steps"] // 10),
                           clip_norm=1.0, checkpoint_every=checkpoint_every, seed=seed, keep=100)
    run = out / f"run_{t['preset']}_{t['steps']}_{t['batch']}_{t['lr']:g}_{seed}"
    t0 = time.time()
    _, hist = train.fit(t["preset"], batches, out=run, config=tc, progress=False, resume=True)
    print(f"train: {t['preset']} {t['steps']} steps, batch {t['batch']}, peak lr {t['lr']:g} on {len(c.ids('train'))} "
          f"training scenes in {time.time() - t0:.0f} s; loss {hist[0]['loss']:.3f} -> {np.mean([h['loss'] for h in hist[-10:]]):.3f}",
          flush=True)
    return run


_BASE = {}  # (scene, year) -> baseline features, kept across the evaluations of a curve


def evaluate_model(c, model, a, folds, log=print):
    "The land-cover table (features x shots x method) and the change table (kind x features) on the held-out scenes."
    from alphaearth_nb.corpus import stable_mask
    from alphaearth_nb.embed import embed
    from alphaearth_nb.evaluate import change_threshold_sweep, evaluate_embeddings
    from alphaearth_nb.quality import baseline_features, effective_dims, scene_points, zscore_pooled
    min_dist = a.min_dist
    from scipy.ndimage import maximum_filter, minimum_filter
    X, Y, INNER = {}, [], []
    pairs = {}                    # (kind, features) -> [before, after, changed]
    stable_dot, spectra = [], []  # spectra: each held-out scene's embedding vectors
    t0 = time.time()
    import xarray as xr
    inputs = tuple(getattr(model.cfg, "inputs", None) or ("sentinel2",))
    for k, sid in enumerate(c.ids("test")):
        stack, _, labels, masks = c.load(sid)
        model_in = xr.DataTree.from_dict({n: stack[n].to_dataset() for n in inputs}); model_in.attrs.update(stack.attrs)
        years = [int(y) for y in labels.year.values]
        feats = {}
        for y in years:
            if (sid, y) not in _BASE: _BASE[(sid, y)] = baseline_features(stack, y)
            f = {"embedding": embed(model_in, model, y, progress=False).values, **_BASE[(sid, y)]}
            feats[y] = f
        e = feats[years[0]]["embedding"].reshape(-1, feats[years[0]]["embedding"].shape[-1])
        spectra.append(e)
        r, cc_, yi = scene_points(labels, min_dist, seed=(a.seed, k))
        Y.append(labels.values[yi, r, cc_])
        lv = labels.values                                    # interior: one class over the point's 3 x 3 neighbourhood
        INNER.append((minimum_filter(lv, (1, 3, 3)) == maximum_filter(lv, (1, 3, 3)))[yi, r, cc_])
        for name in feats[years[0]]:
            X.setdefault(name, []).append(np.stack([feats[years[i]][name][rr, ci] for rr, ci, i in zip(r, cc_, yi)]))
        stab = stable_mask(labels, masks)
        ev = c.events[c.events.scene == sid].reset_index(drop=True)
        rng = np.random.default_rng((a.seed, k, 1))
        for i in range(1, len(years)):
            y0, y1 = years[i - 1], years[i]
            here = ev[ev.year == y1]
            if not len(here): continue
            sp = np.argwhere(stab); sp = sp[rng.permutation(len(sp))[:1500]]
            e0, e1 = feats[y0]["embedding"][sp[:, 0], sp[:, 1]], feats[y1]["embedding"][sp[:, 0], sp[:, 1]]
            stable_dot.append(1 - np.sum(e0 * e1, 1))
            for j, e in here.iterrows():
                m = np.argwhere(np.asarray(masks.values[j], bool))
                for name in feats[y0]:
                    b, af = feats[y0][name], feats[y1][name]
                    p = pairs.setdefault((e.kind, name), [[], [], []])
                    p[0] += [b[m[:, 0], m[:, 1]], b[sp[:, 0], sp[:, 1]]]
                    p[1] += [af[m[:, 0], m[:, 1]], af[sp[:, 0], sp[:, 1]]]
                    p[2] += [np.ones(len(m)), np.zeros(len(sp))]
        log(f"  scene {sid}: {len(years)} years, {len(r)} points, {len(ev)} events ({time.time() - t0:.0f} s)")
        del stack, feats
    y = np.concatenate(Y)
    counts = pd.Series(y).value_counts()
    keep_cls = counts[counts >= 12].index.to_numpy()        # 10-shot needs 11 points of a class; one spare
    keep = np.isin(y, keep_cls)
    rows = []
    for name, parts in X.items():
        x = np.concatenate(parts)
        if name != "embedding": x = np.concatenate(zscore_pooled([x]))
        ok = keep & np.isfinite(x).all(1)
        tab = evaluate_embeddings(x[ok], y[ok], shots=(1, 10, "max"), folds=folds, seed=a.seed)
        rows.append(tab.assign(features=name))
    lc = pd.concat(rows, ignore_index=True)
    inner, split = np.concatenate(INNER), {}
    for name in ("embedding", "raw series"):              # 10-shot kNN-3 on interior vs edge points
        if name not in X: continue
        x = np.concatenate(X[name])
        if name != "embedding": x = np.concatenate(zscore_pooled([x]))
        for part, sel in (("interior", inner), ("edge", ~inner)):
            ok = sel & keep & np.isfinite(x).all(1)
            cnt = pd.Series(y[ok]).value_counts(); ok &= np.isin(y, cnt[cnt >= 12].index)
            if len(np.unique(y[ok])) < 2: continue
            t10 = evaluate_embeddings(x[ok], y[ok], shots=(10,), folds=folds, methods=("knn3",), seed=a.seed)
            split[(name, part)] = (float(t10.balanced_accuracy.iloc[0]), int(ok.sum()))
    ch = []
    for (kind, name), (b, af, lab) in pairs.items():
        b, af, lab = np.concatenate(b), np.concatenate(af), np.concatenate(lab)
        if name != "embedding": b, af = zscore_pooled([b, af])
        ok = np.isfinite(b).all(1) & np.isfinite(af).all(1) & (np.abs(b).sum(1) > 0) & (np.abs(af).sum(1) > 0)
        r = change_threshold_sweep(b[ok], af[ok], lab[ok])
        ch.append(dict(kind=kind, features=name, changed=int(lab[ok].sum()), unchanged=int((1 - lab[ok]).sum()), **r))
    info = dict(edge_split=split, interior_share=float(inner[keep].mean()), participation=effective_dims(*spectra), dims=int(spectra[0].shape[1]),
                points=int(keep.sum()), classes=len(keep_cls), dropped_classes=int(len(counts) - len(keep_cls)), min_dist=min_dist,
                unchanged_1dot=float(np.mean(np.concatenate(stable_dot))) if stable_dot else float("nan"))
    return lc, pd.DataFrame(ch), info


def report(lc, ch, info, log=print):
    "Print the side-by-side tables; returns (ratios per shots, mean change balanced accuracy of the embedding)."
    from alphaearth_nb.quality import error_ratio
    lc = lc.assign(v=[f"{m:.3f}+-{s:.3f}" for m, s in zip(lc.balanced_accuracy, lc["std"])])
    wide = lc.pivot_table(index="features", columns=["shots", "method"], values="v", aggfunc="first", sort=False)
    log(f"\nland cover on held-out scenes: {info['points']} points, {info['classes']} classes "
        f"({info['dropped_classes']} with < 12 points dropped), points >= {info['min_dist']:.0f} m apart; balanced accuracy mean+-std over folds")
    with pd.option_context("display.width", 250, "display.max_columns", 20):
        log(wide.to_string())
    ratios = {}
    for s in (1, 10, "max"):
        r, best = error_ratio(lc, s); ratios[s] = r
        log(f"  {s}-shot error ratio embedding/best-baseline {r:.2f} (best baseline: {best})")
    cw = ch.pivot_table(index="kind", columns="features", values="balanced_accuracy", sort=False)
    n = ch.groupby("kind")[["changed", "unchanged"]].first()
    log("\nchange on held-out scenes (paper S4.1: L2-normalised d = (1 - e1.e2)/2, best of thresholds 0.1..0.9): balanced accuracy")
    with pd.option_context("display.width", 250, "display.max_columns", 20):
        log(cw.join(n).round(3).to_string())
    emb_ch = float(cw["embedding"].mean()) if "embedding" in cw else float("nan")
    base = cw.drop(columns="embedding").max(axis=1).mean() if "embedding" in cw else float("nan")
    log(f"  mean over kinds: embedding {emb_ch:.3f}, best baseline per kind {base:.3f}; unchanged 1-dot (embedding) {info['unchanged_1dot']:.3f}")
    if info.get("edge_split"):
        parts = "; ".join(f"{n} {p} {v:.3f} (n={k})" for (n, p), (v, k) in info["edge_split"].items())
        log(f"10-shot kNN-3 on interior points (one class over their 3 x 3 neighbourhood, {info['interior_share']:.0%} "
            f"of points) vs edge points: {parts}")
    log(f"embedding's effective dimensions on held-out scenes (participation ratio of its covariance): {info['participation']:.1f} of {info['dims']}")
    return ratios, emb_ch


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    settings_args(p)
    p.add_argument("--checkpoint", help="evaluate this run folder or checkpoint instead of training")
    p.add_argument("--curve", help="comma-separated steps: evaluate the run's checkpoints there (quality vs steps)")
    p.add_argument("--min-dist", type=float, default=50.0); p.add_argument("--out", default="out/quality"); p.add_argument("--seed", type=int, default=0)
    a = p.parse_args(argv)
    import jax
    from alphaearth_nb import runtime
    runtime.keep_heap()  # as `aef` and `fit` do, before JAX runs (AEF_KEEP_HEAP=0: glibc's defaults, to compare)
    out = output_folder(a)
    from alphaearth_nb.train import load_model
    t0 = time.time()
    cc, t = settings(a)
    print(f"quality benchmark ({'quick' if a.quick else f'scale {a.scale}'}): jax {jax.__version__} on {jax.devices()[0].platform}, "
          f"load average {os.getloadavg()[0]:.1f} at start", flush=True)
    c = get_corpus(out, cc)
    print(f"corpus: {c}", flush=True)
    curve = [int(s) for s in a.curve.split(",")] if a.curve else []
    if a.checkpoint: run = Path(a.checkpoint)
    else: run = train_model(c, t, out, a.seed, checkpoint_every=min(curve) if curve else t["steps"])
    for s in curve:
        ck = run / "checkpoints" / f"ckpt_{s:08d}.json"
        if not ck.exists(): print(f"curve: no checkpoint at step {s}"); continue
        lc, ch, info = evaluate_model(c, load_model(ck), a, t["folds"], log=lambda *_: None)
        ratios, emb_ch = report(lc, ch, info, log=lambda *_: None)
        print(f"curve: step {s}: error ratio 1-shot {ratios[1]:.2f}, 10-shot {ratios[10]:.2f}, max {ratios['max']:.2f}; "
              f"change {emb_ch:.3f}; unchanged 1-dot {info['unchanged_1dot']:.3f}; effective dims {info['participation']:.1f}; load average {os.getloadavg()[0]:.1f}", flush=True)
    model = load_model(run)
    lc, ch, info = evaluate_model(c, model, a, t["folds"])
    ratios, emb_ch = report(lc, ch, info)
    lc.to_csv(out / "landcover.csv", index=False); ch.to_csv(out / "change.csv", index=False)
    cpu = sum(os.times()[:4])  # user + system: on idle cores the wall time lies between cpu / cores and cpu
    print(f"\n{time.time() - t0:.0f} s in all ({cpu:.0f} s of CPU time); {load()}")
    print(f"quality: 10-shot error ratio embedding/best-baseline {ratios[10]:.2f}; change balanced accuracy {emb_ch:.2f}; "
          f"unchanged 1-dot {info['unchanged_1dot']:.2f}")


if __name__ == "__main__":
    sys.exit(main())
