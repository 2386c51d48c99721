"classify / regress of a cube with a year of no data: that year no data (with a warning naming it), the others alone."
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb import analysis
from alphaearth_nb.core import LabelError, NoDataWarning, NoValidDataError
from alphaearth_nb.testing import embedding_from_array, random_unit


def _cube():
    es = [embedding_from_array(random_unit((4, 5), s)) for s in range(3)]
    cube = xr.concat([es[0], es[1] * np.nan, es[2]], "time").assign_coords(time=[2019, 2020, 2021])
    pts = pd.DataFrame({"x": es[0].x.values[[0, 1, 2, 3]], "y": es[0].y.values[[0, 1, 2, 3]],
                        "label": [1, 1, 2, 2], "value": [0.5, 1.0, 2.0, 3.0]})
    return es, cube, pts


def _alone(fn, *a, **k):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*a, **k)


@pytest.mark.parametrize("method", ["knn", "linear"])
def test_classify_a_cube_with_an_empty_year(method):
    """A 3-year cube whose 2020 is all NaN: classify raised LabelError ('none of the labelled pixels has embedding
    data') for the whole cube. Right: 2020's class map -1 everywhere (scores NaN) with a NoDataWarning naming 2020,
    the other years as classified alone."""
    es, cube, pts = _cube()
    with pytest.warns(NoDataWarning, match="classify: no data for time 2020"):
        got = analysis.classify(cube, pts, method=method, k=1)
    assert (got["class"].isel(time=1).values == -1).all() and np.isnan(got["scores"].isel(time=1).values).all()
    for i in (0, 2):
        alone = _alone(analysis.classify, es[i], pts, method=method, k=1)
        np.testing.assert_array_equal(got["class"].isel(time=i).values, alone["class"].values)


def test_regress_a_cube_with_an_empty_year():
    es, cube, pts = _cube()
    with pytest.warns(NoDataWarning, match="regress: no data for time 2020"):
        got = analysis.regress(cube, pts, column="value", method="knn", k=1)
    assert np.isnan(got.isel(time=1).values).all()
    np.testing.assert_allclose(got.isel(time=2).values, _alone(analysis.regress, es[2], pts, column="value",
                                                               method="knn", k=1).values)


def test_labels_off_the_data_in_a_year_with_data_still_raise():
    "Only a year without any data is passed over: labels on NaN pixels of a year that has data stay a LabelError."
    es, cube, pts = _cube()
    holes = cube.copy()
    holes[0, :, :4] = np.nan   # 2019 has data (column 4) but none under the labels
    with pytest.raises(LabelError, match="none of the labelled pixels"):
        analysis.classify(holes, pts, k=1)
    with pytest.raises(NoValidDataError, match="classify: the cube holds no data"):   # every year empty: the cube
        analysis.classify(cube * np.nan, pts, k=1)   # named once (gate.refuse_no_data; was a LabelError per year)
    assert analysis.classify(cube.dropna("time", how="all"), pts, k=1).sizes["time"] == 2   # the fix it names
