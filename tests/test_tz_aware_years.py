"""A cube whose time index is timezone-aware (dates at local midnight, `pd.to_datetime(...).tz_localize('Europe/Paris')`)
has the years its dates name: 2022, 2023, 2024. Was: read through `.values`, which drops the zone into UTC
(2021-12-31 23:00), so `years_of_cube` gave [2021, 2022, 2023], `yearly_change`'s year_of_change said a year early,
`sample` with a `year` column of 2024 gave NaN ('not a year of the cube [2021, 2022, 2023]'), with pandas'
Pandas4Warning on every call."""
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.places import years_of_cube
from alphaearth_nb.testing import embedding_from_array, random_unit

MAPS = [embedding_from_array(random_unit((5, 6), seed=s)) for s in (1, 2, 3)]


@pytest.mark.parametrize("zone", ["Europe/Paris", "UTC", "America/Los_Angeles", "Asia/Tokyo"])
def test_a_cube_at_local_midnight_has_the_years_its_dates_name(zone):
    t = pd.to_datetime(["2022-01-01", "2023-01-01", "2024-01-01"]).tz_localize(zone)
    cube = xr.concat(MAPS, dim=pd.Index(t, name="time"))
    with warnings.catch_warnings():
        warnings.simplefilter("error", getattr(pd.errors, "Pandas4Warning", FutureWarning))
        assert years_of_cube(cube).tolist() == [2022, 2023, 2024]
        s = cube.aef.sample(pd.DataFrame({"x": [MAPS[2].x.values[2]], "y": [MAPS[2].y.values[1]], "year": [2024]}))
    np.testing.assert_allclose(s[[f"A{i:02d}" for i in range(64)]].values[0], MAPS[2].values[1, 2], atol=1e-6)
    yoc = cube.aef.yearly_change()["year_of_change"]
    assert set(np.unique(yoc.values)) <= {2022.0, 2023.0, 2024.0}
