"""`fit(resume=True)` in Python takes the run's recorded settings for every argument the caller leaves out, as `aef
train --resume` takes the run's values for the options left out. Was: `aef.fit("tiny", stack, steps=3, batch_size=2,
out="r")` then `aef.fit("tiny", stack, steps=4, out="r", resume=True)` resumed at TrainConfig's batch 256 (2.5 min of
compile, 243 s a step on 2 cores) with only a TrainingWarning. An argument passed that differs from the run's is
still the caller's, warned as before."""
import itertools
import warnings

import jax
import pytest

from alphaearth_nb import train
from alphaearth_nb.checkpoint import latest_checkpoint, read_header
from alphaearth_nb.core import TrainingWarning
from alphaearth_nb.testing import Standin, standin_batches, standin_loss


def _fit(out, **k):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        state, hist = train.fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=out, loss_fn=standin_loss,
                                progress=False, **k)
    return state, hist, [str(x.message) for x in w if issubclass(x.category, TrainingWarning)]


def _used(out):
    "The TrainConfig the run's newest checkpoint was written with (its header's `train`)."
    return read_header(latest_checkpoint(out))["train"]


def test_a_resume_takes_the_runs_batch_seed_and_schedule(tmp_path):
    out = tmp_path / "r"
    _fit(out, steps=3, batch_size=2, seed=7, checkpoint_every=3, config=None)
    state, hist, said = _fit(out, steps=4, resume=True)
    used = _used(out)
    assert int(state.step) == 4 and [h["step"] for h in hist][-1] == 4
    assert (used["batch_size"], used["seed"], used["checkpoint_every"], used["steps"]) == (2, 7, 3, 4), used   # was 256, 0
    assert not [s for s in said if "resuming with" in s and "batch_size" in s], said   # nothing changed but steps
    assert [s for s in said if "decay" in s], said   # steps given: the caller's, warned as before


def test_a_resume_with_nothing_passed_goes_on_to_the_runs_steps(tmp_path):
    out = tmp_path / "r"
    with pytest.raises(KeyboardInterrupt):   # stopped after its first checkpoint (step 2), before step 4
        train.fit(Standin(key=jax.random.PRNGKey(0)), lambda p: standin_batches(p, batch=4, stop_at=3), out=out,
                  steps=4, batch_size=4, checkpoint_every=2, loss_fn=standin_loss, progress=False)
    assert read_header(latest_checkpoint(out))["step"] == 2
    four = lambda p: itertools.islice(standin_batches(p, batch=4), max(0, 4 - p))   # batches 0..3: none past step 4
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")   # was: steps=100000 of batch 256, so the data ran out at step 4
        state, _ = train.fit(Standin(key=jax.random.PRNGKey(0)), four, out=out, loss_fn=standin_loss, progress=False,
                             resume=True)
    said = [str(x.message) for x in w if issubclass(x.category, TrainingWarning)]
    assert int(state.step) == 4 and _used(out)["steps"] == 4 and _used(out)["batch_size"] == 4, _used(out)
    assert not [s for s in said if "resuming with" in s], said


def test_a_setting_passed_that_differs_is_the_callers_and_warned(tmp_path):
    out = tmp_path / "r"
    _fit(out, steps=3, batch_size=2, checkpoint_every=3)
    _, _, said = _fit(out, steps=4, batch_size=8, resume=True)
    assert _used(out)["batch_size"] == 8
    assert [s for s in said if "batch_size=8 (the run: 2)" in s], said


def test_a_config_passed_is_the_callers(tmp_path):
    out = tmp_path / "r"
    _fit(out, steps=3, batch_size=2, checkpoint_every=3)
    _fit(out, config=train.TrainConfig(steps=4, batch_size=8, checkpoint_every=4), resume=True)
    assert _used(out)["batch_size"] == 8 and _used(out)["checkpoint_every"] == 4


def test_a_resume_before_the_first_checkpoint_takes_what_the_run_recorded(tmp_path):
    out = tmp_path / "r"
    with pytest.raises(KeyboardInterrupt):   # a power cut at batch 1: its settings recorded, no checkpoint
        train.fit(Standin(key=jax.random.PRNGKey(0)), lambda p: standin_batches(p, batch=2, stop_at=1), out=out,
                  steps=6, batch_size=2, seed=3, checkpoint_every=3, loss_fn=standin_loss, progress=False)
    assert latest_checkpoint(out) is None
    six = lambda p: itertools.islice(standin_batches(p, batch=2), max(0, 6 - p))   # none past step 6
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")   # was: steps=100000, so the data ran out at step 6
        state, _ = train.fit(Standin(key=jax.random.PRNGKey(0)), six, out=out, loss_fn=standin_loss, progress=False,
                             resume=True)
    said = [str(x.message) for x in w if issubclass(x.category, TrainingWarning)]
    assert int(state.step) == 6 and (_used(out)["batch_size"], _used(out)["seed"]) == (2, 3), _used(out)
    assert [s for s in said if "starting at step 0 with the settings it recorded" in s], said
