"""A timezone-aware cube holding two maps of one year (2022-01-01 and 2022-06-01 in Paris) is refused as any such cube
is, `DimensionError` naming the year and the merge (`refuse_repeated_years`, `yearly_change`). Was: numpy's TypeError
"Cannot interpret 'datetime64[us, Europe/Paris]' as a data type" (np.issubdtype of pandas' zoned dtype)."""
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import DimensionError
from alphaearth_nb.cubes import yearly_change
from alphaearth_nb.years import refuse_repeated_years
from alphaearth_nb.testing import embedding_from_array, random_unit

MAPS = [embedding_from_array(random_unit((3, 4), seed=s)) for s in (1, 2, 3)]


def test_two_maps_of_one_year_in_a_zone_are_refused_naming_the_merge():
    t = pd.to_datetime(["2022-01-01", "2022-06-01", "2023-01-01"]).tz_localize("Europe/Paris")
    cube = xr.concat(MAPS, dim=pd.Index(t, name="time"))
    with pytest.raises(DimensionError, match=r"2 maps of 2022 .*groupby\(cube\.time\.dt\.year\)\.first\(\)"):
        refuse_repeated_years(cube)
    with pytest.raises(DimensionError, match="2 maps of 2022"):
        yearly_change(cube)
