"""as_embedding's int8 form judges a scaled integer map on a spread sample, never a float64 copy of the map
(0703faa's check read the whole map as float64: 24x an int8 map's bytes at its peak)."""
import tracemalloc
import numpy as np, pytest, xarray as xr
from alphaearth_nb.core import DTypeError
import alphaearth_nb.embeddings as E
from alphaearth_nb.embeddings import as_embedding

def _map(n, scale=None, seed=0):
    v = np.random.default_rng(seed).standard_normal((n, n, 64), np.float32); v /= np.linalg.norm(v, axis=-1, keepdims=True)
    q = np.round(v * scale) if scale else np.clip(np.round(v * 127.5 * 3), -127, 127)
    return xr.DataArray(q.astype(np.int8 if not scale else np.int16), dims=("y", "x", "band"),
                        coords={"y": np.arange(n) * -10.0, "x": np.arange(n) * 10.0})

def test_codes_read_without_a_float64_copy_of_the_map():
    da = _map(800)                                      # 41 MB of codes, 12x SCALE_ROWS pixels
    tracemalloc.start()
    try:
        out = as_embedding(da, dequantize=False); peak = tracemalloc.get_traced_memory()[1]
    finally: tracemalloc.stop()
    assert out.dtype == np.int8 and out.shape == da.shape
    assert peak < 8 * da.nbytes, f"peak {peak / da.nbytes:.1f}x the map's bytes: a float64 copy is 8x"

def test_a_map_larger_than_the_sample_is_still_judged_scaled():
    n = int(np.ceil(np.sqrt(getattr(E, "SCALE_ROWS", 65_536)))) + 20          # more pixels than SCALE_ROWS
    with pytest.raises(DTypeError, match="scaled by 100"):
        as_embedding(_map(n, scale=100), dequantize=False)
