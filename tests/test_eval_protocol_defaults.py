"""AEF.md section 7 / arXiv 2507.22291 S3, S4.3: the transfer protocol's defaults as `evaluate_embeddings` runs them:
1000 random folds at 1-shot and 500 at 10-shot, "max" shots at most 300 training points a class (and never more than
half a class, so the rest is left to test), kNN k = 1 and 3 and the linear probe as the methods."""
import numpy as np

from alphaearth_nb.evaluate import METHODS, evaluate_embeddings, shots_per_class


def test_default_folds_per_shots_level():
    rng = np.random.default_rng(0)
    y = np.repeat([0, 1, 2], 30)
    x = rng.normal(size=(90, 8)) + y[:, None]
    tab = evaluate_embeddings(x, y, shots=(1, 10), methods=("knn1",))
    assert dict(zip(tab["shots"].tolist(), tab["folds"].tolist())) == {1: 1000, 10: 500}
    assert tab["train_per_class"].tolist() == [1, 10]


def test_max_shots_cap_by_hand():
    # 1000 labels: capped at 300; 500: 250 (half); 40: 20 (half); the rest of each class is the test split
    assert shots_per_class([1000, 500, 40], "max").tolist() == [300, 250, 20]
    assert set(METHODS) == {"knn1", "knn3", "linear"}
