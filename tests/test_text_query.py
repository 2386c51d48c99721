"""Kind A (queries as a user holds them): a query vector of number text, a list of str (a CSV line split, `row.split(',')`),
is read as its numbers, as an object-dtype row already was. Was: DimensionError 'got 64 values of <U12 against the
map's vectors of 64', a length message for 64 values."""
import numpy as np
import pytest

import alphaearth_nb as aef
from alphaearth_nb.bands import query_array
from alphaearth_nb.core import DimensionError
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.mark.parametrize("form", [lambda u: [repr(float(x)) for x in u], lambda u: np.array([str(x) for x in u]),
                                  lambda u: [s.encode() for s in map(str, u)]], ids=["list_str", "array_U", "bytes"])
def test_number_text_query_reads_as_numbers(form):
    v = random_unit((4, 3), seed=11)
    e = embedding_from_array(v)
    s = e.aef.similarity(form(v[2, 1]))
    np.testing.assert_allclose(s.values, (v @ v[2, 1]) / np.linalg.norm(v, axis=-1), atol=1e-6)   # the hand cosine


def test_other_text_is_still_refused():
    with pytest.raises(DimensionError, match="holds text"):
        query_array(["a"] * 64)
    assert aef.band_names()   # the package imported whole
