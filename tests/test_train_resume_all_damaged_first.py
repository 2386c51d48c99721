"""`aef train --resume` of a run whose checkpoints are all damaged (their weights changed, the size kept, so only the
checksum tells) printed its plan ('aef train: resuming at step 2 ...') and fit's warnings, then compiled nothing and
refused. It now refuses before any word of the plan, in the load's words (every checkpoint named, the fixes), and
fit is not called. A run with one sound checkpoint still resumes from it."""
import jax.numpy as jnp

from alphaearth_nb import train_cmd
from alphaearth_nb.checkpoint import save_checkpoint
from alphaearth_nb.cli import main


def _run(tmp_path, damaged=(1, 2)):
    run = tmp_path / "run"
    for step in (1, 2):
        save_checkpoint(run / "checkpoints", {"w": jnp.zeros(2)}, step=step, keep=5,
                        meta={"preset": "tiny", "train": {"steps": 4}, "data_position": step})
    for step in damaged:   # one byte flipped, the size kept
        leaves = run / "checkpoints" / f"ckpt_{step:08d}.eqx"
        raw = bytearray(leaves.read_bytes()); raw[-1] ^= 0xFF; leaves.write_bytes(bytes(raw))
    return run


def test_all_damaged_is_refused_before_the_plan(tmp_path, capsys, monkeypatch):
    run, did = _run(tmp_path), []
    monkeypatch.setattr(train_cmd.train, "fit", lambda *a, **k: did.append("fit"))
    assert main(["train", "--out", str(run), "--resume"]) == 2
    err = capsys.readouterr().err
    assert did == [] and "aef train:" not in err and "resuming" not in err, err
    assert f"every checkpoint in {run / 'checkpoints'} is damaged" in err, err
    assert "ckpt_00000002" in err and "ckpt_00000001" in err and "--overwrite" in err, err


def test_one_sound_checkpoint_still_resumes(tmp_path, capsys, monkeypatch):
    run, seen = _run(tmp_path, damaged=(2,)), []
    monkeypatch.setattr(train_cmd.train, "fit", lambda *a, **k: seen.append(k["config"].steps) or
                        (type("S", (), {"step": 4})(), [{"loss": 1.0}, {"loss": 0.5}]))
    assert main(["train", "--out", str(run), "--resume"]) == 0
    err = capsys.readouterr().err
    assert seen == [4] and "resuming at step 1," in err, err
