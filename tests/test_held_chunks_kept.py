"""Where `pixels.held` keeps the chunks it read (session 56's re-read, /work/notes/s56/r1.md-r3.md). Under a
dask.distributed client it pulled them to the client and `_with_blocks` put them into every later graph as numpy
literals: each compute of the map or its result sent them back to the scheduler (r2's repro: graphs of 16 MiB grew to
32 MiB, "Sending large graph"). Now they are persisted on the workers and the graph holds their futures. After a
refused call `_HELD` kept the refused map's chunks whole (up to ~256 MB a float32 year); now one value a chunk, made
again by a retry (which still reads none). `held` renames xee's dims itself (was: 4 call sites wrote
`held(rename_spatial(...))`, and per_year's Dataset with X/Y held nothing)."""
import warnings

import dask
import dask.array as dsa
import numpy as np
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb import pixels
from alphaearth_nb.core import NoValidDataError
from alphaearth_nb.testing import embedding_from_array, random_unit


def _lazy(side=128, chunk=64, nan=False, reads=None):
    "A lazy float32 map (side x side x 64) made by `map_blocks` (no data in its graph), its chunk reads counted."
    def block(block_info=None):
        (y0, y1), (x0, x1) = block_info[None]["array-location"][:2]
        if reads is not None: reads.append((y0, x0))
        v = random_unit((y1 - y0, x1 - x0), y0 * 1000 + x0)
        return np.full_like(v, np.nan) if nan else v
    data = dsa.map_blocks(block, chunks=((chunk,) * (side // chunk), (chunk,) * (side // chunk), (64,)),
                          dtype="float32", name=f"lazy-{side}-{chunk}-{nan}-{id(reads)}")
    m = embedding_from_array(np.zeros((side, side, 64), "float32"))
    return m.copy(data=data)


def _literals(x) -> int:
    "Bytes of the numpy arrays held as values in dask array `x`'s graph."
    return sum(v.nbytes for v in dict(x.__dask_graph__()).values() if isinstance(v, np.ndarray))


def test_held_chunks_stay_on_the_workers(watched_client):
    client, _ = watched_client
    m = _lazy()   # 4 chunks of 1 MiB, all under the sample
    q = random_unit((1, 1), 5)[0, 0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        want = aef.similarity(m, q).values   # numpy chunks in the graph: as it was computed on main
    h = pixels.held(m)
    assert h.data is not m.data and _literals(h.data) == 0, _literals(h.data)   # was 4 MiB of numpy literals
    np.testing.assert_array_equal(h.values, m.values)
    with dask.config.set({"distributed.admin.large-graph-warning-threshold": "1MB"}), \
            warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        got = aef.similarity(m, q)
        assert _literals(got.data) == 0
        got = got.values
    large = [str(w.message) for w in said if "Sending large graph" in str(w.message)]
    assert not large, large   # was: each compute after the hold sent the 4 MiB of chunks
    np.testing.assert_allclose(got, want, rtol=1e-6)


def test_a_refused_map_keeps_one_value_a_chunk():
    reads = []
    m = _lazy(nan=True, reads=reads)
    q = random_unit((1, 1), 5)[0, 0]
    with pytest.raises(NoValidDataError):
        aef.similarity(m, q)
    first = len(reads)
    assert first == 4, reads
    kept = [f for _, fills in pixels._HELD.values() for f in fills]
    assert len(kept) == 4 and all(np.isnan(v) and s == (64, 64, 64) for v, s, _ in kept), kept   # was the chunks, 4 MiB
    with pytest.raises(NoValidDataError):
        aef.similarity(m, q)
    assert len(reads) == first, reads   # a retry reads none
    h = pixels.held(m)
    assert np.isnan(h.values).all() and h.values.dtype == np.float32 and len(reads) == first


def test_held_takes_xees_dims():
    reads = []
    m = _lazy(reads=reads)
    ds = m.to_dataset("band").rename(x="X", y="Y")   # xee's own names
    h = pixels.held(ds)
    assert len(reads) == 4 and set(h.dims) == set(ds.dims) and h["A00"].dims == ("Y", "X")
    got = h.compute()
    assert len(reads) == 4, reads   # all of it held: none read again (was: nothing held with X/Y dims)
    xr.testing.assert_equal(got, ds.compute())
