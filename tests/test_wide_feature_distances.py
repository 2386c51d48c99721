"""knn_search's distances of features float32 cannot hold are the features' own (hunt, session 29, kind D).

Float64 or int64 features with a large common offset are centred and cast to float32 for the search; the
neighbours were rechecked in float64 but the distances returned were the float32 sums of the cast features: a
query 1e-3 off a row at 1e8 got distance 0.0 (the docstring's mark of an exact copy), UTM coordinates 0.5 m apart
0.2488-0.2512 for 0.25, 1.4% off at 1e6 spread. Compared with a float64 NumPy brute force."""
import numpy as np
import pytest

from alphaearth_nb.knn import knn_search


def _ref(tx, qx, k):
    d = ((qx[:, None].astype(np.float64) - tx[None].astype(np.float64)) ** 2).sum(-1)
    o = np.lexsort((np.broadcast_to(np.arange(len(tx)), d.shape), d), axis=-1)[:, :k]
    return np.take_along_axis(d, o, 1), o


@pytest.mark.parametrize("case", ["offset 1e8", "utm", "int64 epoch ms"])
def test_distances_are_the_float64_sums_rounded(case):
    rng = np.random.default_rng(0)
    if case == "offset 1e8":
        tx = rng.normal(size=(200, 3)) * 1e6 + 1e8
        qx = np.concatenate([tx[:5] + rng.normal(size=(5, 3)) * 1e-3, tx[5:10] + rng.normal(size=(5, 3)) * 10])
    elif case == "utm":
        tx = np.c_[rng.uniform(3e5, 4e5, 500), rng.uniform(5e6, 5.1e6, 500)]
        qx = tx[:4] + np.array([0.3, 0.4])
    else:
        tx = 1_700_000_000_000 + rng.integers(0, 10**9, size=(300, 2))
        qx = tx[:6] + rng.integers(1, 5, size=(6, 2))
    want_d, want_i = _ref(tx, qx, 3)
    d, i = knn_search(tx, qx, 3, codes=False)
    np.testing.assert_array_equal(i, want_i)
    np.testing.assert_allclose(d, want_d.astype(np.float32), rtol=2**-23)   # float64's, rounded once
    assert (d > 0).all()                                                   # no copy among them: no 0.0
