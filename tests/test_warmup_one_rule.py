"""One warm-up rule for a run that sets none, `step.default_warmup(steps)` (a tenth of the run, at most the paper's
1,000), whether the steps come in a `TrainConfig` or as `fit(steps=)`. Was: `TrainConfig(steps=1000)` kept the
dataclass's 1000 (the whole run warm-up, no decay) where `fit(steps=1000)` warmed up 100, and `TrainConfig(steps=10)`
was refused for its own default. A resume that sets none keeps the warm-up its run recorded (an older rule's too)."""
import warnings

import jax
import numpy as np
import pytest

from alphaearth_nb.checkpoint import latest_checkpoint, read_header
from alphaearth_nb.core import ConfigError, TrainingWarning
from alphaearth_nb.step import lr_at
from alphaearth_nb.testing import Standin, standin_batches, standin_loss
from alphaearth_nb.train import TrainConfig, _train_config, default_warmup, fit


@pytest.mark.parametrize("n", [1, 9, 10, 99, 999, 1000, 5000, 10_000, 12_345, 100_000])
def test_the_configs_default_is_the_rule(n):
    assert TrainConfig(steps=n).warmup == default_warmup(n) == min(1000, n // 10)


@pytest.mark.parametrize("n", [10, 1000, 5000])
def test_config_and_steps_give_one_schedule(n):
    a, b = _train_config(TrainConfig(steps=n)), _train_config(None, steps=n)
    assert a.warmup == b.warmup == default_warmup(n)
    ks = np.unique(np.linspace(0, n, 50).astype(int))
    assert np.array_equal(np.asarray([lr_at(k, a.peak_lr, a.warmup, a.steps) for k in ks]),
                          np.asarray([lr_at(k, b.peak_lr, b.warmup, b.steps) for k in ks]))
    assert float(lr_at(n // 2, a.peak_lr, a.warmup, a.steps)) < a.peak_lr   # decaying by mid-run, not still warming


def test_steps_given_to_fit_rule_an_unset_warmup_but_never_a_set_one():
    assert _train_config(TrainConfig(steps=100_000), steps=1000).warmup == 100   # was 1000: the whole run
    assert _train_config(TrainConfig(steps=1000, warmup=50), steps=2000).warmup == 50
    assert _train_config({"steps": 300}).warmup == 30   # a YAML file's settings
    with pytest.raises(ConfigError, match=r"warmup=500 must be in \[0, steps=100\]: pass e.g. warmup=10"):
        _train_config(TrainConfig(steps=1000, warmup=500), steps=100)


def _fit(out, **k):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        state, hist = fit(Standin(key=jax.random.PRNGKey(0)), standin_batches, out=out, loss_fn=standin_loss,
                          batch_size=8, checkpoint_every=10, progress=False, **k)
    return hist, [str(x.message) for x in w if issubclass(x.category, TrainingWarning)]


def test_fit_runs_one_schedule_either_way(tmp_path):
    a, _ = _fit(tmp_path / "a", config=TrainConfig(steps=20, peak_lr=1e-2))
    b, _ = _fit(tmp_path / "b", steps=20, config=TrainConfig(peak_lr=1e-2))
    assert [h["lr"] for h in a] == [h["lr"] for h in b] and a[2]["lr"] == pytest.approx(1e-2) and a[1]["lr"] < 1e-2   # 2 warm-up steps
    assert read_header(latest_checkpoint(tmp_path / "a"))["train"]["warmup"] == 2


def test_a_resume_keeps_the_warmup_its_run_recorded(tmp_path):
    _fit(tmp_path / "r", config=TrainConfig(steps=20, warmup=5, peak_lr=1e-2))   # a run of another warm-up
    hist, said = _fit(tmp_path / "r", steps=40, resume=True, config=TrainConfig(peak_lr=1e-2))
    assert not [s for s in said if "warmup" in s], said   # was: 'resuming with warmup=4 (the run: 5)'
    assert read_header(latest_checkpoint(tmp_path / "r"))["train"]["warmup"] == 5
    assert [s for s in said if "decay" in s]   # the longer run still says its decay moved
