"""`aef evaluate --shots 1 --folds 1` says '1 shot a class, 1 fold a level', not '1 shots a class, 1 folds a level'."""
import numpy as np
import pandas as pd

from alphaearth_nb import evaluate
from alphaearth_nb.cli import main
from alphaearth_nb.core import band_names


def test_one_shot_one_fold_are_singular(tmp_path, capsys, monkeypatch):
    seen = []
    def record(*a, **k):   # stands in for the scoring: what stderr held when it began
        seen.append(capsys.readouterr().err)
        raise KeyboardInterrupt
    df = pd.DataFrame(np.eye(64, dtype=np.float32)[:6], columns=band_names()).assign(label=[0, 1, 2, 0, 1, 2])
    df.to_csv(tmp_path / "e.csv", index=False)
    monkeypatch.setattr(evaluate, "evaluate_embeddings", record)
    assert main(["evaluate", "--embeddings", str(tmp_path / "e.csv"), "--shots", "1", "--folds", "1"]) == 130
    assert "; 1 shot a class, 1 fold a level (a bar each)" in seen[0], seen
    assert main(["evaluate", "--embeddings", str(tmp_path / "e.csv"), "--shots", "1,10", "--folds", "2"]) == 130
    assert "; 1, 10 shots a class, 2 folds a level" in seen[1], seen
