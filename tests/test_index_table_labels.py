"index.build and exact_search read a table of vectors by its labels, as every query is read."
import importlib.util

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb import index as aix
from alphaearth_nb.core import band_names
from alphaearth_nb.testing import random_unit

INSTALLED = [b for b in aix.BACKENDS if importlib.util.find_spec(b)]


def _samples(n=120):
    "A samples table as the official CSV gives it: lon, lat, a text column, then A00..A63 (here shuffled)."
    x = random_unit((n,), seed=9).astype(np.float32)
    df = pd.DataFrame(x, columns=band_names())
    df.insert(0, "lon", np.linspace(-120, -119, n)); df.insert(1, "lat", 37.0); df.insert(2, "site", "sf_bay")
    cols = list(df.columns[:3]) + list(np.random.default_rng(0).permutation(band_names()))
    return x, df[cols]


@pytest.mark.skipif(not INSTALLED, reason="no ANN backend: pip install 'alphaearth_nb[retrieval]'")
@pytest.mark.parametrize("backend", INSTALLED)
def test_build_reads_a_table_by_its_band_labels(backend):
    """A table whose columns A00..A63 come in another order was indexed by position, so no row found itself (the
    query, read by labels, was another vector); the samples table as read (with lon, lat, text) was refused for its
    width. Right: the rows as the labels say; each row its own nearest, score 1."""
    x, df = _samples()
    ix = aix.build(df, backend=backend)
    np.testing.assert_allclose(ix.rows.vectors, x, atol=1e-6)
    m = ix.search(x[:30], k=1)
    np.testing.assert_array_equal(m.ids[:, 0], np.arange(30))
    np.testing.assert_allclose(m.scores[:, 0], 1.0, atol=1e-6)


def test_exact_search_reads_a_table_by_its_band_labels():
    "The recall reference reads the table the same way: each row its own nearest, the same scores as the array's."
    x, df = _samples()
    pos, sc = aix.exact_search(df, df.iloc[:30], k=3)
    want_pos, want_sc = aix.exact_search(x, x[:30], k=3)
    np.testing.assert_array_equal(pos, want_pos)
    np.testing.assert_allclose(sc, want_sc, atol=1e-6)
    np.testing.assert_array_equal(pos[:, 0], np.arange(30))
