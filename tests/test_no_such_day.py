"""A date written year first that names no day ('2023-02-30', '2023-13-01': a typo, February's 30th) is said as
such, with why, in Python (timecodes.to_ms, as_period) and at `aef embed --period`. Was pandas' 'Time data
2023-02-30 is not ISO8601 format' (it is ISO 8601's form: the day is what is missing), and at the command only
'cannot read ('2023-02-30', '2024-01-01') as a period', naming neither the value nor the reason."""
import calendar

import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.core import AEFError
from alphaearth_nb.timecodes import as_period, to_ms

CASES = [("2023-02-30", "February 2023 has 28 days"), ("2024-02-30", "February 2024 has 29 days"),
         ("2023-04-31", "April 2023 has 30 days"), ("2023-13-01", "a year has 12 months"),
         ("2023/02/29 10:00", "February 2023 has 28 days")]


@pytest.mark.parametrize("text,why", CASES)
def test_the_day_and_why_are_named(text, why):
    y, m = int(text[:4]), int(text[5:7])
    assert why.endswith(f"{calendar.monthrange(y, m)[1]} days") if m <= 12 else why.endswith("12 months")
    with pytest.raises(AEFError) as e: to_ms([text])
    assert f"{text!r} names no day ({why})" in str(e.value), str(e.value)
    with pytest.raises(AEFError) as e: as_period((text, "2025-01-01"))
    assert f"{text!r} names no day ({why})" in str(e.value), str(e.value)


def test_real_days_still_read():
    assert to_ms(["2024-02-29", "2023-12-31"]).tolist() == [1709164800000, 1703980800000]


def test_aef_embed_period_names_the_day(tmp_path, capsys):
    code = main(["embed", "--checkpoint", str(tmp_path), "--period", "2023-02-30,2024-01-01",
                 "--out", str(tmp_path / "e.zarr")])
    err = capsys.readouterr().err
    assert code == 2 and "argument --period: '2023-02-30' names no day (February 2023 has 28 days): pass" in err, err
