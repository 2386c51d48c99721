"""`to_cog` of a lazy map under a dask.distributed client computes each window on a graph of its own (its tasks
alone, under keys new at each window: `cog_files._own_keys`), so another compute of the same map whose keys the
scheduler still holds (gate's sample read inside `as_embedding`, a user's `persist`, the window before) cannot
collide with it. Was: windows computed unoptimised on the map's own keys, while gate's sample read (and a user's
persist) had them optimised, i.e. fused into other tasks: the scheduler logged "Detected different `run_spec` for
key ..." and a window failed with KeyError (dask/dask#9888; session 45's final CI, test_official's
test_distributed_client_path under load: KeyError ('transpose-...', 0, 0, 1, 0)). Here it fails every time: a
persisted map held by the client makes the collision certain."""

import numpy as np
import pytest
import rasterio
import xarray as xr

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
import dask.array as darr  # noqa: E402

from alphaearth_nb.exports import to_cog  # noqa: E402
from alphaearth_nb.quantize import quantize  # noqa: E402


def _lazy_map(seed=0):
    "A lazy embedding (96 x 80 pixels, 16-pixel chunks) made as a reader makes one: bands first, transposed, unit."
    raw = darr.from_array(np.random.default_rng(seed).normal(size=(64, 96, 80)).astype("float32"), chunks=(64, 16, 16))
    t = raw.transpose(1, 2, 0)
    unit = t / darr.sqrt((t ** 2).sum(-1, keepdims=True))
    return xr.DataArray(unit, dims=("y", "x", "band"), attrs={"crs": "EPSG:32631"},
                        coords={"y": 5e6 - 10 * np.arange(96) - 5, "x": 5e5 + 10 * np.arange(80) + 5,
                                "band": [f"A{i:02d}" for i in range(64)]})


def test_windows_never_meet_the_keys_of_another_compute_of_the_map(tmp_path, watched_client):
    "30 windows and their overviews, three times over, while the client holds the map persisted (fused tasks under " \
    "the map's keys): every write succeeds, holds the map's codes, and the scheduler saw no key twice."
    client, said = watched_client
    emb = _lazy_map()
    held = client.persist(emb.data)   # an optimised compute of the same map, alive in the scheduler
    distributed.wait(held)
    for i in range(3):
        p = to_cog(emb, tmp_path / f"m{i}.tif", blocksize=16)
        with rasterio.open(p) as f:
            got = np.moveaxis(f.read(), 0, -1)
        np.testing.assert_array_equal(got, np.asarray(quantize(emb.values), np.int8))
    assert "Detected different `run_spec`" not in said.getvalue(), said.getvalue()[:2000]

