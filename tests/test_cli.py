import os, subprocess, sys

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.cli import _parser, main, open_stack
from alphaearth_nb.core import band_names


def test_parser_knows_every_command():
    for cmd in ("demo", "train", "embed", "evaluate"):
        assert _parser().parse_args([cmd] + {"embed": ["--checkpoint", ".", "--period", "2024", "--out", "o"],
                                             "evaluate": ["--embeddings", "."]}.get(cmd, [])).cmd == cmd


def test_open_stack_names_the_fix(tmp_path):
    with pytest.raises(FileNotFoundError, match="--data samples"):
        open_stack(tmp_path / "missing.nc")


def test_evaluate_command_on_a_csv(tmp_path, capsys):
    # two well separated classes of unit vectors: every method should be perfect at 10 shots
    rng = np.random.default_rng(0)
    centres = np.eye(64, dtype=np.float32)[:2]
    x = centres[np.repeat([0, 1], 30)] + 0.05 * rng.normal(size=(60, 64)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    df = pd.DataFrame(x, columns=band_names()); df["label"] = np.repeat([0, 1], 30)
    df.to_csv(tmp_path / "e.csv", index=False)
    main(["evaluate", "--embeddings", str(tmp_path / "e.csv"), "--shots", "10", "--folds", "5"])
    out = capsys.readouterr().out
    assert "knn1" in out and "linear" in out
    assert out.count("1.0") >= 3  # balanced accuracy 1.0 for knn1, knn3 and the probe


def test_aef_entry_point_runs():
    r = subprocess.run([sys.executable, "-c", "from alphaearth_nb.cli import main; main(['--help'])"], capture_output=True, text=True)
    assert "demo" in r.stdout and "evaluate" in r.stdout


def _err(capsys, argv):
    code = main(argv)
    return code, capsys.readouterr().err


def test_errors_of_ours_and_of_the_os_are_one_line_exit_2(tmp_path, capsys):  # G1
    cases = [["train", "--data", str(tmp_path / "none.nc")],              # a path that is not there
             ["train", "--steps", "0"], ["evaluate", "--embeddings", "x.csv", "--shots", "1,ten"],
             ["embed", "--checkpoint", str(tmp_path), "--period", "24", "--out", "o.zarr"]]  # F2 through the CLI
    for argv in cases:
        code, err = _err(capsys, argv)
        assert code == 2 and "aef: error:" in err and "Traceback" not in err, (argv, err)
    (tmp_path / "e.csv").write_text("a,b\n1,2\n")
    code, err = _err(capsys, ["evaluate", "--embeddings", str(tmp_path / "e.csv")])
    assert code == 2 and "--label-column" in err and "KeyError" not in err
    ro = tmp_path / "ro"; ro.mkdir(); (ro / "x.csv").write_text("no")
    os.chmod(ro / "x.csv", 0)
    if not os.access(ro / "x.csv", os.R_OK):  # root reads anything: the OS error cannot be provoked then
        code, err = _err(capsys, ["evaluate", "--embeddings", str(ro / "x.csv")])
        assert code == 2 and err.startswith("aef: error:")


def test_embed_never_touches_a_user_folder(tmp_path, capsys):  # E1 through the CLI
    mine = tmp_path / "myproject"; mine.mkdir(); (mine / "thesis.tex").write_text("years of work")
    for extra in ([], ["--overwrite"]):
        code, err = _err(capsys, ["embed", "--checkpoint", str(tmp_path), "--period", "2024", "--out", str(mine)] + extra)
        assert code == 2 and "did not write" in err
    assert (mine / "thesis.tex").read_text() == "years of work"


def test_labels_mixing_numbers_and_names(tmp_path, capsys):  # G2
    df = pd.DataFrame(np.eye(64, dtype=np.float32)[:4], columns=band_names()); df["label"] = [1, "forest", 2, "water"]
    df.to_csv(tmp_path / "e.csv", index=False)
    code, err = _err(capsys, ["evaluate", "--embeddings", str(tmp_path / "e.csv")])
    assert code == 2 and "mixes numbers" in err and "forest" in err


def test_embed_drops_sources_the_model_does_not_read():  # G4
    import xarray as xr
    from alphaearth_nb.cli import model_sources
    class Model: cfg = type("C", (), {"inputs": ("sentinel2",), "targets": ("sentinel2", "dem")})
    stack = xr.DataTree.from_dict({s: xr.Dataset() for s in ("sentinel2", "sentinel1", "dem", "gedi")})
    kept, dropped = model_sources(stack, Model)
    assert list(kept.children) == ["sentinel2", "dem"] and dropped == ["sentinel1", "gedi"]
    assert list(model_sources(stack, Model, "sentinel2")[0].children) == ["sentinel2"]


def test_console_script_exit_status():
    r = subprocess.run([sys.executable, "-c", "import sys; from alphaearth_nb.cli import main; sys.exit(main(['train', '--lr', '7']))"],
                       capture_output=True, text=True)
    assert r.returncode == 2 and "aef: error: argument --lr" in r.stderr


def test_k_zero_is_not_told_to_lower_k():  # G3: the suggested fix must work
    from alphaearth_nb.core import ConfigError
    from alphaearth_nb.evaluate import knn_search
    x = np.eye(4, dtype=np.float32)
    with pytest.raises(ConfigError, match="k >= 1") as e: knn_search(x, x, 0)
    assert "lower k" not in str(e.value)
    assert knn_search(x, x, 1)[1].ravel().tolist() == [0, 1, 2, 3]  # what the message says to do works


def test_demo_report_breaks_change_down_by_transition():
    "Hand-worked: two conifer->bare pixels (1.0, 0.5) and one summer->winter crop pixel (0.1); unchanged ignored."
    import numpy as np
    from alphaearth_nb import cli, scene
    ch = np.array([[0.0, 1.0], [0.5, 0.1]])
    before, after = np.array([[0, 2], [2, 3]]), np.array([[0, 7], [7, 4]])
    got = cli._transitions(ch, before, after)
    assert [(t["from"], t["to"], t["pixels"]) for t in got] == [
        (scene.CLASSES[2], scene.CLASSES[7], 2), (scene.CLASSES[3], scene.CLASSES[4], 1)]
    np.testing.assert_allclose([t["one_minus_dot"] for t in got], [0.75, 0.1])


def test_unreadable_inputs_are_one_line_exit_2(tmp_path, capsys):
    "An empty CSV, a text file named .nc and a CSV given as checkpoint: `aef: error:` naming the file, exit 2."
    (tmp_path / "empty.csv").write_text("")
    code, err = _err(capsys, ["evaluate", "--embeddings", str(tmp_path / "empty.csv")])
    assert code == 2 and "empty.csv" in err and "header row" in err and "Traceback" not in err, err
    (tmp_path / "bad.nc").write_text("not a netcdf file\n")
    code, err = _err(capsys, ["train", "--data", str(tmp_path / "bad.nc"), "--steps", "1"])
    assert code == 2 and "cannot be opened as a DataTree" in err and "--data samples" in err, err
    (tmp_path / "good.csv").write_text("a,b\n1,2\n")
    code, err = _err(capsys, ["embed", "--checkpoint", str(tmp_path / "good.csv"), "--period", "2024",
                              "--out", str(tmp_path / "y.zarr")])
    assert code == 2 and "is not a checkpoint" in err and "damaged" not in err, err


def test_no_fast_compile_holds_for_the_command_only(monkeypatch):  # issue 16 item 2
    from alphaearth_nb import cli
    from alphaearth_nb.core import FAST_COMPILE, compiler_options
    seen = []
    monkeypatch.delenv("AEF_FAST_COMPILE", raising=False)
    monkeypatch.setitem(cli.COMMANDS, "demo", lambda a: seen.append(compiler_options("cpu")))
    assert main(["--no-compile-cache", "--no-fast-compile", "demo"]) == 0
    assert "AEF_FAST_COMPILE" not in os.environ  # restored after the command
    assert main(["--no-compile-cache", "demo"]) == 0
    assert seen == [None, FAST_COMPILE]
