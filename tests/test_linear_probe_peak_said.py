"""aef evaluate's 10-shot linear row fell below its 1-shot row (8 classes: 80 training points for 64 weights a class)
with no word why: the paper's linear probe is plain least squares without regularisation (AEF.md section 7), whose
minimum-norm fit errs most where points and weights are as many. evaluate.table_said now names such a row under the
table; levels far from that threshold get no such line."""
import numpy as np

from alphaearth_nb import evaluate


def scored(classes, shots):
    rng = np.random.default_rng(0)
    y = np.repeat(np.arange(classes), 30)
    x = rng.normal(size=(len(y), 64)) + y[:, None] * 0.05
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return evaluate.evaluate_embeddings(x.astype(np.float32), y, shots=shots, folds=3, seed=0)


def test_the_peak_row_is_named():
    table = scored(8, (1, 10))
    said = evaluate.table_said(table, 8)
    assert "linear at 10-shot: 80 training points for 64 weights" in said and "without regularisation" in said
    assert "linear at 1-shot" not in said


def test_no_line_far_from_the_threshold():
    said = evaluate.table_said(scored(3, (1, 2)), 3)   # 3 and 6 training points: far below 64
    assert "linear at" not in said and said.startswith("balanced_accuracy")
