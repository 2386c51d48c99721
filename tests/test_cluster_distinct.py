"k-means needs k distinct vectors: a map of fewer (one field, a flat water body in int8 codes) got a zero or a copied centre."
import warnings

import numpy as np
import pytest

from alphaearth_nb import analysis
from alphaearth_nb.core import NoValidDataError
from alphaearth_nb.embeddings import quantize_embedding
from alphaearth_nb.testing import embedding_from_array, random_unit


def _map(n_distinct, quantised=False):
    v = random_unit((n_distinct,), seed=2)[np.arange(48) % n_distinct].reshape(6, 8, -1)
    emb = embedding_from_array(v)
    return quantize_embedding(emb) if quantised else emb


@pytest.mark.parametrize("n,k,quantised", [(1, 2, False), (2, 3, False), (2, 3, True), (3, 8, True)])
def test_fewer_distinct_vectors_than_k_is_refused(n, k, quantised):
    # was: centres of 64 zeros (the no-data vector) or one centre twice, silently
    with pytest.raises(NoValidDataError, match=rf"cluster\(k={k}\).*found {n} .*lower k"):
        analysis.cluster(_map(n, quantised), k=k)


def test_k_distinct_vectors_are_k_unit_centres():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = analysis.cluster(_map(3, True), k=3)
    c = r.centres.values
    assert np.allclose(np.linalg.norm(c, axis=1), 1, atol=1e-5)
    assert len(np.unique(c.round(5), axis=0)) == 3 and set(np.unique(r.cluster.values)) == {0, 1, 2}
