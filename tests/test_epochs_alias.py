"""TrainConfig(epochs=...) (Keras' and PyTorch Lightning's name for a run's length) names steps, the run's length here.
Was: 'did you mean 'eps'?' (difflib's 0.67 to Adam's epsilon: eps=3 is no run length)."""
import pytest

from alphaearth_nb.core import UnknownFieldError
from alphaearth_nb.step import TrainConfig


@pytest.mark.parametrize("word", ["epochs", "num_epochs", "n_epochs", "max_epochs"])
def test_epochs_names_steps_not_eps(word):
    with pytest.raises(UnknownFieldError, match=rf"unknown name '{word}' \(did you mean 'steps'\?\)"):
        TrainConfig(**{word: 3})


def test_eps_and_its_alias_are_read_as_before():
    assert TrainConfig(eps=1e-6).eps == 1e-6
    with pytest.raises(UnknownFieldError, match=r"'epsilon' \(did you mean 'eps'\?\)"):
        TrainConfig(epsilon=1e-6)
