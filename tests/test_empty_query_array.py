"""A similarity query of an array of no rows ((0, 64), float or int8 codes; an empty 1-D array) is named as empty,
as a table of no rows is: 'got a table of no rows (an array of shape (0, 64)): check the filter or selection that
made it'. Was: 'got 0 values of float64 against the map's vectors of 64: pass a vector ...', a length to fix."""
import numpy as np
import pytest

from alphaearth_nb.analysis import similarity
from alphaearth_nb.core import DimensionError
from alphaearth_nb.testing import embedding_from_array, random_unit

EMB = embedding_from_array(random_unit((3, 4), seed=5))


@pytest.mark.parametrize("q, said", [(np.zeros((0, 64)), "a table of no rows (an array of shape (0, 64))"),
                                     (np.zeros((0, 64), np.int8), "a table of no rows (an array of shape (0, 64))"),
                                     (np.zeros(0), "no values (an array of shape (0,))")])
def test_an_empty_query_is_named_empty(q, said):
    with pytest.raises(DimensionError) as e:
        similarity(EMB, q)
    msg = str(e.value)
    assert f"got {said}: check the filter or selection that made it" in msg and "0 values" not in msg, msg
