"Tests of the ANN index (alphaearth_nb.index): recall against exact search, int8 input, tiles, locations, errors."
import importlib.util

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb import index as aix
from alphaearth_nb.embeddings import quantize_embedding
from alphaearth_nb.testing import embedding_from_array, random_unit
from alphaearth_nb.core import MissingDependencyError, NoDataWarning, UnitsWarning, band_names
from alphaearth_nb.quantize import quantize

INSTALLED = [b for b in aix.BACKENDS if importlib.util.find_spec(b)]
pytestmark = pytest.mark.skipif(not INSTALLED, reason="no ANN backend: pip install 'alphaearth_nb[retrieval]'")


@pytest.fixture(scope="module")
def clustered():
    "10,000 unit vectors in 200 clusters, and 50 queries near data points."
    rng = np.random.default_rng(0)
    c = random_unit((200,), seed=3)
    x = aix.unit_rows(c[rng.integers(0, 200, 10_000)] + 0.1 * rng.standard_normal((10_000, 64)))
    q = aix.unit_rows(x[rng.integers(0, 10_000, 50)] + 0.05 * rng.standard_normal((50, 64)))
    return x, q, aix.exact_search(x, q, 10)[0]


@pytest.mark.parametrize("backend", INSTALLED)
def test_recall_against_exact(clustered, backend):
    x, q, truth = clustered
    m = aix.build(x, backend=backend).search(q, k=10)
    assert aix.recall_at(m.ids, truth) >= 0.95
    # scores are the exact cosines of the returned rows, best first
    np.testing.assert_allclose(m.scores, np.einsum("qd,qkd->qk", q, x[m.ids]), atol=1e-5)
    assert (np.diff(m.scores, axis=1) <= 1e-6).all()


@pytest.mark.parametrize("backend", INSTALLED)
def test_int8_input_is_indexed_as_int8(clustered, backend):
    x, q, truth = clustered
    ix = aix.build(quantize(x), backend=backend)
    assert ix.rows.vectors.dtype == np.int8
    assert aix.recall_at(ix.search(q, k=10).ids, truth) >= 0.9  # truth is on the float vectors


def test_grid_locations_and_nodata():
    a = random_unit((12, 10), seed=5)
    a[3, 4] = a[0, 0]
    emb = embedding_from_array(a)
    emb[1, 1] = np.nan
    ix = aix.build(emb)
    assert len(ix) == 119 and 11 not in ix.rows.ids  # pixel (1, 1) has no data
    m = ix.search(emb.isel(y=3, x=4), k=2)
    assert sorted(m.ids.tolist()) == [0, 34]
    i = m.ids.tolist().index(34)
    assert (m.rows[i], m.cols[i], m.x[i], m.y[i], m.crs) == (3, 4, float(emb.x[4]), float(emb.y[3]), "EPSG:32631")
    df = m.to_frame()
    assert list(df.columns) == ["query", "rank", "id", "score", "row", "col", "y", "x"] and len(df) == 2


def test_tiles_of_a_quantised_embedding():
    a = np.repeat(np.repeat(random_unit((3, 2), seed=7), 4, 0), 4, 1)  # 12 x 8 pixels, constant 4 x 4 blocks
    emb = quantize_embedding(embedding_from_array(a))
    ix = aix.build(emb, tile=4)
    assert len(ix) == 6 and ix.rows.vectors.dtype == np.float32
    m = ix.search(a[5, 5], k=1)  # block (1, 1)
    assert (m.ids[0], m.rows[0], m.cols[0]) == (3, 1, 1)
    assert m.x[0] == pytest.approx(float(emb.x[4:8].mean())) and m.scores[0] == pytest.approx(1, abs=1e-3)


def test_missing_extra_names_it(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda n, *a: None if n in ("usearch", "faiss") else real(n, *a))
    with pytest.raises(MissingDependencyError, match=r"alphaearth_nb\[retrieval\]"):
        aix.build(np.ones((3, 64)))



def test_case_A4_index_queries_and_vectors_go_through_the_gate():
    pytest.importorskip("usearch")
    from alphaearth_nb.core import NoValidDataError
    v = random_unit((40,), seed=31)
    vecs = np.r_[v, -np.ones((1, 64)), np.zeros((1, 64)), np.full((1, 64), 0.125)].astype(np.float32)
    with pytest.warns(NoDataWarning, match="3 of .* left out"): idx = aix.build(vecs)
    assert len(idx) == len(v)                                   # fills never indexed
    with pytest.raises(NoValidDataError, match="index quer"): idx.search(-np.ones(64), k=1)   # "1 of 1 index queries"
    with pytest.warns(UnitsWarning, match="length"): m = idx.search(3 * v[5], k=1)
    assert m.ids[0] == 5 and abs(float(m.scores[0]) - 1) < 1e-5
    with pytest.raises(NoValidDataError): aix.exact_search(v, np.zeros(64), k=1)


def test_case_A18_index_queries_are_read_by_their_labels():
    "A Series, DataFrame or DataArray query labelled A00..A63 in another order: reordered by label, object dtype cast."
    v, B = random_unit((40,), seed=31), band_names()
    s = pd.Series(v[5], index=B)[B[::-1]]
    for q in (s, s.astype(object), dict(s), xr.DataArray(s.values, dims="band", coords={"band": s.index})):
        pos, sc = aix.exact_search(v, q, k=1)
        assert pos[0] == 5 and abs(float(sc[0]) - 1) < 1e-5
    df = pd.DataFrame(v[[5, 7]], columns=B)[B[::-1]].assign(site=["a", "b"])   # a table with a text column
    pos, _ = aix.exact_search(v, df, k=1)
    assert pos[:, 0].tolist() == [5, 7]
