"""Three things said about a training run (s57 mend, findings of the newcomer and the split review):
an `aef train` whose Ctrl-C came in its last step (fit takes it after the final checkpoint) ended with the words of
an unfinished run, "`aef train --out ... --resume` goes on from its newest checkpoint", though the run was complete:
it now says so (exit 130 still, the interrupt contract: 130 after Ctrl-C, 143 after SIGTERM); a resume on changed
data warned of its steps before it was refused: the refusal now comes first; `aef demo` split the host CPU by its
step's work (`runtime.step_devices`) without a word: it says its device line, as `aef train`'s plan does."""
import os
import signal
import warnings
from types import SimpleNamespace

import equinox as eqx
import jax
import jax.numpy as jnp
import pytest
import xarray as xr

from alphaearth_nb import cli, commands, train
from alphaearth_nb.core import TrainingError
from alphaearth_nb.testing import Standin, standin_batches, standin_loss



def _cheap(model, batch, key):   # the run's record is tested, not the loss (tests/test_resume_changed_data.py's)
    return 0.0 * jnp.sum(jax.tree.leaves(eqx.filter(model, eqx.is_inexact_array))[0]) + 1.0, {}


def _fit(data, out, **kw):
    train.fit("tiny", data, out=out, batch_size=2, loss_fn=_cheap, progress=False, **kw)


def _rewritten(crop):   # the same file, B2 + 200 (sentinel2: what tiny reads)
    kids = {k: v.to_dataset() for k, v in crop.children.items()}
    kids["sentinel2"] = kids["sentinel2"].assign(B2=kids["sentinel2"]["B2"] + 200)
    return xr.DataTree.from_dict(kids)


def test_fit_marks_an_interrupt_that_came_as_the_run_ended(tmp_path, python_ctrl_c, monkeypatch):
    real = train.save_checkpoint
    def save(*a, **k):   # the final checkpoint: the interrupt comes as it is written
        os.kill(os.getpid(), signal.SIGINT)
        return real(*a, **k)
    monkeypatch.setattr(train, "save_checkpoint", save)
    with pytest.raises(KeyboardInterrupt) as e:
        train.fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=tmp_path / "e", steps=6,
                  checkpoint_every=100, loss_fn=standin_loss, batch_size=2, progress=False)
    assert e.value.ended is True


def test_aef_train_stopped_as_its_run_ended_says_it_is_complete(tmp_path, monkeypatch, capsys):
    def body(a):   # fit's interrupt after the final checkpoint
        e = KeyboardInterrupt()
        e.ended = True
        raise e
    monkeypatch.setitem(cli.COMMANDS, "train", body)
    assert cli.main(["train", "--preset", "tiny", "--steps", "3", "--out", str(tmp_path / "run")]) == 130
    err = capsys.readouterr().err
    assert "aef: interrupted as the run ended" in err and "complete, no --resume needed" in err, err
    assert "goes on from" not in err and "starts it over" not in err, err   # was: "--resume` goes on from ..."


def test_a_resume_on_changed_data_is_refused_before_its_steps_are_warned_of(tmp_path, crop):
    run = tmp_path / "run"
    _fit(crop, run, steps=1)
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        with pytest.raises(TrainingError, match="differ from those the run began on"):
            train.fit("tiny", _rewritten(crop), out=run, steps=2, resume=True, batch_size=2, loss_fn=_cheap,
                      progress=False)
    assert not [str(w.message) for w in got if "steps" in str(w.message)], [str(w.message) for w in got]


def test_aef_demo_says_its_devices(monkeypatch, capsys):
    ran = []
    monkeypatch.setattr(commands, "demo", lambda *a: ran.append(a))
    a = SimpleNamespace(out="o", steps=2, batch_size=4, seed=0, devices_note="JAX's one CPU device (why)")
    commands.COMMANDS["demo"](a)
    assert ran == [("o", 2, 4, 0)] and "aef demo: on JAX's one CPU device (why)" in capsys.readouterr().err
