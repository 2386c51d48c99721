"""A path where knn's features are wanted (knn_search('x.npy', q), a Path as the queries, knn_indices, linear's
fit) is a DTypeError naming how to load it, np.load for a .npy file, which run as written finds the neighbours. Was:
'training features hold values that are not numbers (<U5: could not convert string to float: 'x.npy'): convert them,
e.g. `df[cols].apply(pd.to_numeric, ...)`', a fix that does not apply (session 31's finding, index's twin door)."""
from pathlib import Path

import numpy as np
import pytest

from alphaearth_nb.core import DTypeError
from alphaearth_nb.knn import knn_indices, knn_search
from alphaearth_nb.testing import random_unit

X = random_unit((20,), seed=3)


@pytest.mark.parametrize("call", [lambda p: knn_search(p, X[:2], k=1), lambda p: knn_search(X, p, k=1),
                                  lambda p: knn_indices(X, p, k=1)])
@pytest.mark.parametrize("form", [str, Path])
def test_a_path_names_np_load(call, form, tmp_path):
    path = tmp_path / "x.npy"
    np.save(path, X)
    with pytest.raises(DTypeError, match=r"got the path '.*x\.npy': load it first, e.g. `np\.load\(path\)`"):
        call(form(path))
    assert knn_search(np.load(path), X[:2], k=1)[1][:, 0].tolist() == [0, 1]
