"""`aef evaluate` prints balanced accuracy as the demo does, in per cent, with one line under the table saying what
balanced_accuracy, std and same_as are, then the line saying which points were scored (`protocol: ...`). Was: raw
floats (0.599660) and a `same_as` column nothing explained."""
import re

import numpy as np
import pandas as pd

from alphaearth_nb.cli import main
from alphaearth_nb.core import band_names
from alphaearth_nb.evaluate import evaluate_embeddings, shares_table


def _csv(tmp_path):
    rng = np.random.default_rng(3)
    x = rng.normal(size=(60, 64)).astype(np.float32); x /= np.linalg.norm(x, axis=1, keepdims=True)
    y = np.repeat([0, 1, 2], 20)
    df = pd.DataFrame(x, columns=band_names()); df["label"] = y
    df.to_csv(tmp_path / "t.csv", index=False)
    return tmp_path / "t.csv", x, y


def test_the_table_is_in_per_cent_and_said(tmp_path, capsys):
    p, x, y = _csv(tmp_path)
    assert main(["evaluate", "--embeddings", str(p), "--shots", "1", "--folds", "3"]) == 0
    out = capsys.readouterr().out.rstrip("\n").splitlines()
    want = evaluate_embeddings(x, y, shots=[1], folds=3, progress=False)
    assert "\n".join(out[:-2]) == shares_table(want).to_string(index=False)
    assert not re.search(r"\b0\.\d{6}\b", "\n".join(out)), out          # no raw 0.599660
    assert all(re.search(r"\d+\.\d%", l) for l in out[1:-2]), out       # each row's balanced accuracy in %
    said = out[-2]
    assert out[-1].startswith("protocol: the 60 rows of the table as given, not thinned"), out[-1]
    assert said.startswith("balanced_accuracy:") and "averaged over the 3 classes (chance 33.3%)" in said, said
    assert "std:" in said and "same_as: the row IS that method" in said, said   # knn3 at 1-shot is knn1


def test_same_as_is_said_only_where_a_row_is_marked(tmp_path, capsys):
    p, x, y = _csv(tmp_path)
    assert main(["evaluate", "--embeddings", str(p), "--shots", "5", "--folds", "2"]) == 0
    said = capsys.readouterr().out.strip().splitlines()[-2]
    assert said.startswith("balanced_accuracy:") and "same_as" not in said, said
