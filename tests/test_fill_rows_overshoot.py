"""A table of vectors from a map warped with a kernel with negative lobes (cubic, lanczos: lengths up to
`gate.OVERSHOOT_LENGTH`, which the map's gate rescales since 68d4f71) is a table of embeddings to `gate.fill_rows`
too, so its fill rows (64 x 0, 64 x -9999: masked pixels as an export writes them) are refused by
`linear.check_xy` (every fit) and `knn.knn_search` as among unit vectors. Was: the fill rule took rows up to
1 + NORM_TOL only, so one row of 1.1 among them hid every fill row: a zero row trained as a class and found as
the neighbour of queries far from the rest (field case A3)."""
import numpy as np
import pytest

from alphaearth_nb.core import LabelError
from alphaearth_nb.gate import OVERSHOOT_LENGTH, fill_rows
from alphaearth_nb.knn import knn_search
from alphaearth_nb.linear import check_xy


def _table(fill_value):
    v = np.random.default_rng(0).normal(size=(40, 64))
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    v[:10] *= 1.16   # cubic's overshoot at edges between covers (1.25 lanczos)
    v[5] = fill_value
    return v.astype(np.float32), np.arange(40) % 2


@pytest.mark.parametrize("fill_value", [0.0, -9999.0])
def test_fill_rows_among_overshot_vectors_are_refused(fill_value):
    x, y = _table(fill_value)
    assert fill_rows(x).tolist() == [i == 5 for i in range(40)]
    with pytest.raises(LabelError, match="one value in every feature"):
        check_xy(x, y)
    with pytest.raises(LabelError, match="one value in every feature"):
        knn_search(x, x[:3], k=1)


def test_rows_past_the_overshoot_are_no_embeddings_and_hide_nothing():
    x, _ = _table(0.0)
    x[0] *= 1.1 * OVERSHOOT_LENGTH / np.linalg.norm(x[0])   # longer than any warp gives: not a table of embeddings
    assert not fill_rows(x).any()
