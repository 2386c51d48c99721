"""Newcomer s53 item 18: "max" takes at most half of each class (so every class keeps test points), where AEF.md
section 7 says at most 300 points a class, the rest for test; `--shots`' help and the line under `aef evaluate`'s
table said "half, at most 300" (and that only where classes trained on different counts) without saying the half
departs from the paper's protocol. Both say so now."""
import numpy as np

from alphaearth_nb.cli_args import parser
from alphaearth_nb.evaluate import evaluate_embeddings, table_said
from alphaearth_nb.testing import random_unit


def test_the_table_line_says_max_departs_from_the_paper():
    x = random_unit((1, 120), seed=3)[0]
    even = evaluate_embeddings(x, np.repeat([0, 1], 60), shots=("max",), folds=2, methods=("knn1",))
    said = table_said(even, 2)   # every class trains on 30: no range line, the departure still said
    assert "The max rows depart from AEF.md section 7" in said and "at most half of each class" in said, said
    ten = evaluate_embeddings(x, np.repeat([0, 1], 60), shots=(10,), folds=2, methods=("knn1",))
    assert "depart" not in table_said(ten, 2)   # no max scored: nothing to say


def test_shots_help_says_the_half_departs():
    sub = next(a for a in parser()._actions if a.dest == "command" or getattr(a, "choices", None) and "evaluate" in (a.choices or {}))
    shots = next(a for a in sub.choices["evaluate"]._actions if "--shots" in a.option_strings)
    assert "AEF.md section 7" in shots.help and "departing from it, at most half" in shots.help, shots.help
