"load_model / load_checkpoint / save_checkpoint given what is no run: a preset's name, None, a file, a negative step."
import jax.numpy as jnp
import pytest

from alphaearth_nb.checkpoint import checkpoints, load_checkpoint, save_checkpoint
from alphaearth_nb.core import CheckpointError, ConfigError, NotOursError
from alphaearth_nb.train import load_model


def test_a_presets_name_is_told_from_a_run(tmp_path, monkeypatch):   # was: 'no checkpoint at tiny ... train first'
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CheckpointError, match=r"'Tiny' is a preset's name, and load_model reads a trained run: .*"
                                              r"`aef\.model\.init\('tiny'\)`"):
        load_model("Tiny")


@pytest.mark.parametrize("what", [None, 3, jnp.zeros(2)])
def test_what_is_no_path_is_a_checkpoint_error(what):   # was: TypeError 'expected str, bytes or os.PathLike'
    for door in (load_model, lambda p: load_checkpoint(p, None)):
        with pytest.raises(CheckpointError, match="a checkpoint is read from a path, got"): door(what)


def test_save_checkpoint_refuses_a_file_and_a_negative_step(tmp_path):
    f = tmp_path / "notes.txt"; f.write_text("mine\n")
    with pytest.raises(NotOursError, match="notes.txt is a file, and checkpoints are written into a folder"):
        save_checkpoint(f, {"a": jnp.zeros(2)}, step=1)   # was: FileExistsError [Errno 17]
    assert f.read_text() == "mine\n"
    with pytest.raises(ConfigError, match="step=-1: a checkpoint's step is a count"):
        save_checkpoint(tmp_path / "ck", {"a": jnp.zeros(2)}, step=-1)   # was: ckpt_-0000001, seen by no reader
    assert checkpoints(tmp_path / "ck") == []
