"""A resume with another `steps` (`aef.fit(..., steps=24, resume=True)`, `aef train --resume --steps 24`) re-plans the
learning rate's decay to end at the new step: one `TrainingWarning` says so (was: not a word, though the run from
there on is not the uninterrupted one); a resume with the run's steps says nothing of it."""
import warnings

import jax

from alphaearth_nb import train
from alphaearth_nb.core import TrainingWarning
from alphaearth_nb.testing import Standin, standin_batches, standin_loss


def _run(out, steps, **k):
    cfg = train.TrainConfig(steps=steps, warmup=2, peak_lr=1e-2, batch_size=8)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        train.fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=out, config=cfg, loss_fn=standin_loss,
                  checkpoint_every=3, progress=False, **k)
    return [str(x.message) for x in w if issubclass(x.category, TrainingWarning)]


def test_a_longer_resume_says_the_decay_moved(tmp_path):
    assert _run(tmp_path / "a", 12) == []
    said = _run(tmp_path / "a", 24, resume=True)
    decay = [s for s in said if "decay" in s]
    assert len(decay) == 1 and "steps=24 (the run: 12)" in decay[0] and "ends at step 24" in decay[0], said
    assert "not the uninterrupted one" in decay[0]


def test_a_resume_of_the_same_length_says_nothing_of_it(tmp_path):
    _run(tmp_path / "b", 6)
    assert [s for s in _run(tmp_path / "b", 12, resume=True) if "decay" in s]
    assert not [s for s in _run(tmp_path / "b", 12, resume=True) if "decay" in s]   # header now records 12
