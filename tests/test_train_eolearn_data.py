"""`aef train --data <eo-learn patch folder>` was refused ('... is not a .nc or .zarr stack') though `aef train --help`
cites the eo-learn stack (`--inputs ndvi --targets ndvi,dem`), and the package reads such a folder
(`readers.read_eolearn_patch`). `--data` now takes the folder (`loaders.is_eolearn_patch`: the files that reader
reads) and the command trains on the stack of ndvi and dem read from it, said in one line; `aef embed` reads it too."""

from alphaearth_nb import cli_args, train
from alphaearth_nb.cli import main
from alphaearth_nb.loaders import EOLEARN_FILES, is_eolearn_patch


def test_the_folder_is_data_for_train_and_embed(shared_data):
    eo = str(shared_data / "eolearn_patch")
    assert is_eolearn_patch(eo)
    assert cli_args.parser().parse_args(["train", "--data", eo]).data == eo   # was: exit 2, 'not a .nc or .zarr'
    assert cli_args.parser().parse_args(["embed", "--data", eo, "--checkpoint", eo, "--period", "2023", "--out", "e.zarr"]).data == eo


def test_a_folder_short_of_the_files_is_still_refused(tmp_path, capsys):
    for f in EOLEARN_FILES[:-1]:
        (tmp_path / f).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / f).write_text("")
    assert main(["train", "--data", str(tmp_path)]) == 2
    assert "or an eo-learn patch folder" in capsys.readouterr().err


def test_train_reads_the_patch_as_ndvi_and_dem(shared_data, tmp_path, capsys, monkeypatch):
    seen = {}
    def fit(net, stack, **k):
        seen.update(stack=stack, net=net)
        return type("S", (), {"step": 1})(), [{"step": 1, "loss": 1.0}]
    monkeypatch.setattr(train, "fit", fit)
    eo = shared_data / "eolearn_patch"
    assert main(["--no-compile-cache", "train", "--data", str(eo), "--preset", "tiny", "--inputs", "ndvi",
                 "--targets", "ndvi,dem", "--steps", "1", "--batch-size", "2", "--out", str(tmp_path / "r")]) == 0
    assert sorted(seen["stack"].children) == ["dem", "ndvi"], seen
    assert seen["stack"]["ndvi"].sizes["time"] == 68 and seen["net"].cfg.inputs == ("ndvi",)
    assert f"--data {eo} is an eo-learn patch: read as a stack of ndvi and dem" in capsys.readouterr().err
