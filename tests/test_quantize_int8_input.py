"""`quantize_embedding` (and `.aef.quantize()`) of a map already in the official int8 form (the product's files,
or our own codes read back) gives its codes as they are (-128 where no data), as its docstring said: quantising is
idempotent. Was: DTypeError 'quantize expects float embeddings, got int8', the docstring saying "as it is". The
low-level `quantize.quantize` of integers still refuses (naming `dequantize`): an integer array has no scheme."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import DTypeError
from alphaearth_nb.embeddings import as_embedding, quantize_embedding
from alphaearth_nb.quantize import quantize
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture
def emb():
    e = embedding_from_array(random_unit((4, 5), seed=7))
    e[1, 2] = np.nan
    return e


def test_codes_are_given_back_as_they_are(emb):
    q = quantize_embedding(emb)
    again = quantize_embedding(q)
    xr.testing.assert_identical(again, q)
    assert again.dtype == np.int8 and again.attrs["nodata"] == -128 and (again.values[1, 2] == -128).all()


def test_the_accessor_and_an_official_tile_read_raw(emb):
    q = emb.aef.quantize()
    raw = q.to_dataset("band").drop_vars("spatial_ref", errors="ignore")   # the product's A00..A63 int8 variables
    got = quantize_embedding(raw)
    np.testing.assert_array_equal(got.values, q.values)
    np.testing.assert_array_equal(q.aef.quantize().values, q.values)
    np.testing.assert_allclose(as_embedding(got).values, as_embedding(q).values)


def test_the_array_function_still_refuses_integers():
    with pytest.raises(DTypeError, match=r"dequantize\(q\)"):
        quantize(np.zeros((2, 64), np.int8))
