"""Points off a map in metres were spanned to 1 decimal: lon/lat given with a --crs of metres (`--point 5.995,45.002
--crs EPSG:32631`) read "the points x 6.0..6.0, y 45.0..45.0", too few digits to tell 5.995 from 6.0 (the newcomer
of s56, #10). Values under 1000 (degrees, not metres) are now given to 6 decimals; metres keep 1."""
import warnings

import pytest

from alphaearth_nb.core import NoDataWarning
from alphaearth_nb.places import sample
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_degree_like_values_keep_their_digits():
    e = embedding_from_array(random_unit((6, 6), seed=1))   # EPSG:32631, x 500000..
    with pytest.warns(NoDataWarning, match=r"the points x 5\.995000\.\.5\.995000, y 45\.002000\.\.45\.002000"):
        sample(e, ([5.995], [45.002]), crs="EPSG:32631")
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        sample(e, ([400000.25], [4000000.5]), crs="EPSG:32631")
    assert any("x 400000.2..400000.2" in str(x.message) or "x 400000.3..400000.3" in str(x.message) for x in w), \
        [str(x.message) for x in w]
