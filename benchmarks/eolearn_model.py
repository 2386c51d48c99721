"""Our model on the real eo-learn patch (Slovenia): train a `small`-sized model with the `ndvi` source as its only
input (the patch has no S2 bands), embed 2016, and run the transfer protocol on the LULC labels.

The row to put beside `benchmarks/probe.py`'s raw-NDVI, composite and XY baselines (same folds: 50 at 10 shots,
10 at max). Usage: python benchmarks/eolearn_model.py [--steps 150] [--out /tmp/eolearn_run]
"""
import argparse, time

import numpy as np

from alphaearth_nb import evaluate, readers, samples, train
from alphaearth_nb import model as aef_model
from alphaearth_nb.runtime import keep_heap
from alphaearth_nb.embed import embed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=150)
    ap.add_argument("--out", default="/tmp/eolearn_run")
    a = ap.parse_args()
    keep_heap()  # as `aef` and `fit` do, before JAX runs (AEF_KEEP_HEAP=0: glibc's defaults, to compare)
    stack, labels = readers.read_eolearn_patch()
    cfg = aef_model.preset("small", inputs=("ndvi",), targets=("dem", "ndvi"))
    t0 = time.time()
    tc = train.TrainConfig(steps=a.steps, batch_size=4, peak_lr=1e-3, warmup=max(1, a.steps // 10), clip_norm=1.0,
                           checkpoint_every=a.steps)
    state, hist = train.fit(aef_model.init(cfg, 0), stack, sampler=samples.sampler_config(cfg, frames=16), out=a.out,
                            config=tc, progress=False)
    first, last = np.mean([h["loss"] for h in hist[:10]]), np.mean([h["loss"] for h in hist[-10:]])
    print(f"trained {a.steps} steps in {time.time() - t0:.0f} s; loss {first:.3f} -> {last:.3f}")
    e = embed(stack, train.load_model(a.out), ("2016-01-01", "2017-01-01"), progress=False)
    y = labels.values.reshape(-1); x = e.values.reshape(-1, e.sizes["band"])
    ok = (y > 0) & np.isfinite(x).all(1)  # label 0 = no data
    print("our model (small widths, ndvi input, trained on this patch only):")
    print(evaluate.evaluate_embeddings(x[ok], y[ok], shots=(10, "max"), folds={10: 50, "max": 10}, seed=0).to_string(index=False))


if __name__ == "__main__":
    main()
