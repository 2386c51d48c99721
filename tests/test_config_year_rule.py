"""A config's year field is read by one rule, periods.config_year: SceneConfig's and CorpusConfig's start_year give
the same refusal, naming the field, for what is no calendar year. Was: the same try/except PeriodError in each
(b0f7d92, 730d2c4)."""
import pytest

from alphaearth_nb.core import ConfigError
from alphaearth_nb.corpus import CorpusConfig
from alphaearth_nb.landscape import SceneConfig
from alphaearth_nb.periods import config_year


@pytest.mark.parametrize("bad", [23, True, 2020.5, "abc"])
def test_one_rule_for_a_configs_year(bad):
    with pytest.raises(ConfigError, match=r"^y=.* is not a calendar year in 1900\.\.2100: pass e\.g\. y=2001 \(w\)\.$"):
        config_year(bad, "y", 2001, "w")
    for make, year in ((SceneConfig, 2023), (CorpusConfig, 2020)):
        with pytest.raises(ConfigError, match=rf"^start_year={bad!r} is not a calendar year in 1900\.\.2100: pass e\.g\. "
                                              rf"start_year={year} \(the first"):
            make(start_year=bad)
    assert config_year("2020", "y", 2001, "w") == 2020 and SceneConfig(start_year="2021").start_year == 2021
