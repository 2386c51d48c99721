"""One example a step gives the batch-uniformity term no pair (it compares each example with the next, arXiv
2507.22291 S2.2.4): it is 0 and nothing keeps the embeddings apart. `fit` and `aef` refuse batch size 1 while the term
is weighted, before any work; a loss without it (weight 0, or the user's own) trains on batches of one."""
import functools

import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.core import ConfigError
from alphaearth_nb.losses import LossWeights, total_loss
from alphaearth_nb.train import TrainConfig, fit

ONE = TrainConfig(steps=1, warmup=0, batch_size=1)


def _never():  # training data: taking a batch is work
    raise AssertionError("work started before the batch size was checked"); yield


@pytest.mark.parametrize("loss_fn", [None, functools.partial(total_loss, weights=LossWeights(uniformity=0.005))])
def test_fit_refuses_one_example_with_the_uniformity_term(tmp_path, loss_fn):
    with pytest.raises(ConfigError) as e:
        fit("tiny", _never(), config=ONE, loss_fn=loss_fn, out=tmp_path / "run", progress=False)
    said = str(e.value)
    assert "batch_size=1" in said and "uniformity" in said and "2507.22291" in said, said
    assert "batch_size >= 2" in said and "LossWeights(uniformity=0)" in said, said   # both fixes
    assert not (tmp_path / "run").exists()
    with pytest.raises(ConfigError, match="batch_size=1"):      # batch_size= overrides the config's: checked too
        fit("tiny", _never(), config=TrainConfig(steps=1, warmup=0, batch_size=4), batch_size=1, progress=False)


def test_fit_takes_one_example_without_the_term():
    "The gate passes (the data is then refused: no model is trained here)."
    off = functools.partial(total_loss, weights=LossWeights(uniformity=0))
    with pytest.raises(ConfigError, match="fit got data of type NoneType"):
        fit("tiny", None, config=ONE, loss_fn=off, progress=False)


@pytest.mark.parametrize("cmd", ["train", "demo"])
@pytest.mark.parametrize("size", ["1", "0", "-1"])   # 0 and -1 were told 'at least 1', and 1 was refused next
def test_aef_refuses_batch_size_1(cmd, size, tmp_path, capsys):
    code = main([cmd, "--batch-size", size, "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith(("usage:", "aef: error:")) and "--batch-size" in err, err
    assert "uniformity" in err and "2 or more" in err and not (tmp_path / "o").exists(), err
