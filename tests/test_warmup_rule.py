"""`aef train --steps N` and `aef.fit(..., steps=N)` warm up by one rule (`train.default_warmup`): was max(1, N // 10)
under the command (its first step trained at learning rate 0 below 20 steps) and N // 10 in Python below 1000 steps,
1000 from there (a 1000-step run all warm-up, no decay)."""
import numpy as np
import pytest

from alphaearth_nb import cli, demo, train, train_cmd
from alphaearth_nb.core import ConfigError


@pytest.fixture
def cli_config(monkeypatch, tmp_path):
    "The `TrainConfig` `aef train --preset tiny --steps n` hands to `fit` (no data read, nothing trained)."
    seen = {}
    def fit(net, data, config=None, **k):
        seen["config"] = config; raise ConfigError("stop here")
    monkeypatch.setattr(train, "fit", fit)
    monkeypatch.setattr(train_cmd, "open_data", lambda data: (None, None))
    def run(n):
        assert cli.main(["--no-compile-cache", "train", "--preset", "tiny", "--steps", str(n),
                         "--out", str(tmp_path / f"r{n}")]) == 2
        return seen.pop("config")
    return run


def schedule(cfg):
    return np.asarray([float(train.lr_at(k, cfg.peak_lr, cfg.warmup, cfg.steps)) for k in range(cfg.steps)])


def test_cli_and_fit_give_one_schedule(cli_config):
    for n in range(1, 31):
        shell, py = cli_config(n), train._train_config(None, steps=n)
        assert shell.warmup == py.warmup, n
        np.testing.assert_array_equal(schedule(shell), schedule(py))
        if n < 10: assert schedule(py)[0] > 0, n   # no warm-up: the first step trains (under one its lr is 0)


def test_the_rule_caps_at_the_papers_warmup():
    # 1000..9999 steps: a tenth (was 1000 in Python: the whole of a 1000-step run warming up)
    assert [train._train_config(None, steps=n).warmup for n in (9, 10, 1000, 5000, 10_000, 100_000)] == \
        [0, 1, 100, 500, 1000, 1000]
    mine = train.TrainConfig(steps=5000, warmup=50)   # a warm-up the user set: kept
    assert train._train_config(mine).warmup == 50


def test_the_demo_warms_up_by_the_same_rule(monkeypatch, tmp_path):
    "`aef demo --steps N` (was max(1, N // 10): lr 0 at its first step below 20 steps, 2000 steps at N = 20000)."
    seen = []
    def fit(net, data, config=None, **k):
        seen.append(config); raise ConfigError("stop here")
    monkeypatch.setattr(train, "fit", fit)
    for n in (3, 200, 20_000):
        with pytest.raises(ConfigError, match="stop here"): demo.demo(out=str(tmp_path / f"d{n}"), steps=n, progress=False)
        assert seen.pop().warmup == train._train_config(None, steps=n).warmup, n
