"""The years of the training-data builders are read by timecodes' one rule (as_year / as_years): sites.site_periods
(so sample_sites, export_sites), SceneConfig.start_year (make_scene, write_scene) and CorpusConfig.start_year.
Was: site_periods took int(years[0]), int(years[1]): years=(24, 25) drew periods in the year 24 AD, (True, 2023)
in 1 .. 2023, (2022.5, 2023) from 2022, '2023' read as 2..0, 2023 raised TypeError; SceneConfig(start_year=23)
simulated the year 23 AD and '2023' raised TypeError; CorpusConfig kept 23, 2023.5 and True as they were."""
import numpy as np
import pytest

from alphaearth_nb.core import AEFError, ConfigError
from alphaearth_nb.corpus import CorpusConfig
from alphaearth_nb.landscape import SceneConfig
from alphaearth_nb.sites import site_periods


def _periods(years):
    return site_periods(3, years, 2, 365, 0)


@pytest.mark.parametrize("years", [(np.int64(2022), np.int64(2023)), ("2022", "2023"), (2022.0, 2023), [2022, 2023]])
def test_site_years_forms(years):
    np.testing.assert_array_equal(_periods(years), _periods((2022, 2023)))


def test_site_one_year_is_that_year():
    p = site_periods(3, 2023, 1, 365, 0)
    assert (p[..., 0] >= np.datetime64("2023-01-01")).all() and (p[..., 1] <= np.datetime64("2024-01-01")).all()


@pytest.mark.parametrize("years", [(24, 25), (True, 2023), (2022.5, 2023), "2023-2024", (2023, 2022), [2020, 2024]])
def test_site_odd_years_refused(years):
    with pytest.raises(AEFError, match="year|first"):
        _periods(years)


@pytest.mark.parametrize("cls", [SceneConfig, CorpusConfig])
def test_start_year(cls):
    assert cls(start_year="2023").start_year == cls(start_year=np.int64(2023)).start_year == 2023
    assert type(cls(start_year=np.int64(2023)).start_year) is int
    for bad in (23, True, 2023.5):   # both name their field as a ConfigError (CorpusConfig since 730d2c4)
        with pytest.raises(ConfigError, match="start_year=.* is not a calendar year"):
            cls(start_year=bad)
