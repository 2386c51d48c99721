"""`aef.fit("tiny", stack, steps=N)` without `batch_size` took TrainConfig's 256 (the paper's, over 512 TPU v4 chips)
on a CPU too: minutes a step on a laptop, with not a word. The rule now: a stack on a CPU, with neither `batch_size`
nor `config` given (and no batch recorded by a run resumed), trains at `train.CPU_BATCH` (`aef train`'s default) and
says so once (`TrainingWarning` naming `batch_size=`); the paper's 256 where it is asked for, without a word."""
import warnings

import jax
import pytest

import alphaearth_nb as aef
from alphaearth_nb import train
from alphaearth_nb.cli_args import TRAIN_DEFAULTS
from alphaearth_nb.core import TrainingWarning

STACK = aef.stacks.toy_stack(size=32)   # tiny's 32 x 32 patch (a sampler of another patch is refused)


class Compiled(Exception): "Raised where the step would compile: the run's config is known by then."


@pytest.fixture
def config_used(monkeypatch):
    def stop(loss_fn, cfg, *a): raise Compiled(cfg)
    monkeypatch.setattr(train, "_cached_step", stop)
    def fit(*a, **k):
        with warnings.catch_warnings(record=True) as w, pytest.raises(Compiled) as e:
            warnings.simplefilter("always")
            train.fit(*a, progress=False, **k)
        return e.value.args[0], [str(x.message) for x in w if issubclass(x.category, TrainingWarning)]
    return fit


@pytest.mark.skipif(jax.default_backend() != "cpu", reason="the rule of a CPU")
def test_a_stack_on_a_cpu_trains_at_the_commands_batch_said_once(config_used):
    cfg, said = config_used("tiny", STACK, steps=2)
    assert cfg.batch_size == train.CPU_BATCH == TRAIN_DEFAULTS["batch_size"], cfg   # was 256
    batch = [s for s in said if "batch_size left out on a CPU" in s]
    assert len(batch) == 1 and "batch_size=256" in batch[0] and "the paper's" in batch[0], said


@pytest.mark.parametrize("how", [dict(batch_size=256), dict(config=train.TrainConfig(steps=2))])
def test_the_papers_batch_when_asked_for_without_a_word(config_used, how):
    cfg, said = config_used("tiny", STACK, **({"steps": 2} if "config" not in how else {}), **how)
    assert cfg.batch_size == 256, cfg
    assert not [s for s in said if "batch_size left out" in s], said


def test_a_batch_given_is_kept(config_used):
    cfg, said = config_used("tiny", STACK, steps=2, batch_size=2)
    assert cfg.batch_size == 2 and not [s for s in said if "batch_size left out" in s], said
