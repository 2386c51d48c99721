"""What a notebook's `fit` keeps (s57 newcomer #2, #3, #4). `fit(..., out=)` checkpointed every 1000 steps whatever
the run's length and wrote metrics.jsonl only at a checkpoint: a 200-step notebook run had no checkpoint and an empty
metrics file till it ended. Now its default is `aef train`'s rule (a tenth of the steps, at most 1000) and metrics
are written as steps go (every `METRICS_EVERY_S` at most). `fit` without `out=` interrupted raised a bare
KeyboardInterrupt, the steps lost: the last whole step's state now rides on the interrupt (`e.state`, `e.history`),
said. An interrupt in the last step (or its checkpoint) was announced ('stopping after this step') then dropped, the
cell going on: it is now raised after the final checkpoint, said so."""
import os
import signal

import jax
import pytest

from alphaearth_nb import train
from alphaearth_nb.checkpoint import latest_checkpoint, read_header
from alphaearth_nb.testing import Standin, standin_batches, standin_loss

KW = dict(batch_size=8, seed=4, loss_fn=standin_loss, progress=False)


def test_fit_checkpoints_a_tenth_of_its_steps_by_default(tmp_path):
    train.fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=tmp_path / "a", steps=20, **KW)
    assert read_header(latest_checkpoint(tmp_path / "a"))["train"]["checkpoint_every"] == 2   # was 1000
    assert train.checkpoints_of(20) == 2 and train.checkpoints_of(50_000) == 1000 and train.checkpoints_of(3) == 1


def test_metrics_are_written_as_steps_go(tmp_path, monkeypatch):
    monkeypatch.setattr(train, "METRICS_EVERY_S", 0.0)
    out, seen = tmp_path / "m", []
    def data(p):
        for i, b in enumerate(standin_batches(p), p):
            if i == 8: seen.append(len((out / "metrics.jsonl").read_text().splitlines()))
            yield b
    train.fit(Standin(key=jax.random.PRNGKey(0)), data, out=out, steps=10, checkpoint_every=100, **KW)
    assert seen and seen[0] >= 3, seen   # was 0: written at the checkpoint only, step 10


def test_an_interrupt_without_out_keeps_the_last_whole_state(python_ctrl_c, capsys):
    def data(p):
        for i, b in enumerate(standin_batches(p), p):
            if i == 6: os.kill(os.getpid(), signal.SIGINT)   # the kernel's interrupt (ipykernel: Python's handler)
            yield b
    with pytest.raises(KeyboardInterrupt) as e:
        train.fit(Standin(key=jax.random.PRNGKey(0)), data, steps=40, **KW)
    step = int(e.value.state.step)   # was: no state, the steps lost
    assert step >= 1 and len(e.value.history) == step, (step, len(e.value.history))
    err = capsys.readouterr().err
    assert "stopping after this step, its state kept on the interrupt (no out=)" in err, err
    assert f"step {step}'s state is on the interrupt" in err and "sys.last_value.state" in err, err


def test_an_interrupt_in_the_last_step_is_raised_after_its_checkpoint(tmp_path, python_ctrl_c, monkeypatch, capsys):
    real = train.save_checkpoint
    def save(*a, **k):   # the final checkpoint: the interrupt comes as it is written
        os.kill(os.getpid(), signal.SIGINT)
        return real(*a, **k)
    monkeypatch.setattr(train, "save_checkpoint", save)
    with pytest.raises(KeyboardInterrupt):   # was: announced, then fit returned and the cell went on
        train.fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=tmp_path / "e", steps=6,
                  checkpoint_every=100, **KW)
    assert read_header(latest_checkpoint(tmp_path / "e"))["step"] == 6   # the run saved whole
    err = capsys.readouterr().err
    assert "fit: interrupted as the run ended: all 6 steps done and checkpointed" in err, err
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
