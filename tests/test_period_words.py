"""A period's text as typed: an empty end and two years in one word (kind G: errors a user can act on).

`as_period(('2024', ''))` (a form's empty end box, a spreadsheet's empty cell read as text) was told "[''] have no
four-digit year, so the date is a guess ... write the year in full", and `aef embed --period 2024,` showed its own
rewrite "('2024-01-01', '')"; '' names no end, as None and NaN do. `aef embed --period 2024-2025` got the generic
forms without the two years it names, and '2024—2025' (an em dash, as word processors write ranges) was not
named as two years at all."""
import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.core import PeriodError
from alphaearth_nb.timecodes import as_period


@pytest.mark.parametrize("pair,gap", [(("2024", ""), "end"), (("2024-01-01", "  "), "end"),
                                      (("", "2025-01-01"), "start"), (("", ""), "start and no end")])
def test_an_empty_text_end_is_an_open_end(pair, gap):
    with pytest.raises(PeriodError) as e:
        as_period(pair)
    assert f"{pair!r} gives no {gap}: a period needs both" in str(e.value), e.value
    assert "four-digit" not in str(e.value)


def test_an_em_dash_between_two_years_names_them():
    with pytest.raises(PeriodError, match=r"names two years in one text: pass them apart, \(2024, 2025\)"):
        as_period("2024—2025")


def _period_error(capsys, period, tmp_path):
    code = main(["embed", "--checkpoint", str(tmp_path), "--period", period, "--out", str(tmp_path / "o.zarr")])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("typed", ["2024-2025", "2025-2024", "2024 - 2025", "2024—2025", "2024..2025"])
def test_two_years_in_one_word_are_told_the_commands_pair(typed, capsys, tmp_path):
    code, err = _period_error(capsys, typed, tmp_path)
    assert code == 2 and "it names two years in one text" in err, err
    assert "pass --period 2024,2025 (one embedding valid over both years), or --period 2024 then --period 2025" in err
    both = as_period(("2024", "2025"))   # what --period 2024,2025 reads: 2024 and 2025, both whole
    assert (str(both.start)[:10], str(both.end)[:10]) == ("2024-01-01", "2026-01-01")


@pytest.mark.parametrize("typed,gap", [("2024,", "end"), (",2025", "start"), ("2024-03-01, ", "end")])
def test_an_empty_end_is_said_in_the_words_typed(typed, gap, capsys, tmp_path):
    code, err = _period_error(capsys, typed, tmp_path)
    assert code == 2 and f"argument --period: {typed!r} gives no {gap}: pass a year (--period 2024)" in err, err
    assert "four-digit" not in err and "('2024-01-01'" not in err
