"""The live map's tile reads (`tiles.TileSampler.window`) of a lazy map under a dask.distributed client compute each
window on a graph of its own (`dask_keys.compute_own`), so a tile never meets the keys of another compute of the same
map that the scheduler still holds: a user's `persist` of the map, or the tiles the browser asks for at the same
time (the tile server answers each in its own thread). Was: each window read by `.values`, optimised: culled to the
window, dask fused a chunk's upstream tasks (the rechunk's or overlap's pieces that feed only this window) into keys
that the whole map's graph holds unfused, so the scheduler logged "Detected different `run_spec`" for them (dask/dask
#9888: "failures and deadlocks down the line"), the race `to_cog` met (e80bb8d2). Here it happens every time: a
persisted map held by the client makes the collision certain."""

import numpy as np
import pytest
import xarray as xr

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
import dask.array as darr  # noqa: E402

from alphaearth_nb.tiles import TileSampler  # noqa: E402


def _lazy_map(seed=0):
    "A lazy embedding (96 x 80 pixels) whose chunks read their neighbours' edges (an overlap, as `embed`'s map does)."
    raw = darr.from_array(np.random.default_rng(seed).normal(size=(96, 80, 64)).astype("float32"), chunks=(16, 16, 64))
    t = raw.map_overlap(lambda b: b + 0, depth={0: 1, 1: 1, 2: 0}, boundary="none")
    unit = t / darr.sqrt((t ** 2).sum(-1, keepdims=True))
    return xr.DataArray(unit, dims=("y", "x", "band"), attrs={"crs": "EPSG:32631"},
                        coords={"y": 5e6 - 10 * np.arange(96) - 5, "x": 5e5 + 10 * np.arange(80) + 5,
                                "band": [f"A{i:02d}" for i in range(64)]})


def test_tile_windows_never_meet_the_keys_of_another_compute_of_the_map(watched_client):
    "Windows (one slice each) and a zoomed-out point read while the client holds the map persisted: each holds the " \
    "map's vectors, and the scheduler saw no key twice."
    client, said = watched_client
    emb = _lazy_map()
    want = emb.values
    held = client.persist(emb.data)   # an optimised compute of the whole map, alive in the scheduler
    distributed.wait(held)
    s = TileSampler(emb)
    for r0, c0 in ((0, 0), (20, 30), (50, 60), (80, 10)):
        r = np.arange(r0, r0 + 12)[:, None] + np.zeros(10, int)[None]
        col = np.arange(c0, c0 + 10)[None] + np.zeros(12, int)[:, None]
        np.testing.assert_array_equal(s.window(r, col, np.ones(r.shape, bool)), want[r, col])
    rng = np.random.default_rng(1)   # zoomed out: more than 4 tiles of pixels, each distinct pixel read once
    r, col = rng.integers(0, 96, (520, 520)), rng.integers(0, 80, (520, 520))
    ok = rng.random(r.shape) < 0.9
    got = s.window(r, col, ok)
    np.testing.assert_array_equal(got[ok], want[r[ok], col[ok]])
    assert np.isnan(got[~ok]).all()
    assert "Detected different `run_spec`" not in said.getvalue(), said.getvalue()[:2000]
