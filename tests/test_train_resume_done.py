"""`aef train --resume` of a run already at its final step says so first, before the plan, the data and any JAX work
(no model built, no step compiled), with the step and how to train longer (session 36). Was: the plan, the sample
scene loaded and `fit` called (the model built and its step compiled, 20 s or more) before 'already at step 2 of
--steps 2: nothing trained'. And the line a resumed run ends with gives the resumed segment's first loss, 'from step
N' (it was hist[0], step 1 of the original run: fit's history holds the loaded run's records); merged here from
tests/test_resumed_loss_line.py (session 52: the two built the same finished run)."""
import jax.numpy as jnp

from alphaearth_nb import train_cmd
from alphaearth_nb.checkpoint import save_checkpoint
from alphaearth_nb.cli import main


def _finished(tmp_path, step=2):
    run = tmp_path / "run"
    save_checkpoint(run / "checkpoints", {"w": jnp.zeros(2)}, step=step,
                    meta={"preset": "tiny", "train": {"steps": step}, "data_position": step})
    return run


def test_a_finished_run_is_said_before_any_work(tmp_path, capsys, monkeypatch):
    run, did = _finished(tmp_path), []
    monkeypatch.setattr(train_cmd.train, "fit", lambda *a, **k: did.append("fit"))
    monkeypatch.setattr(train_cmd, "open_data", lambda *a, **k: did.append("data"))
    monkeypatch.setattr(train_cmd.model, "AlphaEarth", lambda *a, **k: did.append("model"))
    code = main(["train", "--out", str(run), "--resume"])
    said = capsys.readouterr()
    assert code == 0 and did == [], (did, said)
    assert said.out == (f"{run} is already at step 2 of --steps 2: nothing to train; pass a larger --steps (the whole "
                        "run's, e.g. --steps 4) to train more, with --resume\n"), said.out
    assert "aef train: training" not in said.err and "compiles" not in said.err, said.err   # no plan


def test_a_run_short_of_its_steps_still_trains(tmp_path, capsys, monkeypatch):
    "Hand-worked: a run at step 2 resumed to --steps 3 goes to fit, told to resume at step 2."
    run, seen = _finished(tmp_path), []
    monkeypatch.setattr(train_cmd.train, "fit", lambda *a, **k: seen.append(k["config"].steps) or
                        (type("S", (), {"step": 3})(), [{"loss": 1.0}, {"loss": 0.5}]))
    assert main(["train", "--out", str(run), "--resume", "--steps", "3"]) == 0
    said = capsys.readouterr()
    assert seen == [3] and "resuming at step 2" in said.err and "trained tiny to step 3" in said.out, said


def test_the_resumed_segment_is_said(tmp_path, capsys, monkeypatch):
    run = _finished(tmp_path)
    hist = [{"step": 1, "loss": 0.7986}, {"step": 2, "loss": 0.75}, {"step": 3, "loss": 0.9}, {"step": 4, "loss": 0.8068}]
    monkeypatch.setattr(train_cmd.train, "fit", lambda *a, **k: (type("S", (), {"step": 4})(), hist))
    assert main(["train", "--out", str(run), "--resume", "--steps", "4"]) == 0
    out = capsys.readouterr().out
    assert "loss 0.9000 -> 0.8068 (from step 3)" in out and "0.7986" not in out, out
