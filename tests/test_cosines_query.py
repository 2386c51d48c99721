"gate.cosines refuses a query with no direction or of another length than the rows, naming the fix."
import numpy as np
import pytest

from alphaearth_nb.core import DimensionError, NoValidDataError
from alphaearth_nb.gate import cosines


@pytest.mark.parametrize("q", [np.zeros(4), np.array([1.0, np.nan, 0, 0]), np.full(4, np.inf)])
def test_a_query_without_direction_is_refused(q):
    "A zero query gave cosine 0 for every pixel, a NaN one NaN for every pixel: a map of nothing, without a word."
    with pytest.raises(NoValidDataError, match="no direction"):
        cosines(np.eye(4, dtype=np.float32), q)


def test_a_query_of_another_length_is_refused():
    "numpy's 'operands could not be broadcast together with remapped shapes' was all it said."
    with pytest.raises(DimensionError, match=r"\(4,\).*got shape \(3,\)"):
        cosines(np.eye(4, dtype=np.float32), np.ones(3))


def test_a_good_query_still_answers():
    np.testing.assert_allclose(cosines(np.eye(4, dtype=np.float32), np.array([3.0, 4.0, 0, 0])), [0.6, 0.8, 0, 0])
    np.testing.assert_allclose(cosines(np.array([1, 0, 0, 0], np.int8), np.ones(4)), 0.5)
