"Change scores of equal vectors are 0, and no score is below 0 (field case D's kind: numerics near a tie)."
import warnings

import numpy as np

from alphaearth_nb import analysis
from alphaearth_nb.evaluate import change_scores
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_a_map_against_itself_is_zero_everywhere():
    """`1 - u1.u2` of a map and itself gave 702 of 1600 pixels nonzero, 306 of them negative (-4e-16, under the
    documented [0, 2]): `change > 0` flagged unchanged pixels, float32 and int8 maps alike. Right: 0 exactly."""
    e = embedding_from_array(random_unit((40, 40), 3))
    q = e.aef.quantize()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for a in (e, q):
            assert (analysis.change(a, a).values == 0).all()
        f = analysis.change(e, embedding_from_array(random_unit((40, 40), 4))).values
    assert (f >= 0).all() and (f <= 2).all()


def test_scores_are_one_minus_cosine():
    "The same numbers as `1 - cos` by hand (float64), opposite vectors 2, and without `normalize` the plain `1 - dot`."
    a, b = random_unit((50,), 1).astype(np.float64), random_unit((50,), 2).astype(np.float64)
    hand = 1 - np.sum(a * b, 1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)
    np.testing.assert_allclose(change_scores(a, b), hand, atol=1e-12)
    np.testing.assert_allclose(change_scores(a, -a), 2.0, atol=1e-12)
    np.testing.assert_allclose(change_scores(2 * a, b, normalize=False), 1 - 2 * np.sum(a * b, 1), atol=1e-12)
    s3 = change_scores(a, 3 * a)
    assert (change_scores(a, a) == 0).all() and (s3 >= 0).all() and (s3 < 1e-15).all()
