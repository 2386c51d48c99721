"Tests of the official int8 embedding scheme (alphaearth_nb.quantize)."
import jax
import jax.numpy as jnp
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import AEFError, DTypeError
from alphaearth_nb.quantize import dequantize, quantize, roundtrip_bound, vector_roundtrip_bound


def _unit(n, d=64, seed=0):
    u = np.random.default_rng(seed).standard_normal((n, d)).astype(np.float32)
    return u / np.linalg.norm(u, axis=1, keepdims=True)


def test_formula_by_hand():
    # sqrt(0.01) * 127.5 = 12.75 -> 13; sqrt(0.5) * 127.5 = 90.16 -> 90; 1.5 saturates at 127
    x = np.array([0.01, -0.01, 0.5, -1.5, 0.0, np.nan])
    assert quantize(x).tolist() == [13, -13, 90, -127, 0, -128]
    assert quantize(x).dtype == np.int8
    back = dequantize(np.array([13, -13, 90, 0], np.int8))
    np.testing.assert_array_equal(back, np.float32([(13 / 127.5) ** 2, -(13 / 127.5) ** 2, (90 / 127.5) ** 2, 0.0]))


def test_every_code_round_trips_and_nodata_is_nan():
    codes = np.arange(-128, 128).astype(np.int8)
    x = dequantize(codes)
    assert x.dtype == np.float32 and x.shape == (256,)
    assert np.isnan(x[0]) and not np.isnan(x[1:]).any()
    assert (quantize(x) == codes).all()
    assert np.all(np.diff(x[1:]) > 0)  # monotone codes


def test_jax_matches_numpy_bitwise_under_jit():
    u = _unit(256)
    u[0, :3] = np.nan
    qn = quantize(u)
    qj = jax.jit(quantize)(jnp.asarray(u))
    assert isinstance(qj, jax.Array) and qj.dtype == jnp.int8
    np.testing.assert_array_equal(np.asarray(qj), qn)
    dj = np.asarray(jax.jit(dequantize)(qj))
    np.testing.assert_array_equal(dj, dequantize(qn))  # NaN positions equal too


def test_random_unit_vectors_within_derived_bound():
    u = _unit(50_000, seed=1)
    back = dequantize(quantize(u))
    err = np.abs(back - u)
    bound = roundtrip_bound(u)
    assert (err <= bound + 1e-6).all()
    assert (err / bound).max() > 0.95  # the derived bound is tight, not loose
    assert np.linalg.norm(back - u, axis=1).max() <= vector_roundtrip_bound(64) + 1e-6
    assert abs(vector_roundtrip_bound(64) - 0.0223) < 5e-4


def test_official_samples_round_trip_exactly(shared_data):
    files = sorted((shared_data / "aef_samples").glob("*.csv"))
    assert len(files) == 3
    emb = pd.concat([pd.read_csv(f) for f in files])[[f"A{i:02d}" for i in range(64)]].to_numpy()
    q = quantize(emb)
    np.testing.assert_array_equal(dequantize(q), emb.astype(np.float32))
    np.testing.assert_array_equal(np.sign(q) * (q / 127.5) ** 2, emb)  # the formula in float64 is exact too
    np.testing.assert_array_equal(quantize(emb.astype(np.float32)), q)


def test_xarray_keeps_dims_and_laziness():
    da = xr.DataArray(_unit(6).reshape(2, 3, 64), dims=("y", "x", "band"), coords={"y": [1.0, 0.0]}, attrs={"a": 1})
    qa = quantize(da.chunk({"y": 1}))
    assert qa.chunks is not None and qa.dtype == np.int8 and qa.attrs["nodata"] == -128 and qa.attrs["a"] == 1
    back = dequantize(qa)
    assert back.chunks is not None and "nodata" not in back.attrs
    np.testing.assert_array_equal(back.values, dequantize(quantize(da.values)))
    assert back.y.values.tolist() == [1.0, 0.0]


def test_errors_name_the_fix():
    with pytest.raises(DTypeError, match=r"dequantize\(q\)"):
        quantize(np.array([1, 2], np.int8))
    with pytest.raises(DTypeError, match="astype\\('int8'\\)"):
        dequantize(np.array([0.5, np.nan]))
    with pytest.raises(AEFError, match=r"view\('int8'\)"):
        dequantize(np.array([255], np.uint8))
