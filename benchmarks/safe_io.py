"""What the issue-12 safeguards cost, measured side by side in one run (printed as ratios with the load average).

    .venv/bin/python benchmarks/safe_io.py

1. `validate_stack` on the sample scene: the schema checks alone (`check_values=False`) against the full checks
   (units on a sample of each band, a valid pixel per source), eager and dask-backed (chunks of 50 x 50 px); for the
   lazy stack also against computing every band in full, which is what checking lazy data without sampling costs.
   A synthetic lazy Sentinel-2 source of growing area shows how the two scale.
2. Checkpoints: `save_checkpoint` (leaves hashed while written, header, rename) against a bare
   `eqx.tree_serialise_leaves` to a file, and `load_checkpoint` (size + SHA-256 verified first) against a bare
   `eqx.tree_deserialise_leaves`, for the `small` model's training state.
Each timing is the median of 5 runs.
"""
import os
import statistics
import tempfile
import time
from pathlib import Path

import equinox as eqx
import jax
import numpy as np

from alphaearth_nb.checkpoint import load_checkpoint, save_checkpoint
from alphaearth_nb.model import AlphaEarth, preset
from alphaearth_nb.scene import load_scene
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.train import TrainConfig, init_state, make_optimizer


def median_time(fn, n=5):
    ts = []
    for _ in range(n):
        t = time.perf_counter(); fn(); ts.append(time.perf_counter() - t)
    return statistics.median(ts)


def main():
    print(f"load average (1, 5, 15 min): {os.getloadavg()}")
    stack = load_scene()[0]
    lazy = stack.chunk({"y": 50, "x": 50})
    schema = median_time(lambda: validate_stack(stack, check_values=False))
    full = median_time(lambda: validate_stack(stack))
    lazy_schema = median_time(lambda: validate_stack(lazy, check_values=False))
    lazy_full = median_time(lambda: validate_stack(lazy))
    compute_all = median_time(lambda: [n.to_dataset().compute() for n in lazy.children.values()], n=3)
    print(f"validate_stack eager: schema {schema * 1e3:.1f} ms, + value/unit checks {full * 1e3:.1f} ms "
          f"(ratio {full / schema:.2f})")
    print(f"validate_stack lazy:  schema {lazy_schema * 1e3:.1f} ms, + sampled checks {lazy_full * 1e3:.1f} ms "
          f"(ratio {lazy_full / lazy_schema:.2f}); computing every band instead: {compute_all * 1e3:.0f} ms "
          f"(sampled / full read {lazy_full / compute_all:.3f})")

    # a bigger lazy source, generated chunk by chunk: the sampled checks stay flat, a full read grows with the area
    import dask.array as dka
    import xarray as xr
    for side in (512, 1024, 2048):
        t = np.arange("2024-01-01", "2024-12-31", 15, dtype="datetime64[D]").astype("datetime64[ns]")
        data = {b: (("time", "y", "x"), 300 + 3000 * dka.random.random((len(t), side, side), chunks=(1, 256, 256)))
                for b in ("B2", "B3", "B4", "B8", "B11", "B12")}
        ds = xr.Dataset(data, coords={"time": t, "y": 5e6 - 10 * np.arange(side) - 5, "x": 4e5 + 10 * np.arange(side) + 5},
                        attrs={"crs": "EPSG:32631"})
        big = xr.DataTree.from_dict({"sentinel2": ds})
        sampled = median_time(lambda: validate_stack(big), n=3)
        whole = median_time(lambda: ds["B4"].compute(), n=1) * len(data)
        print(f"lazy sentinel2 {len(t)} x {side} x {side} x 6 bands: sampled checks {sampled * 1e3:.0f} ms, "
              f"reading every band {whole * 1e3:.0f} ms (sampled / full read {sampled / whole:.3f})")

    cfg = TrainConfig()
    state = init_state(AlphaEarth(preset("small"), key=jax.random.key(0)), make_optimizer(cfg))
    like = eqx.filter_eval_shape(lambda: state)
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        def bare_save():
            with open(d / "bare.eqx", "wb") as f: eqx.tree_serialise_leaves(f, state)
        save = median_time(lambda: save_checkpoint(d / "ck", state, keep=1, step=1))
        bare = median_time(bare_save)
        size = (d / "bare.eqx").stat().st_size
        load = median_time(lambda: load_checkpoint(d / "ck", like))
        def bare_load():
            with open(d / "bare.eqx", "rb") as f: eqx.tree_deserialise_leaves(f, like)
        bare_l = median_time(bare_load)
    print(f"checkpoint of {size / 1e6:.1f} MB: save {save * 1e3:.0f} ms vs bare {bare * 1e3:.0f} ms "
          f"(ratio {save / bare:.2f}); load {load * 1e3:.0f} ms vs bare {bare_l * 1e3:.0f} ms (ratio {load / bare_l:.2f})")
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
