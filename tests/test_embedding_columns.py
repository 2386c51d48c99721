"Tables of sampled vectors whose columns are embedding_0 .. embedding_63 (a list column expanded) are read by label."

import numpy as np
import pandas as pd

from alphaearth_nb.analysis import similarity
from alphaearth_nb.core import band_names
from alphaearth_nb.gate import query_array
from alphaearth_nb.index import exact_search
from alphaearth_nb.knn import knn_search
from alphaearth_nb.testing import embedding_from_array, random_unit


def tables(n=30, seed=0):
    "The same vectors as a table A00..A63 and as lon, lat, embedding_0..embedding_63 in another column order."
    v = random_unit((n,), seed).astype(np.float32)
    a = pd.DataFrame(v, columns=band_names())
    e = pd.DataFrame(v, columns=[f"embedding_{i}" for i in range(64)])
    e.insert(0, "lat", np.linspace(44, 45, n)); e.insert(0, "lon", np.linspace(5, 6, n))
    cols = list(e.columns[:2]) + list(np.random.default_rng(seed).permutation(e.columns[2:]))
    return v, a, e[cols]


def test_embedding_n_columns_are_the_bands_they_name():
    v, a, e = tables()
    np.testing.assert_array_equal(query_array(e), v)
    np.testing.assert_array_equal(query_array(e.iloc[3]), v[3])               # a row, with lon/lat beside
    one = e.rename(columns=lambda c: c.replace("embedding_", "embedding"))
    np.testing.assert_array_equal(query_array(one), v)                         # embedding7: no separator
    based = e.rename(columns=lambda c: f"embedding_{int(c[10:]) + 1}" if c[0] == "e" else c)
    np.testing.assert_array_equal(query_array(based), v)                       # 1..64, as band numbers are
    emb = embedding_from_array(random_unit((4, 5), 1).astype(np.float32))
    np.testing.assert_allclose(similarity(emb, e.iloc[3]).values, similarity(emb, a.iloc[3]).values, atol=1e-6)
    la = pd.concat([e[["lon", "lat"]], a], axis=1)                           # the A00..A63 table, lon/lat beside
    for got, want in zip(knn_search(e, e.iloc[:5], k=2), knn_search(la, la.iloc[:5], k=2)):
        np.testing.assert_array_equal(got, want)
    for got, want in zip(exact_search(v, e.iloc[:5], k=3), exact_search(v, a.iloc[:5], k=3)):
        np.testing.assert_array_equal(got, want)
