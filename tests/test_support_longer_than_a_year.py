"""A valid period longer than a year is warned (`ExtrapolationWarning`), naming the fix (a year at a time): the model
reads its whole length as support, where AlphaEarth's support is at most a year and each embedding describes one year
(AEF.md section 3). A year, a leap year included, and shorter periods stay quiet. Was: a support window of the same
length, without a word (support_window(as_period(('2023-01-01', '2025-01-01')), ...) -> 731 days)."""
import warnings

import pytest

from alphaearth_nb.core import ExtrapolationWarning
from alphaearth_nb.timecodes import as_period, to_days
from alphaearth_nb.windows import support_window

d = lambda s: float(to_days(s))


def test_a_period_of_two_years_is_warned_with_the_fix():
    with pytest.warns(ExtrapolationWarning, match=r"2023-01-01 \.\. 2025-01-01 spans 731 days, more than a year.*"
                                                  r"embed a year at a time, e.g. `period=2023`, then `period=2024`"):
        w = support_window(as_period(("2023-01-01", "2025-01-01")), d("2023-01-03"), d("2024-12-28"))
    assert w[1] - w[0] == pytest.approx(731)


@pytest.mark.parametrize("period", [2024, 2023, ("2024-06-01", "2024-07-01")])
def test_a_year_or_less_is_quiet(period):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        support_window(as_period(period), d("2023-01-03"), d("2025-12-28"))
