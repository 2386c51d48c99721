"""A valid period far from the data (more than two years beyond them) is refused naming a year the data cover, the
one nearest the period asked for, and their span; `aef embed` says it as `--period YEAR`. Was: 'pick a period
nearer the data, or add frames that cover it.', no year: `aef embed --data samples --period 2030` left the user to
find that the sample scene holds 2023 and 2024."""
import numpy as np
import pytest

from alphaearth_nb.cli_args import shell_words
from alphaearth_nb.core import PeriodError
from alphaearth_nb.timecodes import as_period, to_days
from alphaearth_nb.windows import check_extrapolation


def _day(s): return float(to_days(np.datetime64(s)))


@pytest.mark.parametrize("asked, year", [(2030, 2024), (2019, 2023)])
def test_refusal_names_the_nearest_year_of_the_data(asked, year):
    frames = ("2023-12-31", "2024-12-30") if asked > 2024 else ("2023-01-02", "2023-12-31")
    with pytest.raises(PeriodError) as e:
        check_extrapolation(as_period(asked), _day(frames[0]), _day(frames[1]),
                            data=(_day("2023-01-02"), _day("2024-12-30")))
    msg = str(e.value)
    assert f"pick a period nearer the data, e.g. period={year} (the data cover 2023-01-02 .. 2024-12-30)" in msg, msg
    assert f"--period {year} (the data cover" in shell_words(msg, "embed")


def test_without_the_data_span_the_frames_span_is_named():
    with pytest.raises(PeriodError) as e:
        check_extrapolation(as_period(2030), _day("2024-01-02"), _day("2024-12-30"))
    assert "e.g. period=2024 (the data cover 2024-01-02 .. 2024-12-30)" in str(e.value), str(e.value)
