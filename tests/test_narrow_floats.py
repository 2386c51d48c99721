"""bands.narrow_floats (6882143), the one reading of JAX's narrow floats, directly: ml_dtypes' bfloat16 and float8
(numpy kind 'V') become float32 with their values, NaN kept, arrays and DataArrays (lazy ones lazily) alike; every
other dtype, numpy's own void and structured types among them, is returned as it is (the same object)."""
import numpy as np
import pytest
import xarray as xr

ml_dtypes = pytest.importorskip("ml_dtypes")
from alphaearth_nb.bands import narrow_floats


@pytest.mark.parametrize("dtype", [ml_dtypes.bfloat16, ml_dtypes.float8_e4m3fn, ml_dtypes.float8_e4m3fnuz])
def test_narrow_floats_become_their_float32_values(dtype):
    a = np.array([0.5, -1.25, 2.0, np.nan], np.float32).astype(dtype)
    assert a.dtype.kind == "V"   # why a `kind == 'f'` check missed them
    got = narrow_floats(a)
    assert got.dtype == np.float32
    np.testing.assert_array_equal(got, a.astype(np.float32))
    assert np.isnan(got[-1])
    da = xr.DataArray(a, dims="band")
    assert narrow_floats(da).dtype == np.float32 and isinstance(narrow_floats(da), xr.DataArray)
    lazy = narrow_floats(da.chunk())
    assert lazy.chunks is not None and lazy.dtype == np.float32
    np.testing.assert_array_equal(lazy.values, got)


@pytest.mark.parametrize("a", [np.zeros(3, np.float16), np.zeros(3, np.float64), np.zeros(3, np.int8),
                               np.zeros(3, np.uint16), np.zeros(3, "V4"), np.zeros(3, [("a", "f4")]),
                               np.array(["x"]), [1.0, 2.0], 3.0])
def test_other_dtypes_are_left_as_they_are(a):
    assert narrow_floats(a) is a


def test_a_narrow_float_numpy_calls_float_is_read_by_the_float_path():
    "ml_dtypes' float8_e5m2 is numpy kind 'f': left to the float path, which gives float32 maps of it as well."
    from alphaearth_nb.embeddings import as_embedding
    from alphaearth_nb.testing import embedding_from_array, random_unit
    a = random_unit((3, 3), seed=1).astype(ml_dtypes.float8_e5m2)
    assert a.dtype.kind == "f" and narrow_floats(a) is a
    assert as_embedding(embedding_from_array(a)).dtype == np.float32
