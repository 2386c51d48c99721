"""`aef train --data` and `aef embed --data` take an eo-learn patch folder, but two of the three refusals of a wrong
--data (a path that does not exist, an empty folder) said 'pass `samples` or a .nc/.zarr stack', leaving it out. The
three now name one list (`cli_values._DATA_KINDS`)."""
import pytest

from alphaearth_nb.cli import main


@pytest.mark.parametrize("command", ["train", "embed"])
def test_every_data_refusal_names_the_eolearn_folder(tmp_path, capsys, command):
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes.txt").write_text("x")
    rest = [] if command == "train" else ["--checkpoint", str(tmp_path), "--period", "2024", "--out", str(tmp_path / "e.zarr")]
    for given, what in (("gone.zarr", "does not exist"), ("empty", "is an empty folder"), ("notes.txt", "is not a .nc or .zarr stack")):
        assert main([command, "--data", str(tmp_path / given), *rest]) == 2
        err = capsys.readouterr().err
        assert what in err and "pass `samples`, a .nc/.zarr stack or an eo-learn patch folder" in err, err
