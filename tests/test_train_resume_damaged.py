"""`aef train --resume`'s early exit ('already at step N of --steps N') reads the checkpoint `fit` would resume from:
the newest that verifies, as `load_checkpoint` of the folder skips a damaged one (session 36). Was: the newest header,
unverified, so a run whose final checkpoint's weights are damaged was said finished, where `fit` resumes from the
older checkpoint and trains on."""
import jax.numpy as jnp

from alphaearth_nb import train_cmd
from alphaearth_nb.checkpoint import save_checkpoint
from alphaearth_nb.cli import main


def _run(tmp_path):
    "A run of --steps 2 with checkpoints at steps 1 and 2, the weights of step 2 damaged (one byte, same size)."
    run = tmp_path / "run"
    for step in (1, 2):
        save_checkpoint(run / "checkpoints", {"w": jnp.zeros(2)}, step=step, keep=5,
                        meta={"preset": "tiny", "train": {"steps": 2}, "data_position": step})
    leaves = run / "checkpoints" / "ckpt_00000002.eqx"
    raw = bytearray(leaves.read_bytes()); raw[-1] ^= 0xFF; leaves.write_bytes(bytes(raw))
    return run


def test_a_damaged_final_checkpoint_resumes_from_the_older(tmp_path, capsys, monkeypatch):
    "Hand-worked: step 2's weights fail their checksum, so fit would load step 1: resume at step 1, to step 2."
    run, seen = _run(tmp_path), []
    monkeypatch.setattr(train_cmd.train, "fit", lambda *a, **k: seen.append(k["config"].steps) or
                        (type("S", (), {"step": 2})(), [{"loss": 1.0}, {"loss": 0.5}]))
    assert main(["train", "--out", str(run), "--resume"]) == 0
    said = capsys.readouterr()
    assert "already at step" not in said.out, said.out
    assert seen == [2] and "resuming at step 1," in said.err and "trained tiny to step 2" in said.out, said


def test_a_sound_final_checkpoint_is_still_finished(tmp_path, capsys, monkeypatch):
    "The same run with step 2 sound: at step 2 of --steps 2, nothing to train, fit not called."
    run, did = tmp_path / "run", []
    for step in (1, 2):
        save_checkpoint(run / "checkpoints", {"w": jnp.zeros(2)}, step=step, keep=5,
                        meta={"preset": "tiny", "train": {"steps": 2}, "data_position": step})
    monkeypatch.setattr(train_cmd.train, "fit", lambda *a, **k: did.append("fit"))
    assert main(["train", "--out", str(run), "--resume"]) == 0
    assert did == [] and "is already at step 2 of --steps 2" in capsys.readouterr().out


def test_every_checkpoint_damaged_is_not_finished_and_is_refused_first(tmp_path, capsys, monkeypatch):
    "Steps 1 and 2 both damaged: no step to resume from is verified, so no 'already at step 2'; the run is refused " \
    "before its plan in the load's words (session 52: was, fit called and naming the damage after the plan)."
    run, seen = _run(tmp_path), []
    leaves = run / "checkpoints" / "ckpt_00000001.eqx"
    raw = bytearray(leaves.read_bytes()); raw[-1] ^= 0xFF; leaves.write_bytes(bytes(raw))
    monkeypatch.setattr(train_cmd.train, "fit", lambda preset, *a, **k: seen.append((preset, k["config"].steps)) or
                        (type("S", (), {"step": 2})(), [{"loss": 1.0}, {"loss": 0.5}]))
    assert main(["train", "--out", str(run), "--resume"]) == 2
    said = capsys.readouterr()
    assert "already at step" not in said.out and seen == [], (said, seen)
    assert "every checkpoint in" in said.err and "is damaged" in said.err, said.err
