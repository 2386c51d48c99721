"""A start_year that is no calendar year is refused the same way by both scene configs: a ConfigError naming the field
and a year to pass. Was: SceneConfig(start_year=23) raised PeriodError ('23 is not a calendar year ... or a (start,
end) pair'), CorpusConfig(start_year=23) ConfigError ('start_year=23 is not a calendar year ...')."""
import pytest

from alphaearth_nb.core import ConfigError, PeriodError
from alphaearth_nb.corpus import CorpusConfig
from alphaearth_nb.landscape import SceneConfig


@pytest.mark.parametrize("bad", [23, True, 2023.5, "abc", "2023-2024"])
@pytest.mark.parametrize("cls", [SceneConfig, CorpusConfig])
def test_one_refusal_for_a_start_year_that_is_no_year(cls, bad):
    with pytest.raises(ConfigError, match=rf"^start_year={bad!r} is not a calendar year in 1900\.\.2100: pass e\.g\. "
                                          r"start_year=20\d\d") as e:
        cls(start_year=bad)
    assert not isinstance(e.value, PeriodError) and "pair" not in str(e.value)
