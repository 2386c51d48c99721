"evaluate.change_scores reads tables of vectors by their band labels, as every query is read."
import numpy as np
import pandas as pd

from alphaearth_nb.core import band_names
from alphaearth_nb.evaluate import change_scores
from alphaearth_nb.testing import random_unit


def test_tables_with_the_bands_in_another_order():
    """Two sample tables of the same vectors, the second with its columns A00..A63 in another order (and lon/lat
    first): they were compared by position, the same vectors scoring 0.9 .. 1.2. Right: by the labels, 0."""
    x = random_unit((10,), 1)
    a = pd.DataFrame(x, columns=band_names())
    b = a[band_names()[::-1]].copy(); b.insert(0, "lon", 1.0); b.insert(1, "lat", 2.0)
    np.testing.assert_allclose(change_scores(a, b), 0.0, atol=1e-12)
    y = random_unit((10,), 2)
    hand = 1 - np.sum(x * y, 1) / np.linalg.norm(x, axis=1) / np.linalg.norm(y, axis=1)
    np.testing.assert_allclose(change_scores(b, pd.DataFrame(y, columns=band_names())), hand, atol=1e-6)
