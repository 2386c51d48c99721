"""Kind A: maps and query vectors in the narrow floats JAX computes in (bfloat16, float8: ml_dtypes' types, which
numpy gives dtype kind 'V', not 'f') are floats, read as float32 ones are."""
import numpy as np
import pytest
import xarray as xr

ml_dtypes = pytest.importorskip("ml_dtypes")
from alphaearth_nb.analysis import classify, similarity
from alphaearth_nb.embeddings import as_embedding, from_official
from alphaearth_nb.gate import NORM_TOL
from alphaearth_nb.testing import embedding_from_array, fake_official, random_unit

NARROW = [ml_dtypes.bfloat16, ml_dtypes.float8_e4m3fn]


@pytest.mark.parametrize("dtype", NARROW)
def test_narrow_float_map_reads_as_its_float32_values(dtype):
    """`emb.astype(jnp.bfloat16)` (half the memory) then any map function: DTypeError 'embedding dtype bfloat16 is
    neither float nor int8' (it is a float). Right: the map's values as float32 (bfloat16's 3 significant digits
    keep each vector within 1% of unit length: no pixel refused), NaN no data kept, the same through xee's form."""
    v = random_unit((5, 4), seed=3)
    a = v.astype(dtype)
    a[1, 2] = np.nan
    want = a.astype(np.float32)
    got = as_embedding(embedding_from_array(a))
    assert got.dtype == np.float32
    n = np.linalg.norm(want, axis=-1, keepdims=True)   # float8 keeps 1 digit: a pixel off 1 beyond the codes' own
    want = np.where(np.abs(n - 1) > NORM_TOL, want / n, want)   # spread is a mean's length, rescaled (as float32 is)
    np.testing.assert_allclose(got.values, want, rtol=1e-6)
    np.testing.assert_array_equal(np.isnan(got.values).any(-1), np.isnan(want).any(-1))
    np.testing.assert_array_equal(from_official(fake_official(embedding_from_array(a))).values, got.values)


@pytest.mark.parametrize("dtype", NARROW)
def test_narrow_float_query_is_a_vector(dtype):
    """`similarity(emb, v.astype(bfloat16))` or a JAX bfloat16 vector: DimensionError 'got 64 values of bfloat16
    against the map's vectors of 64' (it is 64 values). Right: the cosine with the vector's float32 values, about 1
    at the pixel it came from."""
    v = random_unit((5, 4), seed=4)
    emb = embedding_from_array(v)
    q = v[2, 3].astype(dtype)
    s = similarity(emb, q)
    u = q.astype(np.float64) / np.linalg.norm(q.astype(np.float64))
    want = np.einsum("hwc,c->hw", v.astype(np.float64), u)
    np.testing.assert_allclose(s.values, want, atol=1e-6)
    assert int(np.argmax(s.values)) == 2 * 4 + 3


def test_jax_bfloat16_map_and_query():
    "A map computed by JAX in bfloat16 (jax.Array wrapped in a DataArray) and a JAX bfloat16 query: read as float32."
    jnp = pytest.importorskip("jax.numpy")
    v = random_unit((4, 4), seed=5)
    emb = embedding_from_array(np.asarray(jnp.asarray(v, jnp.bfloat16)))
    s = similarity(emb, jnp.asarray(v[1, 1], jnp.bfloat16))
    assert s.dtype == np.float64 and abs(float(s.values[1, 1]) - 1) < 1e-6
    lab = xr.DataArray(np.where(np.arange(16).reshape(4, 4) % 2, 1, 2), dims=("y", "x"), coords={"y": emb.y, "x": emb.x})
    assert (classify(emb, lab, k=1)["class"].values == lab.values).all()   # each pixel its own nearest
