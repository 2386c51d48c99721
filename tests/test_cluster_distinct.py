"k-means needs k distinct vectors: a map of fewer (one field, a flat water body in int8 codes) got a zero or a copied centre."
import warnings

import numpy as np
import pytest

from alphaearth_nb import analysis, clusters
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


def test_distinct_rows_count_as_np_unique_does():
    "cluster counts distinct rows by their bytes (np.unique(x, axis=0) compares column by column, about 5x slower on "
    "50,000 x 64 rows): the same count on rows with repeats, -0.0 beside 0.0, rows equal but for one value."
    a = np.array([[0.0, 1.0, 2.0], [0.0, 1.0, 2.0], [-0.0, 1.0, 2.0], [0.0, -1.0, 2.0], [0.0, 1.0, 2.5],
                  [3.0, 3.0, 3.0], [3.0, 3.0, 3.0]], np.float32)
    assert clusters._distinct_rows(a) == 4
    for x in (a, a[::-1], a[:1], a[:0], np.repeat(a, 3, 0), a.astype(np.float64), np.asfortranarray(a), a[:, ::2],
              np.r_[a, -a]):
        assert clusters._distinct_rows(x) == len(np.unique(x, axis=0)), x


def test_minus_zero_is_not_another_vector():
    "Two vectors and the first with -0.0 for its 0.0: two distinct vectors, so k=3 is refused (found 2)."
    u = random_unit((2,), seed=2)
    u[:, 0] = 0.0
    u /= np.linalg.norm(u, axis=-1, keepdims=True)
    w = u[0].copy(); w[0] = -0.0
    rows = np.stack([u[0], u[1], w])[np.arange(48) % 3].reshape(6, 8, -1)
    assert np.signbit(rows[..., 0]).sum() == 16
    with pytest.raises(NoValidDataError, match=r"cluster\(k=3\).*found 2 "):
        analysis.cluster(embedding_from_array(rows), k=3)
