"""Messages put 'a' or 'an' before a noun by one rule, `core.with_article` (files.check_output had it twice, cc50795):
the index's words read 'an index vector holds text', 'an index query is a 64-vector' (were 'a index vector', 'a
index query', from `bands.query_array` and `gate.gate_query`, which wrote 'a {what}')."""
import numpy as np
import pytest

from alphaearth_nb.bands import query_array
from alphaearth_nb.core import DimensionError, with_article
from alphaearth_nb.gate import gate_query


def test_with_article():
    assert [with_article(w) for w in ("index query", "query vector", "embedding store", "Output", "")] == \
        ["an index query", "a query vector", "an embedding store", "an Output", "a "]


def test_index_words_take_an():
    with pytest.raises(DimensionError, match="^an index vector holds text"):
        query_array(["x"] * 64, "index vector")
    with pytest.raises(DimensionError, match="^an index query is a 64-vector"):
        gate_query(np.zeros(3), what="index query")
    with pytest.raises(DimensionError, match="^a query vector is a 64-vector"):
        gate_query(np.zeros(3))
