"""as_embedding of a lazy int8 map judges its sample and the sample of its declared no data by one read, kept by
pixels.read_once: a second call on the same map reads no chunk for its judgement (was: both samples computed on
every call). And read_once's kept reads change under a lock: threads reading many selections at once lose none and
raise nothing (was: two evicting at once, one found the dict emptied: StopIteration)."""
import threading

import dask.array as dsa
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb import pixels
from alphaearth_nb.embeddings import as_embedding

READS = []


class Counted:
    "An array that counts the blocks read from it (a store's chunks)."
    def __init__(self, a): self.a, self.shape, self.dtype, self.ndim = a, a.shape, a.dtype, a.ndim
    def __getitem__(self, k):
        READS.append(k)
        return self.a[k]


def _map(nodata=True):
    rng = np.random.default_rng(0)
    v = rng.normal(size=(8, 8, 64))
    codes = np.clip(np.round(v / np.linalg.norm(v, axis=-1, keepdims=True) * 127), -127, 127).astype(np.int8)
    codes[0, 0] = -128
    d = dsa.from_array(Counted(codes), chunks=(4, 4, 64), name="counted-int8-map")
    da = xr.DataArray(d, dims=("y", "x", "band"), coords={"y": np.arange(8.0)[::-1], "x": np.arange(8.0),
                                                         "band": [f"A{i:02d}" for i in range(64)]})
    return da.assign_attrs(nodata=-128) if nodata else da


@pytest.mark.filterwarnings("ignore:.*linear scaling")
def test_second_call_reads_no_chunk_to_judge():
    for nodata in (True, False):
        da = _map(nodata)
        first = as_embedding(da, dequantize=False)
        READS.clear()
        second = as_embedding(da, dequantize=False)
        assert READS == [], (nodata, len(READS))
        np.testing.assert_array_equal(first.values, second.values)
        assert int(first.values[0, 0, 0]) == -128 and (first.values[1:, 1:] != -128).all()


def test_read_once_under_threads():
    ds = [xr.DataArray(dsa.full((2, 2), i, chunks=1, name=f"sel-{i}"), dims=("y", "x")) for i in range(40)]
    errors, got = [], {}

    def run(k):
        try:
            for i in range(k, 40, 4): got[i] = pixels.read_once(ds[i])
        except Exception as e: errors.append(e)
    ts = [threading.Thread(target=run, args=(k,)) for k in range(4)]
    for t in ts: t.start()
    for t in ts: t.join()
    assert not errors and len(pixels._READ) <= pixels.READ_KEEP
    assert all((got[i] == i).all() for i in range(40))
