"""A lazy map's gates read its sample once: a second gate of the same map (gated, a uint8 map's reading) reads no
chunk, the values kept by the map's dask token (`pixels.read_once`). Was: every call read the nine windows again
(a remote map: its chunks fetched again for each check). Another map, or another selection of it, is read anew."""

import warnings

import dask.array as dsa
import numpy as np

from alphaearth_nb.gate import gated, map_sample
from alphaearth_nb.pixels import READ_KEEP, read_once
from alphaearth_nb.quantize import quantize
from alphaearth_nb.testing import embedding_from_array, random_unit


class Counting:
    "An array that counts the reads of its chunks (what a remote store's fetches would be)."
    def __init__(self, a): self.a, self.reads, self.shape, self.dtype, self.ndim = a, 0, a.shape, a.dtype, a.ndim
    def __getitem__(self, k): self.reads += 1; return self.a[k]


def _lazy(values, seed=0):
    src = Counting(values)
    base = embedding_from_array(random_unit(values.shape[:2], seed=seed))
    da = base.copy(data=dsa.from_array(src, chunks=(100, 100, 64)))
    src.reads = 0   # dask reads an empty slice as it builds the array (its meta): no chunk
    return da, src


def test_a_second_gate_of_a_lazy_map_reads_nothing():
    da, src = _lazy(np.asarray(embedding_from_array(random_unit((300, 300), seed=1)).values))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        gated(da)
        first = src.reads
        gated(da)
    assert first > 0 and src.reads == first   # was 2 x first


def test_a_uint8_maps_reading_and_sample_are_read_once():
    codes = quantize(np.asarray(embedding_from_array(random_unit((300, 300), seed=2)).values))   # the product's codes
    da, src = _lazy(codes.view(np.uint8))   # int8 codes read unsigned, as GDAL before 3.7 gives them
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        gated(da)
        first = src.reads
        gated(da)
    assert first > 0 and src.reads == first


def test_another_map_or_selection_is_read_anew():
    v = np.asarray(embedding_from_array(random_unit((300, 300), seed=3)).values)
    a, sa = _lazy(v)
    b, sb = _lazy(v * 0.5)
    s1 = read_once(map_sample(a)); n = sa.reads
    assert n > 0 and sb.reads == 0
    assert np.array_equal(s1, map_sample(a.copy(data=v)).values)   # the eager map's sample, value for value
    s2 = read_once(map_sample(b))
    assert sb.reads > 0 and sa.reads == n and np.allclose(s2, 0.5 * s1)
    read_once(a.isel(y=slice(0, 10))); assert sa.reads > n        # another selection of the same map
    s1[:] = 0; assert np.array_equal(read_once(map_sample(a)), 2 * s2)   # a copy each time: the kept values stay
    assert READ_KEEP >= 2
