"""Two follow-ups of a run stopped before its first checkpoint (`.aef-run` records the run's settings as it begins).
A plain rerun of such a run that recorded no settings (an older version's, or one stopped as it began) was told
'pass resume=True (`--resume`) to continue it', and `--resume` was then refused naming `--overwrite`: two steps where
one would do; the first refusal now names the one that works. And a resume of a run with no checkpoint on another
stack than the one it recorded trained on without a word, where a resume from a checkpoint warns."""
import json
import warnings

import jax
import jax.numpy as jnp
import pytest

from alphaearth_nb import train
from alphaearth_nb.checkpoint import RUN_MARKER, run_folder, run_settings
from alphaearth_nb.cli import main
from alphaearth_nb.core import OutputExistsError, TrainingWarning
from alphaearth_nb.testing import Standin, standin_batches, standin_loss


def _stopped(out, settings=None):
    with run_folder(out): pass
    if settings is not None: (out / RUN_MARKER).write_text(json.dumps({"kind": "run", "settings": settings}))


def test_a_plain_rerun_of_an_unrecorded_run_is_told_overwrite(tmp_path, capsys):
    _stopped(tmp_path / "old")
    with pytest.raises(OutputExistsError) as e:
        train.fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=tmp_path / "old", steps=2, batch_size=8, loss_fn=standin_loss,
                  progress=False)
    assert "overwrite=True (`--overwrite`)" in str(e.value) and "resume=True" not in str(e.value), e.value
    assert main(["--no-compile-cache", "train", "--preset", "tiny", "--steps", "5", "--out", str(tmp_path / "old")]) == 2
    err = capsys.readouterr().err
    assert "recorded no settings" in err and "--overwrite" in err and "--resume" not in err, err
    # the command it names works: started over, not refused again
    _stopped(tmp_path / "old2")
    train.fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=tmp_path / "old2", steps=2, batch_size=8, loss_fn=standin_loss,
              progress=False, overwrite=True)
    assert run_settings(tmp_path / "old2")["train"]["steps"] == 2


def test_a_plain_rerun_of_a_recorded_run_is_still_told_resume(tmp_path):
    _stopped(tmp_path / "r", {"preset": "tiny", "train": {"steps": 30}})
    with pytest.raises(OutputExistsError, match=r"before its first checkpoint: pass resume=True \(`--resume`\) to start it "
                                                r"over at step 0 with the settings it recorded"):
        train.fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=tmp_path / "r", steps=2, batch_size=8, loss_fn=standin_loss,
                  progress=False)


def _stop(model, batch, key):   # raised as the step is traced: the run stops before any step, its settings recorded
    raise KeyboardInterrupt


def _cheap(model, batch, key):
    return 0.0 * jnp.sum(batch[next(iter(batch))]) + 1.0, {}


def test_a_resume_without_checkpoint_on_another_stack_is_warned(tmp_path, crop):
    out, kw = tmp_path / "run", dict(steps=2, batch_size=2, out=tmp_path / "run", progress=False)
    with warnings.catch_warnings(), pytest.raises(KeyboardInterrupt):
        warnings.simplefilter("ignore")
        train.fit("tiny", crop, loss_fn=_stop, **kw)
    assert run_settings(out)["data"]["shape"] == [40, 40]
    with pytest.warns(TrainingWarning, match=r"resuming on other data than the run's: shape \[40, 36\] \(the run: "
                                             r"\[40, 40\]\); x .*pass the run's stack"):
        with pytest.raises(KeyboardInterrupt):
            train.fit("tiny", crop.isel(x=slice(0, 36)), resume=True, loss_fn=_stop, **kw)
    with warnings.catch_warnings(record=True) as got, pytest.raises(KeyboardInterrupt):
        warnings.simplefilter("always")
        train.fit("tiny", crop.isel(x=slice(0, 36)), resume=True, loss_fn=_stop, **kw)   # as it last began: no word
    assert not [w for w in got if "other data" in str(w.message)], [str(w.message) for w in got]
