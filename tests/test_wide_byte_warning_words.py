"""The warning that reads bytes as int8 codes names them by what they are for every unsigned type it reads (dc0f8f9
read uint16 codes too): 'unsigned values above 127 are no int8 code', not 'uint8 values' for a uint16 table or map;
the cast it names still gives the codes."""
import warnings

import numpy as np
import pytest

from alphaearth_nb.core import UnitsWarning
from alphaearth_nb.embeddings import as_embedding, byte_codes
from alphaearth_nb.quantize import quantize
from alphaearth_nb.testing import embedding_from_array, random_unit


def _codes():
    return np.asarray(quantize(random_unit((6, 5), seed=1))).astype(np.int8)


@pytest.mark.parametrize("dtype", [np.uint8, np.uint16])
def test_byte_reading_warning_names_unsigned_values(dtype):
    q = _codes()
    shifted = (q.astype(np.int16) + 128).astype(dtype)
    with pytest.warns(UnitsWarning, match="no int8 code") as rec:
        got = byte_codes(shifted.reshape(-1, 64))
    words = " ".join(str(w.message) for w in rec)
    assert "unsigned values above 127 are no int8 code" in words and "uint8 values" not in words
    np.testing.assert_array_equal(got, q.reshape(-1, 64))
    with pytest.warns(UnitsWarning, match="unsigned values above 127"):
        as_embedding(embedding_from_array(shifted), dequantize=False)
    with warnings.catch_warnings():   # the cast it names: the codes, unwarned
        warnings.simplefilter("error")
        np.testing.assert_array_equal(shifted.astype("int16") - 128, q)
