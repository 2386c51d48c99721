"""A 60-point field set of 6 classes (one class of 5 points) asked the default shots (1, 10, 'max'): the whole table
was refused, 'class 1 has 5 labelled points; 10-shot needs at least 11 ... or ask fewer shots', worded for neither
Python nor the shell. The levels that can be scored are now scored, a LabelWarning names the level left out and why
(table.attrs['unscored']); where no level can be, the LabelError names `shots=` (aef evaluate: `--shots`) and the
levels that can."""
import numpy as np
import pytest

from alphaearth_nb import evaluate
from alphaearth_nb.cli_args import shell_words
from alphaearth_nb.core import LabelError, LabelWarning


def field_set():
    rng = np.random.default_rng(1)
    y = np.repeat(np.arange(6), [15, 5, 10, 10, 10, 10])
    x = rng.normal(size=(len(y), 64)) + np.eye(6)[y] @ rng.normal(size=(6, 64))
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32), y


def test_the_levels_that_can_be_scored_are():
    x, y = field_set()
    with pytest.warns(LabelWarning, match=r"not scored: class 1 has 5 labelled points, class 2 10, .*; 10-shot needs at least 11"):
        table = evaluate.evaluate_embeddings(x, y, shots=(1, 10, "max"), folds=3)
    assert sorted(map(str, table["shots"].unique())) == ["1", "max"]
    assert table["balanced_accuracy"].notna().all() and list(table.attrs["unscored"]) == [10]


def test_nothing_scorable_names_the_setting_in_each_language():
    x, y = field_set()
    with pytest.raises(LabelError, match=r"no level of shots asked can be scored") as e:
        evaluate.evaluate_embeddings(x, y, shots=(10,), folds=3)
    said = str(e.value)
    assert "`shots=`" in said and "at most 4-shot, or 'max'" in said
    assert "`--shots`" in shell_words(said, "evaluate") and "shots=" not in shell_words(said, "evaluate")
