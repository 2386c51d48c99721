"analysis.query_vector gives the unit vector it documents for a point query too."
import warnings

import numpy as np

from alphaearth_nb.analysis import query_vector, similarity
from alphaearth_nb.embeddings import as_embedding
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_a_point_query_on_a_quantised_map_is_unit_length():
    """The vector at a point of an int8 map was the decoded codes as they are (length 0.994 .. 1.006), though
    query_vector documents 'the unit float32 64-vector'. Right: that pixel's direction, length 1 (float64 since
    session 44: the float32 rounding turned the direction by up to 8e-9 in cosine, tests/test_similarity_exact_query)."""
    q = embedding_from_array(random_unit((5, 6), 3)).aef.quantize()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        d = as_embedding(q)
    lengths = []
    for r, c in ((0, 0), (2, 3), (4, 5)):
        pt = (float(q.x[c]), float(q.y[r]))
        v = query_vector(d, pt)
        want = d.values[r, c].astype(np.float64)
        lengths.append(np.linalg.norm(want))
        assert v.dtype == np.float64
        np.testing.assert_allclose(np.linalg.norm(v.astype(np.float64)), 1.0, atol=1e-6)
        np.testing.assert_allclose(v, want / np.linalg.norm(want), atol=1e-6)
        assert abs(float(similarity(d, pt).values[r, c]) - 1) < 1e-6
    assert max(abs(n - 1) for n in lengths) > 1e-4   # the codes' own lengths are off 1: the case is exercised
