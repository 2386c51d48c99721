"""`aef train --data <a stack of one's own>` without --texts warned (TrainingWarning) that the CLIP term is 0 and
gave fit's Python fix, weighing the term 0 with `loss_fn=functools.partial(aef.losses.total_loss, ...)`, which no
flag of `aef train` sets: every such run printed a fix the shell cannot take. The plan now says it once, with the
flag that trains the term (--texts), and fit's warning is left unsaid under the command; Python's `fit` keeps it."""
import warnings

import pytest

from alphaearth_nb import train
from alphaearth_nb.cli import main
from alphaearth_nb.core import ConfigError, TrainingWarning
from alphaearth_nb.stacks import toy_stack


@pytest.fixture
def fit_warns(monkeypatch):
    "fit as far as its no-texts warning (the real words), then stopped: the step's compile is not what is tested."
    got = []
    def fit(net, stack, *a, texts=None, **k):
        got.append(texts)
        if texts is None: warnings.warn(train._NO_TEXTS, TrainingWarning)
        raise ConfigError("stop here")
    monkeypatch.setattr(train, "fit", fit)
    return got


def test_own_stack_without_texts_is_said_in_the_plan_not_as_a_python_fix(tmp_path, capsys, fit_warns):
    toy_stack(size=32).to_zarr(tmp_path / "mine.zarr")
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        assert main(["train", "--preset", "tiny", "--data", str(tmp_path / "mine.zarr"), "--steps", "1",
                     "--out", str(tmp_path / "run")]) == 2
    assert fit_warns == [None]
    said = [str(w.message) for w in seen if issubclass(w.category, TrainingWarning)]
    assert not [s for s in said if "without texts" in s], said   # fit's Python fix (loss_fn=...) not under the shell
    err = " ".join(capsys.readouterr().err.split())
    assert "aef train: no --texts, so the CLIP text term is 0 every step" in err and "--texts FILE" in err, err
    assert "loss_fn" not in err and "LossWeights" not in err, err


def test_the_sample_scene_has_texts_and_no_such_line(tmp_path, capsys, fit_warns):
    assert main(["train", "--preset", "tiny", "--steps", "1", "--out", str(tmp_path / "run")]) == 2
    assert fit_warns[0] is not None and "no --texts" not in capsys.readouterr().err


def test_python_fit_keeps_its_warning():
    assert "LossWeights(clip=0)" in train._NO_TEXTS
