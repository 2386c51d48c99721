"""`aef evaluate` refuses a label column as values only where its values do not repeat enough to be scored
(`evaluate_cmd._refuse_values`): fractional numbers (measurements: a class probability), or more than half its rows
holding a value no other row has; and says which rule fired. Was: more than half the rows distinct, so 30 rows of 16
classes, 14 of them with 2 rows (28 rows scoreable), were refused as 'values, not classes'."""
import numpy as np
import pandas as pd

from alphaearth_nb.cli import main
from alphaearth_nb.core import band_names
from alphaearth_nb.testing import random_unit


def _csv(path, labels):
    n = len(labels)
    v = np.vstack([random_unit((n // 2,), seed=1), random_unit((n - n // 2,), seed=2)])
    pd.DataFrame(v, columns=band_names()).assign(label=labels).to_csv(path, index=False)
    return str(path)


def _err(capsys, argv):
    code = main(argv)
    return code, capsys.readouterr().err


def test_classes_of_two_rows_are_not_called_values(tmp_path, capsys):
    labels = [c for c in range(14) for _ in range(2)] + [14, 15]   # 30 rows, 16 classes: 14 of 2 rows, 2 of 1
    code, err = _err(capsys, ["evaluate", "--embeddings", _csv(tmp_path / "t.csv", labels), "--folds", "2"])
    assert "values, not classes" not in err, err


def test_ids_that_never_repeat_are_values_and_the_rule_said(tmp_path, capsys):
    code, err = _err(capsys, ["evaluate", "--embeddings", _csv(tmp_path / "t.csv", list(range(20)))])
    assert code == 2 and "'label' holds 20 different values in its 20 rows" in err, err
    assert "20 of its 20 rows hold a value no other row has" in err, err


def test_fractions_are_values_and_the_rule_said(tmp_path, capsys):
    code, err = _err(capsys, ["evaluate", "--embeddings",
                              _csv(tmp_path / "t.csv", np.random.default_rng(0).uniform(0, 1, 20))])
    assert code == 2 and "fractional numbers, measurements" in err, err


def test_a_table_whose_only_label_column_holds_values_is_not_told_to_pass_it_again(tmp_path, capsys):
    "Hand-worked: 40 rows, 'label' 40 fractions 0 .. 1 and no other column but the bands: the fix names no column " \
    "(was: 'pass --label-column label', the column refused)."
    df = pd.DataFrame(np.asarray(random_unit((40,), seed=0), np.float32), columns=band_names())
    df.assign(label=np.linspace(0, 1, 40)).to_csv(tmp_path / "e.csv", index=False)
    assert main(["evaluate", "--embeddings", str(tmp_path / "e.csv")]) == 2
    err = capsys.readouterr().err
    assert "fractional numbers, measurements: values, not classes" in err, err
    assert err.rstrip().endswith("pass --label-column with the column of class ids or names"), err
