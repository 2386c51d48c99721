"""`aef`'s errors and warnings name the flag or the command a shell user types, not the Python keyword or call the
package's message names for Python callers (`cli_args.shell_words`, applied once in `cli.main`). Was, running each
command with a slip from a shell: 'pass resume=True (`--resume`) to continue it, overwrite=True (`--overwrite`)',
'pass overwrite=True (`--overwrite` on the command line)', "out='run' (`--out run`), with resume=True ...",
'train first (`fit(..., out=...)`, `aef train --out`)', 'resume=True and overwrite=True contradict each other' after
the plan was said, and 'resume=True, but ... holds no checkpoint'."""
import re

import pytest

from alphaearth_nb.cli import main

PYTHON = re.compile(r"\b(resume|overwrite|out|steps|batch_size)=|`fit\b")   # Python's words the command has flags for


def _err(capsys, argv):
    code = main(argv)
    return code, capsys.readouterr().err


@pytest.fixture
def run(tmp_path):
    "A run folder of ours with one checkpoint (step 1) of a stand-in state, its header recording `tiny`."
    import jax.numpy as jnp
    from alphaearth_nb.checkpoint import RUN_MARKER, save_checkpoint
    save_checkpoint(tmp_path / "run" / "checkpoints", {"w": jnp.zeros(2)}, meta={"preset": "tiny"}, step=1)
    (tmp_path / "run" / RUN_MARKER).write_text("")
    return tmp_path / "run"


def test_a_run_already_there_is_told_the_flags(run, capsys):
    code, err = _err(capsys, ["train", "--preset", "tiny", "--steps", "1", "--out", str(run)])
    assert code == 2 and "pass --resume to continue it, --overwrite to start over" in err, err
    assert not PYTHON.search(err), err


def test_the_checkpoints_folder_as_out_is_told_the_run_folder_flag(run, capsys):
    code, err = _err(capsys, ["train", "--preset", "tiny", "--steps", "1", "--out", str(run / "checkpoints")])
    assert code == 2 and f"--out {run}, with --resume to continue it or --overwrite" in err, err
    assert not PYTHON.search(err), err


def test_resume_and_overwrite_together_are_refused_before_the_plan(run, capsys):
    code, err = _err(capsys, ["train", "--out", str(run), "--resume", "--overwrite"])
    assert code == 2 and "--overwrite" in err and "--resume" in err and "aef train:" not in err, err
    assert not PYTHON.search(err), err


def test_a_warning_is_shown_in_the_flags_words(capsys):
    "`aef`'s one-line warnings (`cli._show_warning`, what `aef` itself shows them with) say the flag too."
    from alphaearth_nb import cli
    from alphaearth_nb.core import TrainingWarning
    cli._show_warning(TrainingWarning("resume=True, but run holds no checkpoint to resume from: starting at step 0."),
                      TrainingWarning, "train.py", 1)
    err = capsys.readouterr().err
    assert err == "aef: warning: TrainingWarning: --resume, but run holds no checkpoint to resume from: starting at " \
                  "step 0.\n", err


def test_an_embedding_store_already_there_is_told_overwrite(tmp_path, run, capsys):
    from alphaearth_nb.exports import to_zarr
    from alphaearth_nb.testing import embedding_from_array, random_unit
    store = to_zarr(embedding_from_array(random_unit((3, 3), seed=0)), tmp_path / "e.zarr")
    code, err = _err(capsys, ["embed", "--checkpoint", str(run), "--period", "2024", "--out", str(store)])
    assert code == 2 and "pass --overwrite to replace" in err, err
    assert not PYTHON.search(err), err


def test_a_folder_without_checkpoints_is_told_to_train_with_the_command(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    code, err = _err(capsys, ["embed", "--checkpoint", str(tmp_path / "empty"), "--period", "2024",
                              "--out", str(tmp_path / "e.zarr")])
    assert code == 2 and "`aef train --out`" in err, err
    assert not PYTHON.search(err), err
