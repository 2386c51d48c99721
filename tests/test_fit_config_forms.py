"fit's config as a dict (a YAML file's settings) or the class by mistake, and resume without a run folder."
import jax
import pytest

from alphaearth_nb.core import ConfigError, UnknownFieldError
from alphaearth_nb.testing import Standin, standin_batches, standin_loss
from alphaearth_nb.train import TrainConfig, fit

KW = dict(loss_fn=standin_loss, progress=False)
S = lambda: Standin(key=jax.random.PRNGKey(0))


def test_a_dict_config_is_read_as_a_train_config():   # was: AttributeError 'dict' object has no attribute 'steps'
    state, hist = fit(S(), standin_batches, config={"steps": 2, "warmup": 1, "batch_size": 8, "peak_lr": 1e-2}, **KW)
    assert int(state.step) == 2 and [h["step"] for h in hist] == [1, 2]
    with pytest.raises(UnknownFieldError, match="'batchsize' \\(did you mean 'batch_size'\\?\\)"):
        fit(S(), standin_batches, config={"steps": 2, "warmup": 1, "batchsize": 8}, **KW)


def test_the_class_or_another_object_as_config_is_named():   # was: TypeError 'replace() should be called on ...'
    with pytest.raises(ConfigError, match=r"config is the class TrainConfig: pass a TrainConfig of the settings, e.g. "
                                          r"`config=aef\.train\.TrainConfig\(steps=1000, batch_size=8\)`"):
        fit(S(), standin_batches, config=TrainConfig, **KW)
    with pytest.raises(ConfigError, match="config is a list"):
        fit(S(), standin_batches, config=[2, 8], **KW)


def test_resume_without_a_run_folder_is_refused_before_the_data_is_called():   # was: trained from 0, saved nothing
    calls = []
    def data(position): calls.append(position); return standin_batches(position)
    cfg = TrainConfig(steps=2, warmup=1, batch_size=8)
    with pytest.raises(ConfigError, match="resume=True needs the run folder to resume: pass out="):
        fit(S(), data, config=cfg, resume=True, **KW)
    assert calls == []
