"""`embed_to_zarr` of a lazy stack under a dask.distributed client computes its tile sums, a few chunks at a time
(`embed._write_rows`), on a graph of their own (`dask_keys.compute_own`), so they never meet the keys of another
compute of the same stack that the scheduler still holds: a user's `client.compute(emb)` of `embed(stack, ...)`, or
the live map's tiles of it, running while the store is written. Was: each group of chunks computed on the stack's own
keys, optimised: culled to those chunks, dask fused the pieces of the stack's rechunk and overlap that feed only them
into keys that the whole map's graph holds unfused, so the scheduler logged "Detected different `run_spec`" (dask/
dask#9888: "failures and deadlocks down the line"), the race `to_cog` met (e80bb8d2). Here it happens every time: the
other compute is held in the scheduler behind a busy worker for the whole write."""
import time

import numpy as np
import pytest
import xarray as xr

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")

from alphaearth_nb.embed import embed, embed_to_zarr  # noqa: E402


def test_written_chunks_never_meet_the_keys_of_another_compute_of_the_stack(embed_standin, tmp_path, watched_client):
    "The store holds the eager embedding, and the scheduler saw no key twice, while another compute of the same " \
    "stack's embedding waits on a busy worker."
    client, said = watched_client
    stack = embed_standin.make_stack(36, 36)
    model = embed_standin.model_on(embed_standin.make_stack(8, 8))
    want = embed(stack, model, 2024, progress=False).values
    lazy = stack.chunk({"y": 12, "x": 12})
    busy = sorted(client.scheduler_info()["workers"])[0]
    nap = client.submit(time.sleep, 1, workers=[busy], pure=False)   # the other compute waits behind it
    other = client.compute(embed(lazy, model, 2024, chunks=12).data, workers=[busy], allow_other_workers=False)
    p = embed_to_zarr(lazy, model, 2024, tmp_path / "e.zarr", progress=False, chunks=12, chunks_per_write=2)
    np.testing.assert_allclose(other.result(), want, atol=1e-5)
    nap.result()
    np.testing.assert_allclose(xr.open_zarr(p, consolidated=False)["embedding"].values, want, atol=1e-5)
    log = said.getvalue()
    assert "Detected different `run_spec`" not in log, log[log.find("Detected"):][:2000]
