"The ANN index takes the queries a user holds: rows of a pandas table (column-major arrays) included."
import importlib.util

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb import index as aix
from alphaearth_nb.core import band_names
from alphaearth_nb.testing import random_unit

INSTALLED = [b for b in aix.BACKENDS if importlib.util.find_spec(b)]
pytestmark = pytest.mark.skipif(not INSTALLED, reason="no ANN backend: pip install 'alphaearth_nb[retrieval]'")


@pytest.mark.parametrize("backend", INSTALLED)
def test_search_takes_table_rows_and_column_major_arrays(backend):
    """`df[band_names()]` (the official samples CSV) and its `.values` are column-major (Fortran order): usearch, the
    default backend, raised its own ValueError ('Matrix rows must be contiguous') for every such query, though
    `query_array` documents DataFrames as queries. Right: the same matches as the row-major copy."""
    x = random_unit((300,), seed=5)
    df = pd.DataFrame(x.astype(np.float64), columns=band_names())
    assert not df[band_names()].values.flags["C_CONTIGUOUS"]                 # what pandas hands over
    idx = aix.build(df[band_names()].values, backend=backend)
    want = idx.search(np.ascontiguousarray(x[:7]), k=3)
    assert (want.ids[:, 0] == np.arange(7)).all()
    for q in (df[band_names()].iloc[:7], df[band_names()].values[:7], np.asfortranarray(x[:7])):
        got = idx.search(q, k=3)
        np.testing.assert_array_equal(got.ids, want.ids)
        np.testing.assert_allclose(got.scores, want.scores, atol=1e-6)
