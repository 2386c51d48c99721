"""A query row of knn_search that holds no data (NaN, or one value in every band) is told to drop it without the
training side's 'and training labels with `y[keep]`': query rows have no training labels (session 34's review of
afe600a). The fix as written drops the row, and the search then answers."""
import numpy as np
import pytest

from alphaearth_nb.core import NoValidDataError
from alphaearth_nb.knn import knn_search
from alphaearth_nb.testing import random_unit

X = random_unit((50,), seed=1).reshape(50, 64)


@pytest.mark.parametrize("bad", [np.nan, 0.0])
def test_a_query_row_of_no_data_is_dropped_as_said(bad):
    q = np.concatenate([X[:2], np.full((1, 64), bad, np.float32)])
    with pytest.raises(NoValidDataError) as e:
        knn_search(X, q, k=1)
    msg = str(e.value)
    assert "training labels" not in msg and "y[keep]" not in msg, msg
    code = next(c for c in msg.split("`") if c.startswith("keep = "))
    env = {"np": np, "x": q}
    exec(code, env)
    dist, idx = knn_search(X, env["x"], k=1)
    assert np.asarray(idx).ravel().tolist() == [0, 1]
