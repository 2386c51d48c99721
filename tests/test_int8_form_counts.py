"""The int8 form of a map (`as_embedding(emb, dequantize=False)`, which `.aef.dequantize` and an index's rows read
through, `codes.int8_form`) never applied the counts check of the float form's gate (`rows.count_values`): a uint8
map of counts past 127 became all -128 with a NoDataWarning, and int16 counts 0..99 a map of codes. The one rule now
holds in both forms: such a map is a `DTypeError` naming counts; the product's codes stored as bytes still give
their codes, and bytes the file (our AEF_QUANTIZATION tag) or the call (`from_official`) says are codes are codes."""
import warnings

import numpy as np
import pytest

from alphaearth_nb.core import DTypeError, NoDataWarning
from alphaearth_nb.embeddings import INT8_SCHEME, TIFF_SCHEME, as_embedding, from_official
from alphaearth_nb.quantize import quantize
from alphaearth_nb.testing import embedding_from_array, random_unit

RNG = np.random.default_rng(11)


@pytest.mark.parametrize("lazy", [False, True])
@pytest.mark.parametrize("dtype,lo,hi", [("uint8", 128, 256), ("uint8", 0, 256), ("int16", 0, 100)])
def test_counts_are_refused_in_the_int8_form_as_in_the_float_form(lazy, dtype, lo, hi):
    a = RNG.integers(lo, hi, (20, 20, 64)).astype(dtype)
    da = embedding_from_array(a)
    if lazy: da = da.chunk({"y": 10, "x": 10})
    for dequantize in (True, False):
        with pytest.raises(DTypeError, match=f"this map holds {dtype} values {a.min()}..{a.max()}") as e:
            as_embedding(da, dequantize=dequantize)
        assert "counts" in str(e.value)


@pytest.mark.parametrize("lazy", [False, True])
def test_the_products_codes_as_bytes_keep_their_codes(lazy):
    q = np.asarray(quantize(random_unit((20, 20), seed=5)))
    da = embedding_from_array(q.view(np.uint8))
    if lazy: da = da.chunk({"y": 10, "x": 10})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # the reading is named (UnitsWarning)
        got = as_embedding(da, dequantize=False).values
    assert got.dtype == np.int8 and (got == q).all()


def test_bytes_said_to_be_codes_stay_codes_in_the_int8_form():
    a = RNG.integers(128, 256, (6, 5, 64)).astype(np.uint8)
    tagged = embedding_from_array(a).assign_attrs({TIFF_SCHEME: INT8_SCHEME})
    for read in (lambda: as_embedding(tagged, dequantize=False),
                 lambda: from_official(embedding_from_array(a), dequantize=False)):
        with pytest.warns(NoDataWarning):
            got = read().values
        assert (got == -128).all()   # no code of a unit vector: no data, as the float form reads them (NaN)
