"""`units.sample_values` and `units.frame_samples` (the values the units checks judge, read from a lazy array a few
chunks at a time) compute those chunks on a graph of their own under a dask.distributed client (`dask_keys.compute_own`),
so a compute of the same array the scheduler still holds (a user's `persist`, optimised: its tasks fused under the
array's keys) cannot collide with them. Was: the chunks were computed unoptimised on the array's own keys
(`unit_samples.py` ~55 and ~133): the scheduler logged "Detected different `run_spec` for key ..." (dask/dask#9888,
the race `dask_keys` fixes for to_cog, tiles and embed). A persisted array held by the client makes it certain."""

import numpy as np
import pytest

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
import dask.array as darr  # noqa: E402
import xarray as xr  # noqa: E402

from alphaearth_nb.unit_samples import frame_samples, sample_values  # noqa: E402


def _lazy_frames(seed=0):
    "A lazy (time, y, x) band (4 frames of 64 x 48, 16-pixel chunks) made as readers make one: transposed, scaled."
    raw = darr.from_array(np.random.default_rng(seed).uniform(0, 1e4, size=(64, 48, 4)), chunks=(16, 16, 2))
    return xr.DataArray(raw.transpose(2, 0, 1) * 1e-4, dims=("time", "y", "x"))


def _held(client, da):
    held = client.persist(da.data)   # an optimised compute of the same array, alive in the scheduler
    distributed.wait(held)
    return held


def test_sample_values_never_meets_a_persisted_array_s_keys(watched_client):
    client, said = watched_client
    da = _lazy_frames()
    held = _held(client, da)
    for _ in range(3):
        v = sample_values(da, max_chunks=6)
        assert v.size and np.isin(v, da.values.ravel()).all()   # values of the array, nothing else
    assert "Detected different `run_spec`" not in said.getvalue(), said.getvalue()[:2000]
    del held


def test_frame_samples_never_meets_a_persisted_array_s_keys(watched_client):
    client, said = watched_client
    da = _lazy_frames(1)
    bands = xr.Dataset({"a": da, "b": da * 2})
    held = [_held(client, bands[v]) for v in bands.data_vars]
    for _ in range(2):
        got = frame_samples(bands, n=64, enough=10_000, max_chunks=4)   # more than a chunk has: reads several chunks
        assert len(got) == 2 and all(g.shape[0] == 4 for g in got)
        for g, src in zip(got, (da, da * 2)):
            for t in range(4):
                row = g[t][np.isfinite(g[t])]
                assert row.size and np.isin(row, src.values[t].ravel()).all()
    assert "Detected different `run_spec`" not in said.getvalue(), said.getvalue()[:2000]
    del held
