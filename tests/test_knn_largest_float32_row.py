"""Training rows holding float32's largest value (3.4028235e38: a number, not no data, by `empty_rows.nan_rows`)
are searched without numpy's RuntimeWarnings from inside knn_search, and the neighbours are float64's. Was (after
f139dd76): 'RuntimeWarning: overflow encountered in cast' (and 'in multiply') at knn.py's `_train_blocks`, the
package's internals shown to the user; the neighbours were already right."""
import warnings

import numpy as np
import pytest

from alphaearth_nb import knn


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("k", [1, 3])
def test_no_overflow_warning_and_float64_neighbours(dtype, k):
    rng = np.random.default_rng(1)
    t = rng.normal(size=(300, 8)).astype(dtype)
    q = rng.normal(size=(50, 8)).astype(dtype)
    t[7, 0], t[9, 3] = np.finfo(np.float32).max, -np.finfo(np.float32).max
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        d, i = knn.knn_search(t, q, k=k)
    ref = ((q[:, None].astype(np.float64) - t[None].astype(np.float64)) ** 2).sum(-1)
    np.testing.assert_allclose(np.take_along_axis(ref, i.astype(int), 1), np.sort(ref, 1)[:, :k], rtol=1e-6)
    assert not np.isin(i, [7, 9]).any()
