"""`evaluate_embeddings(x, y)` with its defaults runs on a 2-class task: knn3 cannot vote with the 2 points of
1-shot, so it is left out of that level (NaN row, warning, `attrs['skipped']`); the other methods stand."""
import numpy as np
import pytest

from alphaearth_nb.core import LabelError, LabelWarning
from alphaearth_nb.evaluate import evaluate_embeddings


def clusters(n_classes, n=20, seed=0):
    "Tight clusters 10 apart: every method that runs scores 1.0 (each test point is nearest its own class)."
    rng = np.random.default_rng(seed)
    y = np.repeat(np.arange(n_classes), n)
    x = 10.0 * np.eye(8, dtype=np.float32)[y] + rng.normal(0, 0.01, (len(y), 8)).astype(np.float32)
    return x, y


def test_defaults_run_on_two_classes():
    x, y = clusters(2)
    with pytest.warns(LabelWarning, match=r"knn3 at 1-shot \(2 training points\)"):
        t = evaluate_embeddings(x, y, folds=4)   # was LabelError 'knn3 needs at least 3 training points, 1-shot gives 2'
    assert t.attrs["skipped"] == {1: ["knn3"]}
    gone = (t.shots == 1) & (t.method == "knn3")
    assert gone.sum() == 1 and t[gone].balanced_accuracy.isna().all() and (t[gone].folds == 0).all()
    ran = t[~gone]
    assert len(ran) == 8 and (ran.folds == ran.shots.map({1: 4, 10: 4, "max": 2})).all()   # 'max': 2 training sets
    np.testing.assert_allclose(ran.balanced_accuracy, 1.0)   # separable clusters: every method that runs is right


def test_three_classes_keep_knn3_at_one_shot(recwarn):
    x, y = clusters(3)
    t = evaluate_embeddings(x, y, shots=1, folds=3)   # 3 training points: knn3 votes (every class once)
    assert t.attrs["skipped"] == {} and not [w for w in recwarn if "left out" in str(w.message)]
    assert t.set_index("method").loc["knn3", "folds"] == 3 and np.isfinite(t.balanced_accuracy).all()


def test_nothing_left_to_run_is_an_error():
    x, y = clusters(2)
    with pytest.raises(LabelError, match=r"knn3 needs at least 3 training points, 1-shot gives 2 \(2 classes\): ask more shots"):
        evaluate_embeddings(x, y, shots=1, methods=("knn3",))
    with pytest.warns(LabelWarning, match="knn5 at 1-shot"):  # knn5 cannot run at 1-shot but knn1 can
        t = evaluate_embeddings(x, y, shots=(1, 10), methods=("knn1", "knn5"), folds=2)
    assert t.attrs["skipped"] == {1: ["knn5"]} and t.balanced_accuracy.isna().sum() == 1
