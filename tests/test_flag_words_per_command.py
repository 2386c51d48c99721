"""`cli_args.shell_words` turns a Python setting into a flag only under a command that has that flag: `overwrite=True`
is `--overwrite` under `aef train` and `aef embed`, and stays `overwrite=True` under `aef demo` and `aef evaluate`,
which have none (nor would the flag parse there). Was: `--overwrite` under any command (queue s44 left)."""
import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.cli_args import shell_words

SAID = "the store exists: pass overwrite=True to replace it, or resume=True to go on; steps=3"


@pytest.mark.parametrize("command", ["train", "embed"])
def test_overwrite_is_the_flag_where_the_command_has_it(command):
    assert "pass --overwrite to replace it" in shell_words(SAID, command)


@pytest.mark.parametrize("command", ["demo", "evaluate"])
def test_overwrite_stays_python_where_the_command_lacks_it(command, capsys):
    got = shell_words(SAID, command)
    assert "pass overwrite=True to replace it" in got and "--overwrite" not in got, got
    assert main([command, "--overwrite"]) == 2   # the flag would not parse there
    assert f"--overwrite is a flag of aef change, aef classify, aef embed, aef similarity and aef train, not of aef " \
           f"{command}" in capsys.readouterr().err   # the maps write a file too (tests/test_map_commands)


def test_each_flag_by_its_command():
    "resume=True is `--resume` under train alone; steps=3 `--steps 3` under demo and train, not embed or evaluate."
    assert "--resume" in shell_words(SAID, "train") and "resume=True" in shell_words(SAID, "embed")
    assert all("--steps 3" in shell_words(SAID, c) for c in ("demo", "train"))
    assert all("steps=3" in shell_words(SAID, c) for c in ("embed", "evaluate"))
    assert "--overwrite" in shell_words(SAID) and "--resume" in shell_words(SAID)   # no command: every flag, as before
