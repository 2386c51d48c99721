"load_model / load_checkpoint on a run that is training and has written no checkpoint yet: told to wait for its "
"first, naming the run's process, not 'train first' (kind G)."
import os

import pytest

from alphaearth_nb.checkpoint import load_checkpoint, run_folder
from alphaearth_nb.core import CheckpointError
from alphaearth_nb.train import load_model


@pytest.mark.parametrize("load", [load_model, lambda p: load_checkpoint(p, None)])
@pytest.mark.parametrize("sub", ["", "checkpoints"])
def test_a_run_in_progress_is_waited_for(tmp_path, load, sub):
    run = tmp_path / "run"
    with run_folder(run):   # what fit holds for the run's life; its first checkpoint not written yet
        (run / "checkpoints").mkdir()
        (run / "checkpoints" / f".ckpt_00000100.eqx.partial-{os.getpid()}-0123abcd").write_bytes(b"\0" * 64)
        with pytest.raises(CheckpointError) as e:
            load(run / sub if sub else run)
    m = str(e.value)
    assert f"pid {os.getpid()}" in m and "wait" in m and "train first" not in m, m


def test_a_folder_without_a_run_is_still_told_to_train(tmp_path):
    (tmp_path / "checkpoints").mkdir()
    with pytest.raises(CheckpointError, match="train first"):
        load_model(tmp_path)
