"""aef reads a bare word as a number by core.decimal, the reading of every number option (--steps ' 3', '+3'), where it
used str.isdecimal: '+3' and ' 3' were taken for a checkpoint's path, '٣' (another script's digit) for a number, a
negative number in exponent form ('-1e-4') for an unknown flag."""
import pytest

from alphaearth_nb.cli import main


def _err(capsys, *args):
    assert main(list(args)) == 2
    return capsys.readouterr().err


@pytest.mark.parametrize("n", ["3", "+3", " 3"])
def test_a_count_is_no_checkpoint(n, capsys):
    err = _err(capsys, "embed", n, "s.zarr", "o")
    assert f"did you mean --out {n} --data s.zarr --checkpoint o?" in err, err   # as '3' always was


def test_another_scripts_digit_is_text(capsys):
    err = _err(capsys, "embed", "٣", "s.zarr", "o")
    assert "did you mean --checkpoint ٣ --data s.zarr --out o?" in err, err


@pytest.mark.parametrize("n", ["-3", "-0.5", "-1e-4"])
def test_a_negative_number_is_a_bare_word(n, capsys):
    err = _err(capsys, "train", n)
    assert f"these words are not flags: {n} " in err and "is not a flag of" not in err, err
