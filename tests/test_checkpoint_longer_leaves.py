"A `.eqx` that is not the size or checksum its header records is named for what it is: cut short only when smaller; " \
"longer with its own header is bytes added; another checkpoint's leaves (another run's, another step's) say so " \
"(checkpoint.verify_checkpoint, field case s36: a longer file was described as 'cut short')."
import shutil

import numpy as np
import pytest

from alphaearth_nb.checkpoint import save_checkpoint, verify_checkpoint
from alphaearth_nb.core import DamagedCheckpointError


def _save(d, run, n=4, step=2):
    return save_checkpoint(d, {"w": np.arange(n, dtype=np.float32)}, {"run": run, "seed": 0}, step=step)


def test_longer_leaves_are_not_cut_short(tmp_path):
    p = _save(tmp_path, "aaaa")
    leaves = p.with_suffix(".eqx"); size = leaves.stat().st_size
    leaves.write_bytes(leaves.read_bytes() + b"12345")   # 5 bytes more than written
    with pytest.raises(DamagedCheckpointError) as e: verify_checkpoint(p)
    msg = str(e.value)
    assert "cut short" not in msg, msg
    assert f"has {size + 5} bytes but was written with {size}: 5 bytes were added after writing" in msg, msg


def test_shorter_leaves_are_cut_short(tmp_path):
    p = _save(tmp_path, "aaaa")
    leaves = p.with_suffix(".eqx"); raw = leaves.read_bytes(); leaves.write_bytes(raw[:-3])
    with pytest.raises(DamagedCheckpointError, match=f"has {len(raw) - 3} bytes but was written with {len(raw)}: "
                                                     "it was cut short"):
        verify_checkpoint(p)


@pytest.mark.parametrize("n", [64, 4])   # longer leaves (64 floats, not 4), and leaves of the same size
def test_another_runs_leaves_are_named(tmp_path, n):
    mine, theirs = _save(tmp_path / "a", "aaaa"), _save(tmp_path / "b", "bbbb", n=n)
    shutil.copy(theirs.with_suffix(".eqx"), mine.with_suffix(".eqx"))   # one run's .eqx over another's
    with pytest.raises(DamagedCheckpointError) as e: verify_checkpoint(mine)
    msg = str(e.value)
    assert "cut short" not in msg and "SHA-256" not in msg, msg
    assert "holds another run's leaves" in msg and 'run="bbbb" (its header: "aaaa")' in msg, msg
    assert "Copy both files of one checkpoint together (ckpt_00000002.json with its .eqx)" in msg, msg


def test_another_steps_leaves_are_named(tmp_path):
    two, four = _save(tmp_path, "aaaa", step=2), _save(tmp_path, "aaaa", n=64, step=4)
    shutil.copy(four.with_suffix(".eqx"), two.with_suffix(".eqx"))
    with pytest.raises(DamagedCheckpointError, match=r"holds another checkpoint's leaves.*step=4 \(its header: 2\)"):
        verify_checkpoint(two)


def test_a_foreign_file_is_named(tmp_path):
    p = _save(tmp_path, "aaaa")
    p.with_suffix(".eqx").write_bytes(b"x" * 10_000)
    with pytest.raises(DamagedCheckpointError, match="does not begin with a checkpoint header of ours.*another file"):
        verify_checkpoint(p)
