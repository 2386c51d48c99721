"explorer.query_rule reads its examples through every query's gate (field case A4's kind)."
import numpy as np
import pytest

from alphaearth_nb.core import NoValidDataError
from alphaearth_nb.explorer import query_rule
from alphaearth_nb.gate import gate_query
from alphaearth_nb.quantize import dequantize, quantize
from alphaearth_nb.testing import random_unit


def _rule(p, n):
    "The documented rule by hand: normalise(mean(unit p) - mean(unit n))."
    u = lambda a: a / np.linalg.norm(a, axis=1, keepdims=True)
    q = u(np.asarray(p, np.float64)).mean(0) - u(np.asarray(n, np.float64)).mean(0)
    return q / np.linalg.norm(q)


def test_int8_examples_are_dequantised():
    """Examples as the official int8 codes (a quantised map's pixels, an export's rows) were normalised as raw codes:
    the query was 0.08 off the one of their vectors. Right: the rule applied to the dequantised vectors."""
    x = random_unit((4,), 2).astype(np.float32)
    q = np.asarray(quantize(x))
    want = _rule(dequantize(q[:2]), dequantize(q[2:]))
    np.testing.assert_allclose(query_rule(q[:2], q[2:]), want, atol=1e-6)
    np.testing.assert_allclose(query_rule(q[0], None), dequantize(q[:1])[0] / np.linalg.norm(dequantize(q[:1])), atol=1e-6)


@pytest.mark.parametrize("bad", [np.full(64, np.nan, np.float32), np.full(64, -128, np.int8),
                                 np.zeros(64, np.float32), np.full(64, 0.125, np.float32)])
def test_an_example_with_no_data_is_refused(bad):
    """A NaN positive made the query NaN and was told 'positives and negatives cancel out'; a row of -128 (the int8
    fill) was taken as a direction. Right: `NoValidDataError`, for positives and negatives alike."""
    x = random_unit((3,), 4).astype(np.float32)
    with pytest.raises(NoValidDataError, match="example"):
        query_rule(np.stack([x[0], bad.astype(np.float32)]), x[1:])
    with pytest.raises(NoValidDataError, match="negative example"):
        query_rule(x[:2], bad[None])


def test_a_query_that_is_no_embedding_names_queries_in_the_plural():
    "gate.gate_query words its count in English: '1 of 1 similarity queries' (was 'similarity querys')."
    with pytest.raises(NoValidDataError, match="1 of 1 similarity queries are not") as e:
        gate_query(np.full((1, 64), np.nan), (), "similarity query")
    assert "querys" not in str(e.value)
    with pytest.raises(NoValidDataError, match="1 of 2 rows are not"):
        gate_query(np.r_[random_unit((1,), seed=1), np.zeros((1, 64))], (), "row")
