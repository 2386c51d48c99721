"""`aef embed --checkpoint`'s help and its error name the same files, the ones the loader takes (session 36):
a run folder, or a checkpoint's header `ckpt_*.json` or its weights `ckpt_*.eqx` (`load_checkpoint` reads a `.eqx` as
its `.json`). Was: the help said checkpoints/ckpt_*.json, the error checkpoints/ckpt_*.eqx."""
from alphaearth_nb.cli import main
from alphaearth_nb.cli_args import parser

SAID = "checkpoints/ckpt_*.json (or its .eqx)"


def test_the_help_names_both_files(capsys):
    sub = next(a for a in parser()._actions if a.dest == "cmd").choices["embed"]
    flag = next(a for a in sub._actions if "--checkpoint" in a.option_strings)
    assert SAID in flag.help, flag.help


def test_the_error_names_the_same_files(tmp_path, capsys):
    empty = tmp_path / "ckpt_00000002.json"
    empty.write_text("")
    code = main(["embed", "--checkpoint", str(empty), "--period", "2024", "--out", str(tmp_path / "e.zarr")])
    err = capsys.readouterr().err
    assert code != 0 and "is an empty file (0 bytes)" in err and SAID in err, err
