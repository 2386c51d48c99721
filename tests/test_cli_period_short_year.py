"""`aef embed --period 24` keeps Python's fix for a two-digit year: the year in full. Was: 'aef: error: argument
--period: 24 is not a calendar year in 1900..2100: pass a year (--period 2024), ...' where `as_period(24)` says
'write the year in full (2024, not 24)' (field case F2: 24 meant 2024)."""
import pytest
from alphaearth_nb.cli import main


def _err(capsys, tmp_path, period):
    assert main(["embed", "--checkpoint", str(tmp_path), "--period", period, "--out", str(tmp_path / "e.zarr")]) == 2
    return " ".join(capsys.readouterr().err.split())


@pytest.mark.parametrize("short", ["24", "23"])
def test_a_short_year_is_told_to_be_written_in_full(capsys, tmp_path, short):
    err = _err(capsys, tmp_path, short)
    assert f"{short} is not a calendar year" in err and f"a year in full (--period 2024, not {short})" in err, err
    assert "--period 2023,2024" in err, err     # the other forms still said


def test_a_full_year_out_of_range_is_not_told_so(capsys, tmp_path):
    err = _err(capsys, tmp_path, "1899")
    assert "1899 is not a calendar year" in err and "in full" not in err, err
