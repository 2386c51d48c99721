"""Kind A: a float map (or query) cast to integers, `emb.astype('int8')`, holds 0 in every band (and +-1 nowhere a
unit vector reaches 1): its pixels are no data, and the warning says why, the cast, with the fix (keep the floats,
or `aef.quantize`). Was: 'check the reader's fill value', a fix that does not apply."""
import numpy as np
import pytest

from alphaearth_nb.core import NoDataWarning, NoValidDataError
from alphaearth_nb.embeddings import as_embedding
from alphaearth_nb.gate import gate_query
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.mark.parametrize("dtype", ["int8", "int16", "int64", "uint8"])
def test_a_float_map_cast_to_integers_is_named(dtype):
    v = random_unit((4, 5), seed=3)
    with pytest.warns(NoDataWarning, match=rf"20 of 20 pixels are not embedding vectors.*astype\('{dtype}'\).*aef\.quantize"):
        g = as_embedding(embedding_from_array(v.astype(dtype)))
    assert np.isnan(g.values).all()


def test_a_query_cast_to_integers_is_named():
    with pytest.raises(NoValidDataError, match=r"astype\('int8'\)"):
        gate_query(random_unit((), seed=4).astype("int8"))


def test_other_no_data_keeps_the_fill_advice():
    v = random_unit((2, 2), seed=5); v[0, 0] = -9999.0
    with pytest.warns(NoDataWarning, match="check the reader's fill value"):
        as_embedding(embedding_from_array(v))
