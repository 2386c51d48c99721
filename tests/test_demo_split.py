"""demo was split from cli (session 29): `aef demo` runs demo.demo, cli.demo is the same function, and the one check
of a command's --out (files.output_folder) serves `aef demo` and `aef train`."""
import pytest

from alphaearth_nb import cli, commands, demo, files
from alphaearth_nb.core import NotOursError


def test_cli_re_exports_the_demo():
    assert cli.demo is demo.demo is commands.demo and "demo" in commands.__all__   # cli.demo: cli gives commands' names


@pytest.mark.parametrize("argv", [["demo", "--out"], ["train", "--data", "samples", "--out"]])
def test_every_writing_command_checks_its_out_by_the_one_rule(tmp_path, capsys, argv):
    "A file where the folder above --out must be: NotOursError from files.output_folder, before any work."
    (tmp_path / "f").write_text("x")
    out = str(tmp_path / "f" / "run")
    with pytest.raises(NotOursError) as want: files.output_folder(out, "demo")
    assert cli.main(["--no-compile-cache", *argv, out]) == 2
    err = capsys.readouterr().err
    assert "is a file" in err and str(tmp_path / "f") in err and str(want.value).split(" is a file")[0] in err, err
