"A VectorIndex is saved and loaded the ordinary Python way (pickle, joblib, a dask worker): the default backend refused."
import importlib.util
import pickle
import warnings

import numpy as np
import pytest

from alphaearth_nb import index
from alphaearth_nb.embeddings import quantize_embedding
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.mark.parametrize("backend", [b for b in index.BACKENDS if importlib.util.find_spec(b)])
@pytest.mark.parametrize("quantised", [False, True])
def test_an_index_pickles_and_searches_as_before(backend, quantised, tmp_path):
    # usearch (the first backend 'auto' picks): "TypeError: cannot pickle 'usearch.compiled.Index' object"
    emb = embedding_from_array(random_unit((30, 40), seed=3))
    if quantised: emb = quantize_embedding(emb)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ix = index.build(emb, backend=backend)
    (tmp_path / "ix.pkl").write_bytes(pickle.dumps(ix))
    back = pickle.loads((tmp_path / "ix.pkl").read_bytes())
    q = random_unit((5,), seed=9)
    a, b = ix.search(q, k=7), back.search(q, k=7)
    np.testing.assert_array_equal(a.ids, b.ids); np.testing.assert_array_equal(a.scores, b.scores)
    np.testing.assert_array_equal(a.x, b.x)
    assert len(back) == len(ix) and back.backend == backend and back.rows.crs == ix.rows.crs
    assert pickle.loads(pickle.dumps(back)).search(q, k=7).ids.tolist() == a.ids.tolist()   # again
