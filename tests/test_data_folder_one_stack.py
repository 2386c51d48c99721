"""Newcomer s56 #17: `aef train --data /work/shared/data/worldcereal_patch` (the folder) was refused, "is not a .nc
or .zarr stack", though it holds exactly one readable .nc (and its LICENSE). A folder of one .nc/.zarr stack is now
that stack; a folder of several names them and one to pass; a folder of none is refused as before."""
import shutil

import pytest

from alphaearth_nb import cli
from alphaearth_nb.cli import main


@pytest.fixture
def got(monkeypatch):
    seen = []
    for cmd in ("train", "embed"):
        monkeypatch.setitem(cli.COMMANDS, cmd, lambda a: seen.append(a.data) or 0)
    return seen


@pytest.mark.parametrize("command", ["train", "embed"])
def test_a_folder_of_one_stack_is_that_stack(tmp_path, got, command, shared_data):
    d = tmp_path / "patch"; d.mkdir()
    shutil.copy(shared_data / "worldcereal_patch" / "worldcereal_preprocessed_inputs.nc", d)
    (d / "LICENSE").write_text("CC-BY")
    rest = [] if command == "train" else ["--checkpoint", str(tmp_path), "--period", "2024", "--out", str(tmp_path / "e.zarr")]
    assert main([command, "--data", str(d), *rest]) == 0
    assert got == [str(d / "worldcereal_preprocessed_inputs.nc")]


def test_a_folder_of_two_stacks_names_them(tmp_path, capsys, got):
    d = tmp_path / "two"; d.mkdir()
    (d / "a.nc").write_bytes(b"CDF\x01"); (d / "b.zarr").mkdir()
    assert main(["train", "--data", str(d)]) == 2 and not got
    err = capsys.readouterr().err
    assert "is a folder of 2 stacks (a.nc, b.zarr): pass one, e.g. --data " in err and str(d / "a.nc") in err, err


def test_a_folder_of_no_stack_still_refused(tmp_path, capsys, got):
    d = tmp_path / "none"; d.mkdir()
    (d / "notes.txt").write_text("x")
    assert main(["train", "--data", str(d)]) == 2 and not got
    assert "is not a .nc or .zarr stack" in capsys.readouterr().err
