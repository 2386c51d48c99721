"""Newcomer s53 items 16-17: a period past `embed`'s 730-day cap was told only 'pick a period nearer the data', with
no word that allow_extrapolation=True / `aef embed --allow-extrapolation` cannot help, and the no-frame refusal
(which the flag does lift) explained the limits apart. Both refusals now carry one sentence naming the two limits."""
import numpy as np, pytest
from alphaearth_nb.core import PeriodError
from alphaearth_nb.timecodes import as_period, to_days
from alphaearth_nb.windows import check_extrapolation
from alphaearth_nb.cli_args import shell_words

d = lambda s: float(to_days(np.array([s], dtype="datetime64[ns]"))[0])

def _msg(**kw):
    with pytest.raises(PeriodError) as e: check_extrapolation(as_period(2028), d("2024-01-03"), d("2024-12-28"), **kw)
    return str(e.value)

def test_past_the_cap_the_flag_is_said_not_to_help():
    msg = _msg(allow_extrapolation=True)
    assert "allow_extrapolation=True cannot lift it" in msg and "hard cap" in msg and "730 days past" in msg, msg

def test_both_refusals_share_the_sentence():
    scene = [d("2023-01-05"), d("2023-06-10"), d("2024-12-28")]
    with pytest.raises(PeriodError) as e:
        check_extrapolation(as_period(2022), scene[0], d("2024-01-04"), days=scene)
    assert "Two limits" in str(e.value) and "Two limits" in _msg()

def test_the_cli_words_name_the_flag():
    said = shell_words(_msg(), "embed")
    assert "--allow-extrapolation cannot lift it" in said, said
