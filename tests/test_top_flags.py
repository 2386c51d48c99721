"""`aef`'s own flags (--no-compile-cache, --no-fast-compile, --version) given after the command are named as such,
with where they go. Was: '--no-compile-cache is not a flag of aef train (aef train --help lists them)', though it is
a flag of aef, one word to the left."""
import pytest

from alphaearth_nb.cli import main


@pytest.mark.parametrize("cmd", [["train", "--data", "samples"], ["demo"], ["evaluate", "--embeddings", "e.csv"]])
@pytest.mark.parametrize("flag", ["--no-compile-cache", "--no-fast-compile"])
def test_aef_flag_after_the_command_is_told_to_go_before_it(cmd, flag, capsys):
    assert main([cmd[0], flag, *cmd[1:]]) == 2
    err = capsys.readouterr().err
    assert f"{flag} is a flag of aef itself, not of aef {cmd[0]}: put it before the command, aef {flag} {cmd[0]} ..." \
        in err and "--help lists them" not in err, err


def test_version_after_the_command_is_told_alone(capsys):
    assert main(["embed", "--version"]) == 2
    err = capsys.readouterr().err
    assert "--version is a flag of aef itself, not of aef embed: aef --version" in err, err


def test_a_flag_of_neither_is_still_unknown(capsys):
    assert main(["train", "--no-such-flag"]) == 2
    assert "--no-such-flag is not a flag of aef train" in capsys.readouterr().err
