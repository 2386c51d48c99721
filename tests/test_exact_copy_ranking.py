"""Field case D1 for everything that ranks by cosine: an official vector's exact copy (cosine 1) and a neighbour one
int8 code step away in its smallest component (1 - 2e-9) were one float32 value, so `nanargmax` of `similarity`
(the accessor's too), the Explorer's hits and the index's returned scores could not tell them apart (the neighbour
came first for the queries `gate.cosines` counts). Right: float64 cosines, the copy first every time. Also: ties in the index go by
the documented order (north-up pixels, whatever the storage order), and one query vector (64,) is one row for
knn_search / knn_indices / knn_predict / exact_search, answered with (k,) arrays as VectorIndex.search does."""
import importlib.util

import numpy as np
import pytest

from alphaearth_nb import index as aix
from alphaearth_nb.analysis import similarity
from alphaearth_nb.core import DimensionError, band_names
from alphaearth_nb.explorer import Explorer
from alphaearth_nb.knn import knn_indices, knn_predict, knn_search
from alphaearth_nb.quantize import dequantize, quantize
from alphaearth_nb.readers import read_aef_samples
from alphaearth_nb.testing import embedding_from_array, random_unit

INSTALLED = [b for b in aix.BACKENDS if importlib.util.find_spec(b)]


def one_step(v):
    "Each vector moved one int8 code step in its smallest component."
    q = quantize(v).astype(np.int16)
    j, r = np.abs(v).argmin(1), np.arange(len(v))
    q[r, j] += np.where(q[r, j] < 127, 1, -1)
    return dequantize(q.astype(np.int8))


@pytest.fixture(scope="module")
def d1(shared_data):
    "A 19 x 20 map: 180 one-step neighbours first, then the 200 official vectors (query j's copy at 180 + j)."
    v = read_aef_samples(root=shared_data)[band_names()].to_numpy(np.float32)[:200]
    return v, embedding_from_array(np.concatenate([one_step(v[:180]), v]).reshape(19, 20, 64))


def test_similarity_ranks_the_exact_copy_first(d1):
    v, emb = d1
    for j in range(0, 180, 7):                                          # 26 queries
        for q in (v[j], quantize(v[j])):                                # the vector, and its int8 codes
            s = similarity(emb, q)
            assert s.dtype == np.float64
            assert np.nanargmax(s.values.ravel()) == 180 + j
            assert int(np.argmax(emb.aef.similarity(q).values.ravel())) == 180 + j
        assert float(s.values.ravel()[180 + j]) > float(s.values.ravel()[j])   # the neighbour strictly below
    q = emb.aef.quantize()                                              # an int8 map: the same order
    assert np.nanargmax(similarity(q, v[3]).values.ravel()) == 183


def test_cosines_are_float64_and_tell_one_code_step(d1):
    from alphaearth_nb.gate import cosines   # new: imported here so the other tests run on older packages
    v, _ = d1
    c = cosines(np.stack([one_step(v[:1])[0], v[0]]), v[0])
    assert c.dtype == np.float64 and c[1] == pytest.approx(1.0, abs=1e-12) and c[0] < 1 - 1e-10


def test_the_float32_figure_is_written_once_and_holds(d1):
    """`gate.cosines` writes how often the float32 path it replaced ranked the neighbour first (field case D1, 26
    queries); `analysis.similarity` cites it rather than repeating it (the two said 3 of 26, commit a7f27aa 5 of 26:
    benchmarks/similarity.py's random vectors). The float32 path (495bc63's `similarity`: float32 unit rows, the dot
    by einsum against the float64 query, a float32 map) recounted here on the official vectors gives that figure."""
    import re
    from alphaearth_nb.gate import cosines, unit_rows
    v, emb = d1
    said = re.findall(r"for (\d+) of 26 queries of field case D1", " ".join(cosines.__doc__.split()))
    assert len(said) == 1, cosines.__doc__
    assert "of 26" not in similarity.__doc__ and "gate.cosines" in similarity.__doc__
    rows = unit_rows(emb.values.reshape(-1, 64), zero=np.nan)                      # float32 unit rows
    f32 = lambda q: np.clip(np.einsum("...c,c->...", rows, unit_rows(q, np.float64)), -1.0, 1.0).astype(np.float32)
    wrong = [j for j in range(0, 180, 7) if np.nanargmax(f32(v[j])) != 180 + j]
    assert len(wrong) == int(said[0]), wrong


@pytest.mark.skipif(importlib.util.find_spec("ipyleaflet") is None, reason="needs the maps extra (ipyleaflet)")
def test_explorer_hits_keep_float64(d1):
    v, emb = d1
    ex = Explorer(emb, basemaps=False)
    r, c = divmod(185, 20)
    ex.click(float(emb.x[c]), float(emb.y[r]))                          # the query: the copy's own pixel
    ex.slider.value = 0.999
    h = ex.hits
    assert h["similarity"].dtype == np.float64
    top = h.sort_values("similarity", ascending=False, kind="stable").iloc[0]
    assert (int(top["row"]), int(top["col"])) == (r, c)
    assert h.set_index(["row", "col"]).loc[(r, c), "similarity"] > h.set_index(["row", "col"]).loc[(0, 5), "similarity"]


@pytest.mark.parametrize("backend", INSTALLED)
def test_index_scores_are_float64_and_the_copy_first(d1, backend):
    v, emb = d1
    m = aix.build(emb, backend=backend, threads=1).search(v[:180:7], k=2, rerank=8)
    assert m.scores.dtype == np.float64
    np.testing.assert_array_equal(m.ids[:, 0], 180 + np.arange(0, 180, 7))
    assert (m.scores[:, 0] > m.scores[:, 1]).all()


@pytest.mark.parametrize("backend", INSTALLED)
def test_index_ties_go_north_up_whatever_the_storage_order(backend):
    """Two equal pixels (rows 1 and 4 of a column): the search answers the northern one for the map stored north-up
    and south-first alike, the pixel knn_search gives the tie to over the north-up rows (the lower index)."""
    a = random_unit((6, 5), seed=4)
    a[4, 2] = a[1, 2]
    emb = embedding_from_array(a)
    south = emb.isel(y=slice(None, None, -1))                          # rows stored south-first, y ascending
    want = (float(emb.y[1]), float(emb.x[2]))
    for m in (emb, south):
        hit = aix.build(m, backend=backend, threads=1).search(a[1, 2], k=2, rerank=8)
        assert (float(hit.y[0]), float(hit.x[0])) == want
        assert hit.scores[0] == hit.scores[1]
    _, i = knn_search(a.reshape(-1, 64), a[1, 2], 2)
    assert divmod(int(i[0]), 5) == (1, 2)


def test_one_query_vector_is_one_row(d1):
    v, emb = d1
    train = np.concatenate([one_step(v[:180]), v])
    d, i = knn_search(train, v[3], 2)
    assert d.shape == i.shape == (2,) and i.tolist() == [183, 3] and d[0] == 0
    np.testing.assert_array_equal(knn_indices(train, v[3], 2), i)
    np.testing.assert_array_equal(knn_search(train, emb.isel(y=9, x=3), 2)[1], i)   # a pixel, (band,)
    np.testing.assert_array_equal(knn_search(train, quantize(v[3]), 2)[1], i)       # its int8 codes
    pred, frac = knn_predict(train, np.r_[np.zeros(180), np.ones(200)].astype(int), v[3], 1, 2)
    assert pred == 1 and frac.shape == (2,)
    np.testing.assert_array_equal(knn_search(train, v[3:4], 2)[1], i[None])        # rows stay (Q, k)
    pos, sc = aix.exact_search(train, v[3], k=2)
    assert pos.tolist() == [183, 3] and sc.shape == (2,)
    with pytest.raises(DimensionError, match=r"a query vector of 10 values against training rows of 64"):
        knn_search(train, v[3][:10], 2)


def test_similarity_is_the_same_value_however_the_map_is_chunked():
    """A dask map's chunks (and the Explorer's windows) hand `gate.cosines` other blocks of rows: BLAS's `x @ q` rounded
    a pixel by its block (11 of 1,200 pixels 1 ulp off the eager map). Right: each cosine one value, bit for bit."""
    e = embedding_from_array(random_unit((40, 30), seed=2))
    want = similarity(e, e.values[3, 4]).values
    for chunks in ({"y": 7}, {"y": 7, "x": 11}, {"x": 1}):
        np.testing.assert_array_equal(similarity(e.chunk(chunks), e.values[3, 4]).values, want)
