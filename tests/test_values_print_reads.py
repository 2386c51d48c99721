"""`run_data._values_print` (a run's data fingerprint, read at every start and resume) sampled 12 indices of every
dimension, windows at start/middle/end of each taken as an outer product: on a stack stored one frame a chunk, 12 frames
x 3 x 3 windows, ~100 chunk reads a variable, where its docstring said "a few chunks". Now 3 windows a variable (start,
middle, end of every dimension at once), each inside one chunk of the store: 3 chunk reads a variable, counted here on
a dask array that counts the chunks it hands out; a changed value in a sampled window still changes the print."""
import dask.array as da
import numpy as np
import xarray as xr

from alphaearth_nb.run_data import _values_print


class Counted:
    "An array that counts its reads (dask's `from_array` reads it a chunk at a time)."
    def __init__(self, a): self.a, self.shape, self.dtype, self.ndim, self.reads = a, a.shape, a.dtype, a.ndim, []
    def __getitem__(self, key):
        self.reads.append(key)
        return self.a[key]


def _stack(values, chunks=(1, 16, 16)):   # one frame a chunk, as the usual S2 zarr
    c = Counted(values)
    arr = da.from_array(c, chunks=chunks, asarray=False, name="counted")
    times = np.arange(values.shape[0]).astype("datetime64[D]")
    return xr.Dataset({"B2": (("time", "y", "x"), arr)}, coords={"time": times}), c


def test_three_chunk_reads_a_variable():
    values = np.arange(24 * 64 * 64, dtype="float32").reshape(24, 64, 64)
    ds, c = _stack(values)
    _values_print(ds)
    reads = [k for k in c.reads if all(s.stop > s.start for s in k)]   # not dask's empty look at the dtype
    assert len(reads) == 3, len(reads)   # was 108: 12 frames x 3 x 3 windows, a chunk each


def test_the_print_is_the_files_however_it_is_opened_and_sees_a_change():
    values = np.arange(24 * 64 * 64, dtype="float32").reshape(24, 64, 64)
    ds, _ = _stack(values)
    ds["B2"].encoding["preferred_chunks"] = {"time": 1, "y": 16, "x": 16}   # as xarray opens a zarr
    loaded = ds.load()
    assert _values_print(loaded) == _values_print(_stack(values)[0].assign(B2=lambda d: d.B2.copy()).pipe(
        lambda d: (d["B2"].encoding.update(preferred_chunks={"time": 1, "y": 16, "x": 16}), d)[1]))
    changed = values.copy()
    changed[12, 32, 32] += 1   # the middle window's corner
    assert _values_print(_stack(changed)[0]) != _values_print(_stack(values)[0])
