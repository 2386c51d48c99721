"""Benchmark the site corpus: export speed from fakes with 1, 2 and 4 workers, and training throughput from the
streamed corpus against the in-memory stack, in one run.

    .venv/bin/python benchmarks/corpus.py                 # 16 sites per export run, 10 timed steps per data source
    .venv/bin/python benchmarks/corpus.py --sites 32 --steps 20
    .venv/bin/python benchmarks/corpus.py --dry           # shapes only: 2 sites in-process, no cluster, no training
    .venv/bin/python benchmarks/corpus.py --loaders-only  # the loaders alone, no export, no training

Export: `export.export_sites` on a dask LocalCluster of spawned processes (started and warmed before the clock
runs), the opener `export.FakeEE` with `--latency` seconds per request standing for Earth Engine's network time
(an export is bound by request latency, not by this machine's CPU: with latency 0 a 2-core machine shows only its
cores). Each site: sentinel2, sentinel1 over two year-long periods and dem (5 requests), 32 x 32 pixels.

Training: `train.fit("tiny", ...)` on the sample scene in memory (`samples.Batches`) and on the corpus streamed
from disk (`stream.CorpusStream`, a cache of 4 sites so it keeps reading), same compiled step, alternating rounds;
a step's time includes waiting for its batch. Also the loaders alone (no training), in batches per second.
Figures only: nothing is asserted. The CPU is shared: the load average is printed with the results.
"""
import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np


sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cli import load  # noqa: E402  the load line every benchmark prints


def export_rate(n_sites, workers, latency, root):
    "Sites per minute exported from fakes with `workers` processes (cluster started and warmed first)."
    from alphaearth_nb import export, sites
    table = sites.sample_sites(sites.box_strata(-(-n_sites // 16) + 1), (2022, 2023), cap=16, size=32,
                               seed=0).head(n_sites)
    fake = export.FakeEE(delay_s=latency)
    if workers == 0:
        t0 = time.perf_counter(); rep = export.export_sites(root / "w0", table, ("sentinel2", "sentinel1", "dem"),
                                                            fake, workers=0)
        return len(table) / (time.perf_counter() - t0) * 60, rep
    import dask
    from distributed import Client, LocalCluster
    with dask.config.set({"distributed.worker.multiprocessing-method": "spawn"}):
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=40)
    client = Client(cluster)
    try:
        client.run(lambda: __import__("alphaearth_nb.export"))            # imports (jax, xarray) before the clock
        t0 = time.perf_counter()
        rep = export.export_sites(root / f"w{workers}", table, ("sentinel2", "sentinel1", "dem"), fake, cluster=client,
                                  max_in_flight=2 * workers)
        return len(table) / (time.perf_counter() - t0) * 60, rep
    finally:
        client.close(); cluster.close()


def loader_rates(corpus_path, batch):
    "Seconds per batch of the loaders alone: the in-memory sampler, and the corpus stream (2 threads, 4-site cache)."
    from alphaearth_nb import model, samples, scene, stream
    stack, texts, _ = scene.load_scene()
    cfg = samples.sampler_config(model.preset("tiny"), "tiny")
    mem = samples.Batches(stack, cfg, batch, texts=texts); cs = stream.CorpusStream(corpus_path, cfg, batch, cache=4)
    t0 = time.perf_counter(); [mem.batch_at(i) for i in range(8)]; t_mem = (time.perf_counter() - t0) / 8
    it = cs(0); next(it)
    t0 = time.perf_counter(); [next(it) for _ in range(8)]; t_cs = (time.perf_counter() - t0) / 8; it.close()
    return t_mem, t_cs


def train_rates(corpus_path, steps, batch, rounds=2):
    "Mean seconds per step (first step of each fit, the compile, left out) for the in-memory stack and the corpus."
    from alphaearth_nb import model, samples, scene, stream, train
    stack, texts, _ = scene.load_scene()
    cfg = samples.sampler_config(model.preset("tiny"), "tiny")
    tc = train.TrainConfig(steps=steps + 1, batch_size=batch, warmup=1)
    times = {"memory": [], "corpus": []}
    for r in range(rounds):
        for kind in ("memory", "corpus"):
            data = stack if kind == "memory" else stream.CorpusStream(corpus_path, cfg, batch, seed=r, cache=4,
                                                                      workers=2, prefetch=2)
            _, hist = train.fit("tiny", data, texts=texts if kind == "memory" else None, config=tc, seed=r,
                                progress=False)
            times[kind] += [h["sec"] for h in hist[1:]]
    return (np.mean(times["memory"]), np.mean(times["corpus"])) + loader_rates(corpus_path, batch)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sites", type=int, default=16, help="sites per export run")
    p.add_argument("--latency", type=float, default=0.25, help="fake Earth Engine seconds per request")
    p.add_argument("--workers", default="1,2,4")
    p.add_argument("--steps", type=int, default=10, help="timed training steps per round and data source")
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--dry", action="store_true", help="shapes only: 2 sites in this process, no cluster, no training")
    p.add_argument("--loaders-only", action="store_true", help="only the loaders alone (no export timing, no training)")
    a = p.parse_args(argv)
    from alphaearth_nb import runtime
    runtime.keep_heap()  # as `aef` and `fit` do, before JAX runs (AEF_KEEP_HEAP=0: glibc's defaults, to compare)
    print(f"benchmarks/corpus.py; {load()} at start; heap kept {runtime.KEPT_HEAP}", flush=True)
    with tempfile.TemporaryDirectory() as d:
        root = Path(d)
        if a.dry:
            rate, rep = export_rate(2, 0, 0.0, root)
            print(f"dry: {len(rep)} sites {', '.join(rep.status)}; {rate:.0f} sites/min in-process", flush=True)
            return 0
        if a.loaders_only:
            from alphaearth_nb import export
            export.fake_corpus(root / "train", n_sites=32, size=32, sources=("sentinel2", "dem"))
            l_mem, l_cs = loader_rates(root / "train", a.batch)
            print(f"loaders alone: in-memory {1 / l_mem:.1f} batches/s, corpus (2 threads, 4-site cache over 32 sites) "
                  f"{1 / l_cs:.1f} batches/s = {a.batch / l_cs:.0f} examples/s per host; {load()}", flush=True)
            return 0
        base = None
        for w in [int(x) for x in a.workers.split(",")]:
            rate, rep = export_rate(a.sites, w, a.latency, root)
            base = base or rate
            ok = (rep.status == "written").sum()
            print(f"export: {w} worker(s): {rate:6.1f} sites/min ({rate / base:.2f} x 1 worker), "
                  f"{ok}/{len(rep)} written, "
                  f"latency {a.latency} s/request; {load()}", flush=True)
        from alphaearth_nb import export
        export.fake_corpus(root / "train", n_sites=32, size=32, sources=("sentinel2", "dem"))
        s_mem, s_cs, l_mem, l_cs = train_rates(root / "train", a.steps, a.batch)
        print(f"train tiny, batch {a.batch}: in-memory {1 / s_mem:.3f} steps/s, corpus {1 / s_cs:.3f} steps/s: "
              f"corpus/in-memory = {s_mem / s_cs:.2f} (goal >= 0.90); {load()}", flush=True)
        print(f"loaders alone: in-memory {1 / l_mem:.1f} batches/s, corpus (2 threads, 4-site cache over 32 sites) "
              f"{1 / l_cs:.1f} batches/s = {a.batch / l_cs:.0f} examples/s per host", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
