"""Tutorial 02's protocol cell said a class with too few labels for a shot level "raises a `LabelError` that names
it": `evaluate_embeddings` leaves that level out with a `LabelWarning` naming the class (`table.attrs["unscored"]`)
and raises only where no level asked can be scored. The prose says what the call does, checked against the call."""
import json
import warnings
from pathlib import Path

import numpy as np
import pytest

from alphaearth_nb.core import LabelError, LabelWarning
from alphaearth_nb.evaluate import evaluate_embeddings
from alphaearth_nb.testing import random_unit

NB = Path(__file__).parents[1] / "nbs" / "tutorials" / "02_official_embeddings.ipynb"


def _protocol_prose():
    cells = json.loads(NB.read_text())["cells"]
    return next("".join(c["source"]) for c in cells
                if c["cell_type"] == "markdown" and "## The transfer protocol" in "".join(c["source"]))


def test_the_tutorial_says_what_too_few_labels_do():
    said = " ".join(_protocol_prose().split())
    assert "raises a `LabelError` that names it" not in said
    assert "`LabelWarning`" in said and 'attrs["unscored"]' in said and "`LabelError`" in said, said


def test_too_few_labels_for_a_level_warn_and_leave_it_out():
    x = random_unit((30,), seed=2)   # class 'b' has 5 points: no 10-shot level for it (10 to train, 1 to test)
    y = np.array(["a"] * 25 + ["b"] * 5)
    with pytest.warns(LabelWarning, match="not scored: .*10-shot"):
        t = evaluate_embeddings(x, y, shots=(1, 10), folds=2, methods=("knn1",))
    assert set(t["shots"].astype(str)) == {"1"} and "10" in str(t.attrs["unscored"]), t
    with pytest.raises(LabelError, match="no level of shots asked can be scored"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        evaluate_embeddings(x, y, shots=(10,), folds=2, methods=("knn1",))
