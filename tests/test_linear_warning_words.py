"""The warning for a linear int8 scaling, round(127 x), names the fix for what was given (rows.warn_linear): a map's
pixels keep 'a map stored as those floats', a table's rows (table_codes, linear_rows: `aef evaluate --embeddings
x.csv`) name the table's columns divided by 127, and vectors handed in (gate_query) name `v.astype('float32') / 127`.
Was: 'a map stored as those floats is read without this warning' for rows and queries too."""
import warnings

import numpy as np
import pytest

from alphaearth_nb.core import UnitsWarning
from alphaearth_nb.gate import gate_query, gated, linear_rows, table_codes
from alphaearth_nb.testing import embedding_from_array, random_unit


def _said(fn, *a, **kw) -> str:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        fn(*a, **kw)
    got = [str(x.message) for x in w if issubclass(x.category, UnitsWarning) and "linear scaling" in str(x.message)]
    assert len(got) == 1, [str(x.message) for x in w]
    return got[0]


@pytest.fixture(scope="module")
def lq():
    "Rows (4, 64) of round(127 x) of unit vectors x: lengths 127 +- 3%, a linear int8 scaling."
    return np.round(random_unit((4,), seed=7) * 127).astype(np.int16)


def test_table_rows_are_told_to_divide_the_table(lq):
    for said in (_said(table_codes, lq), _said(linear_rows, lq.astype(np.float64))):
        assert "4 of 4 row(s)" in said and "a map" not in said
        assert "divide the table's 64 columns by 127" in said and "a table stored as those floats" in said


def test_a_query_is_told_to_divide_the_vector(lq):
    said = _said(gate_query, lq[:2], what="similarity query")
    assert "2 of 2 similarity query(s)" in said and "a map" not in said
    assert "`v.astype('float32') / 127`: similarity queries of those floats" in said


def test_a_map_keeps_its_words(lq):
    emb = embedding_from_array(lq.reshape(2, 2, 64).astype(np.int8))
    said = _said(gated, emb)
    assert "4 of 4 pixel(s)" in said and "a map stored as those floats" in said and "table" not in said
