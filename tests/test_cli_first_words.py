"""`aef` alone names the commands (was: 'the following arguments are required: cmd', argparse's name for them), and
`--data` the WorldCereal patch as the shared data ships it (../shared/data/README.md: 15 variables at the root of one
netCDF) is read as a stack by the package's reader, said so, so a shell user can train and embed it (was: refused
with Python's steps only, `readers.read_worldcereal_patch(path)`, `xr.DataTree.from_dict(...)`)."""
from alphaearth_nb.cli import main
from alphaearth_nb.commands import open_data


def test_aef_alone_names_the_commands(capsys):
    assert main([]) == 2
    err = capsys.readouterr().err
    assert "aef: error: name a command: aef demo, aef train, aef embed, aef evaluate, aef classify, aef similarity or aef change" in err, err
    assert "cmd" not in err.replace("command", ""), err


def test_the_worldcereal_patch_is_read_as_a_stack(shared_data, capsys):
    f = shared_data / "worldcereal_patch" / "worldcereal_preprocessed_inputs.nc"
    stack, texts = open_data(str(f))
    assert sorted(stack.children) == ["dem", "era5", "sentinel1", "sentinel2"] and texts is None
    assert stack["sentinel2"].sizes["y"] == stack["sentinel2"].sizes["x"] == 100   # the README's 100 x 100 patch
    assert "is a WorldCereal patch" in capsys.readouterr().err
