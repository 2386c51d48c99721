"""A pair of years written short, `as_period((24, 25))` or `aef embed --period 24,25`, is told to write the years in
full, naming the pair meant (field case F2's kind: 24 means 2024). Was: 'numbers [24] are not epoch milliseconds:
convert them with `pd.to_datetime(values, unit=...)`' (text: '... astype('int64'), unit=...)'), a fix that gives 1970
dates (the G3 kind of message), and the command's generic list of forms."""
import numpy as np
import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.core import PeriodError
from alphaearth_nb.periods import as_period


@pytest.mark.parametrize("pair, meant", [((24, 25), "(2024, 2025)"), (("23", "24"), "(2023, 2024)"),
                                         ([23, 24], "(2023, 2024)"), ((np.int64(24), 25.0), "(2024, 2025)"),
                                         ((2024, 24), "(2024, 2024)")])
def test_short_years_in_a_pair_are_told_to_be_written_in_full(pair, meant):
    with pytest.raises(PeriodError) as e: as_period(pair)
    msg = str(e.value)
    assert "write the years in full" in msg and meant in msg, msg
    assert "to_datetime" not in msg and "epoch" not in msg, msg


def test_epoch_milliseconds_and_full_years_still_read():
    assert as_period((1704067200000, 1735689600000)) == as_period(2024)
    assert as_period((2023, 2024)) == as_period(("2023-01-01", "2025-01-01"))


@pytest.mark.parametrize("period, fix", [("24,25", "--period 2024,2025"), ("23, 24", "--period 2023,2024")])
def test_the_command_names_the_pair_in_full(capsys, tmp_path, period, fix):
    assert main(["embed", "--checkpoint", str(tmp_path), "--period", period, "--out", str(tmp_path / "e.zarr")]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "is not a calendar year" in err and f"pass the years in full, {fix}" in err, err
