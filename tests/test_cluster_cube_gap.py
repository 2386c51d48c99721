"cluster of a cube with a year of no data: that year no data (-1 ids, NaN centres), the others as computed alone."
import warnings

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb import analysis
from alphaearth_nb.core import NoDataWarning
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_a_missing_year_is_no_data_not_an_attribute_error():
    """A 3-year cube whose 2020 is all NaN (a year not in the product): cluster raised AttributeError ('Dataset' object
    has no attribute 'dtype') while similarity and rgb gave that year NaN. Right: a NoDataWarning naming 2020, its
    `cluster` -1 everywhere and `centres` NaN, the other years equal to cluster of that year alone."""
    es = [embedding_from_array(random_unit((4, 5), s)) for s in range(3)]
    es[1] = es[1] * np.nan
    cube = xr.concat(es, "time").assign_coords(time=[2019, 2020, 2021])
    with pytest.warns(NoDataWarning, match="cluster: no data for time 2020"):
        got = analysis.cluster(cube, 2)
    assert (got["cluster"].isel(time=1).values == -1).all() and np.isnan(got["centres"].isel(time=1).values).all()
    assert got["cluster"].dtype.kind == "i"
    for i in (0, 2):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            alone = analysis.cluster(es[i], 2)
        np.testing.assert_array_equal(got["cluster"].isel(time=i).values, alone["cluster"].values)
        np.testing.assert_allclose(got["centres"].isel(time=i).values, alone["centres"].values)
