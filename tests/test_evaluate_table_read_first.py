"""`aef evaluate --embeddings X --labels ...` of a file that is no table of embeddings says what the file is before
refusing --labels as read by nothing. Was: `--embeddings notes.txt --labels samples` (a text note) and a CSV of
points without A00 .. A63 were '--labels given with --embeddings notes.txt, a table: its labels are its own column
... leave it out': the user dropped --labels and only then learned the file holds no embedding."""
import numpy as np
import pandas as pd

from alphaearth_nb.cli import main
from alphaearth_nb.core import band_names
from alphaearth_nb.testing import random_unit


def _err(capsys, argv):
    code = main(argv)
    return code, capsys.readouterr().err


def test_a_text_note_with_labels_is_named_a_note(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("hello\n")
    code, err = _err(capsys, ["evaluate", "--embeddings", str(tmp_path / "notes.txt"), "--labels", "samples"])
    assert code == 2 and "a text file with no column separator" in err, err
    assert "its labels are its own column" not in err, err


def test_a_table_of_points_with_labels_is_named_a_table_without_bands(tmp_path, capsys):
    pd.DataFrame({"lon": [3.0, 3.1], "lat": [45.0, 45.1], "label": [0, 1]}).to_csv(tmp_path / "pts.csv", index=False)
    code, err = _err(capsys, ["evaluate", "--embeddings", str(tmp_path / "pts.csv"), "--labels", "samples"])
    assert code == 2 and "hold no embedding band (A00 .. A63)" in err, err
    assert "its labels are its own column" not in err, err


def test_a_table_of_embeddings_with_labels_still_refuses_labels(tmp_path, capsys):
    v = np.vstack([random_unit((4,), seed=1), random_unit((4,), seed=2)])
    pd.DataFrame(v, columns=band_names()).assign(label=[0] * 4 + [1] * 4).to_csv(tmp_path / "e.csv", index=False)
    code, err = _err(capsys, ["evaluate", "--embeddings", str(tmp_path / "e.csv"), "--labels", "samples"])
    assert code == 2 and "--labels given with --embeddings" in err and "its labels are its own column" in err, err
