"""Kind A: a table of int8 codes kept in uint16 (shifted by 128, or the bytes read unsigned; a fill row of 65535) is
indexed and searched as the int8 codes, as maps and `byte_codes` read such values."""
import numpy as np
import pytest

from alphaearth_nb import index as ix
from alphaearth_nb.core import NoDataWarning, UnitsWarning
from alphaearth_nb.quantize import quantize
from alphaearth_nb.testing import random_unit


@pytest.mark.parametrize("shifted", [False, True])
def test_uint16_code_table_searches_as_its_codes(shifted):
    """exact_search / vectors_of of a uint16 table of the codes: DTypeError 'codes must lie in [-128, 127], found
    [44, 212]' (uint8 tables were read by meaning; uint16 ones not). Right: the int8 table's neighbours and scores,
    the fill row of 65535 left out as no data (never a neighbour)."""
    codes = np.asarray(quantize(random_unit((40,), seed=21)))
    t = ((codes.astype(np.int16) + 128) if shifted else codes.view(np.uint8)).astype(np.uint16)
    t[7] = 65535   # a fill row
    want_i, want_s = ix.exact_search(np.where(np.arange(40)[:, None] == 7, -128, codes).astype(np.int8), codes[:5], k=2)
    with pytest.warns(UnitsWarning):
        got_i, got_s = ix.exact_search(t, codes[:5], k=2)
    np.testing.assert_array_equal(got_i, want_i)
    np.testing.assert_array_equal(got_s, want_s)
    assert (got_i[:, 0] == np.arange(5)).all() and 7 not in got_i
    with pytest.warns(UnitsWarning), pytest.warns(NoDataWarning):   # codes read as bytes; the fill row left out
        rows = ix.vectors_of(t)
    assert 7 not in rows.ids.tolist() and len(rows.ids) == 39
    np.testing.assert_array_equal(rows.vectors, np.delete(codes, 7, 0))
