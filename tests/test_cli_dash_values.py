"""A value that starts with '-' but is no plain negative number (`--shots -3,max`, `--period -2024,2025`,
`--lr -1e-4`, `--crs -x`) is taken by argparse for a flag, and it said only 'expected one argument'. aef names the
word and the form the shell passes it in: `--shots=-3,max` (then the option's own rule reads the value)."""
import pytest

from alphaearth_nb.cli import main


def _err(capsys, *args):
    assert main(list(args)) == 2
    return capsys.readouterr().err


@pytest.mark.parametrize("cmd, flag, value", [
    (["evaluate", "--embeddings", "README.md"], "--shots", "-3,max"),
    (["evaluate", "--embeddings", "README.md"], "--crs", "-x"),
    (["evaluate", "--embeddings", "README.md"], "--label-column", "-a"),
    (["embed", "--checkpoint", "README.md", "--out", "o"], "--period", "-2024,2025"),
    (["train"], "--lr", "-1e-4"),
    (["train"], "--out", "-x"),
    (["demo"], "--out", "-122.5,37,-122,38"),
])
def test_a_dash_value_is_told_its_equals_form(cmd, flag, value, capsys):
    err = _err(capsys, *cmd, flag, value)
    assert f"write {flag}={value}" in err, err


def test_an_abbreviated_flag_is_named_in_full(capsys):
    err = _err(capsys, "evaluate", "--embeddings", "README.md", "--sho", "-3,max")
    assert "write --shots=-3,max" in err, err


def test_the_equals_form_reaches_the_rule(capsys):
    # what the fix leads to: the option's own rule, not argparse's flag reading
    err = _err(capsys, "evaluate", "--embeddings", "README.md", "--shots=-3,max")
    assert "-3 is not a level" in err and "write --shots" not in err, err


def test_a_flag_after_a_flag_is_said(capsys):
    err = _err(capsys, "train", "--out", "--seed", "3")
    assert "--seed, the word after --out, is a flag" in err and "write --out=" not in err, err


def test_a_flag_at_the_end_is_said(capsys):
    err = _err(capsys, "train", "--out")
    assert "nothing follows --out" in err, err
