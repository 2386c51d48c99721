"""`evaluate.points_at` pairs a label raster with the features; handed a table of points (what people hold: x/y or
lon/lat columns, an Earth Engine export) it failed with AttributeError ('DataFrame' object has no attribute 'dims').
Right: a LabelError naming `analysis.training_set`, which takes points and gives the same (vectors, labels)."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.supervised import training_set
from alphaearth_nb.core import LabelError
from alphaearth_nb.evaluate import points_at
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_a_table_is_named_with_the_function_that_takes_it():
    e = embedding_from_array(random_unit((3, 4), seed=13))
    df = pd.DataFrame({"x": e.x.values[[0, 2]], "y": e.y.values[[1, 2]], "label": [1, 2]})
    with pytest.raises(LabelError, match="training_set"):
        points_at(e, df)
    X, y = training_set(e, df, crs=e.attrs["crs"])   # what the message names: the vectors at those points
    np.testing.assert_allclose(X, e.values[[1, 2], [0, 2]], atol=1e-6)
    np.testing.assert_array_equal(y, [1, 2])
