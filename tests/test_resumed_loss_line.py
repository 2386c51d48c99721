"""`aef train --resume` ended 'trained tiny to step 4: loss 0.7986 -> 0.8068' where the first figure was step 1 of the
original run (hist[0]: fit's history holds the loaded run's records), not where this command began. The line now gives
the resumed segment's first loss and says 'from step N'; a new run's line is as before."""
import jax.numpy as jnp

from alphaearth_nb import train_cmd
from alphaearth_nb.checkpoint import save_checkpoint
from alphaearth_nb.cli import main


def _run_at(tmp_path, step=2):
    run = tmp_path / "run"
    save_checkpoint(run / "checkpoints", {"w": jnp.zeros(2)}, step=step,
                    meta={"preset": "tiny", "train": {"steps": step}, "data_position": step})
    return run


def test_the_resumed_segment_is_said(tmp_path, capsys, monkeypatch):
    run = _run_at(tmp_path)
    hist = [{"step": 1, "loss": 0.7986}, {"step": 2, "loss": 0.75}, {"step": 3, "loss": 0.9}, {"step": 4, "loss": 0.8068}]
    monkeypatch.setattr(train_cmd.train, "fit", lambda *a, **k: (type("S", (), {"step": 4})(), hist))
    assert main(["train", "--out", str(run), "--resume", "--steps", "4"]) == 0
    out = capsys.readouterr().out
    assert "loss 0.9000 -> 0.8068 (from step 3)" in out and "0.7986" not in out, out
