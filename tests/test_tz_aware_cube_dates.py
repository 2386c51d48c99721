"""A cube whose time index is timezone-aware (local midnight, `tz_localize('Europe/Paris')`) is read by the dates it
names, as `places.years_of_cube` and `years.join_years` read it (`places.wall_times`): `validate_embedding` keeps
its times (was: UTC 2021-12-31 23:00, a year early), `cluster` names the year without data by its date (was
'2022-12-31' for 2023-01-01), `Explorer`'s year picker names 2022, 2023, 2024 (was 2021-12-31, ...)."""
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.core import NoDataWarning
from alphaearth_nb.embeddings import validate_embedding
from alphaearth_nb.places import years_of_cube
from alphaearth_nb.testing import embedding_from_array, random_unit

DATES = ["2022-01-01", "2023-01-01", "2024-01-01"]


def _cube(zone, hole=None):
    ms = [embedding_from_array(random_unit((5, 6), seed=s)) for s in (1, 2, 3)]
    if hole is not None: ms[hole] = ms[hole] * np.nan
    return xr.concat(ms, "time").assign_coords(time=pd.DatetimeIndex(DATES).tz_localize(zone))


@pytest.mark.parametrize("zone", ["Europe/Paris", "Asia/Tokyo"])
def test_validate_keeps_the_dates(zone):
    v = validate_embedding(_cube(zone))
    assert years_of_cube(v).tolist() == [2022, 2023, 2024]
    assert [str(t)[:10] for t in v.indexes["time"]] == DATES


def test_cluster_names_the_year_without_data_by_its_date():
    with pytest.warns(NoDataWarning, match=r"no data for time 2023-01-01:"):
        aef.cluster(_cube("Europe/Paris", hole=1), k=2)


def test_explorer_years_are_the_dates():
    pytest.importorskip("ipyleaflet")
    from alphaearth_nb.explorer import Explorer
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = Explorer(_cube("Europe/Paris"), basemaps=False)
    assert [str(t)[:10] for t in m.times] == DATES
    assert [o[0] for o in m.year.options] == DATES
