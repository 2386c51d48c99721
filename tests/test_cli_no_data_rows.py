"""Rows of no data in the CSV `aef evaluate --embeddings` reads (a fill row 64 x 0 or 64 x -9999, the official int8
scheme's no-data code -128, an empty band cell) are named by the file's lines, first few and the count, with the way
to drop them from the file; Python callers keep the code fix, and -128 rows are called the no-data code they are
(`quantize.NODATA`), not 'NaN/inf features'. One source of the words: `knn.no_data_said` / `knn.no_data_fix`."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import LabelError, NoValidDataError
from alphaearth_nb.evaluate import evaluate_embeddings
from alphaearth_nb.knn import knn_search
from alphaearth_nb.quantize import quantize
from alphaearth_nb.testing import random_unit

X = random_unit((40,), seed=2).reshape(40, 64)
Y = np.repeat([1, 2], 20)
COLS = [f"A{i:02d}" for i in range(64)]


def _csv(tmp_path, x, name="e.csv"):
    df = pd.DataFrame(x, columns=COLS)
    df["label"] = Y
    df.to_csv(p := tmp_path / name, index=False)
    return p


@pytest.mark.parametrize("kind", ["zero", "minus9999", "code", "empty"])
def test_the_command_names_the_lines_of_no_data(tmp_path, evaluate_cli, kind):
    if kind == "code":
        x = np.asarray(quantize(X), np.int8).copy(); x[[3, 7]] = -128
    else:
        x = X.copy(); x[[3, 7]] = {"zero": 0.0, "minus9999": -9999.0, "empty": np.nan}[kind]
        if kind == "empty": x[[3, 7], 1:] = X[[3, 7], 1:]; x[[3, 7], 0] = np.nan   # one empty cell each
    p = _csv(tmp_path, x)
    rc, out, err = evaluate_cli("--embeddings", str(p))
    assert rc == 2, err
    # rows 3 and 7 (0-based, after the header line 1) are the file's lines 5 and 9
    assert "2 of 40 rows" in err and "lines 5, 9" in err, err
    assert f"sed -i '5d;9d' {p}" in err, err
    assert "keep =" not in err and "x[keep]" not in err, err          # no Python for a shell user
    if kind == "code":
        assert "-128" in err and "no-data code" in err and "NaN/inf" not in err, err


def test_many_lines_are_counted(tmp_path, evaluate_cli):
    x = X.copy(); x[[1, 2, 4, 6, 8, 10, 12]] = 0.0
    rc, out, err = evaluate_cli("--embeddings", str(_csv(tmp_path, x)))
    assert rc == 2 and "7 of 40 rows" in err and "lines 3, 4, 6, 8, 10 and 2 more" in err, err
    assert "sed" not in err, err   # not every line named: no command that would leave two behind


def test_python_callers_keep_the_code_fix_and_codes_are_named():
    q = np.asarray(quantize(X), np.int8).copy(); q[5] = -128
    with pytest.raises(LabelError) as e:
        evaluate_embeddings(q, Y, shots=(1,), folds=2)
    msg = str(e.value)
    assert "1 of 40 labelled points" in msg and "no-data code" in msg and "-128" in msg and "NaN/inf" not in msg, msg
    code = next(c for c in msg.split("`") if c.startswith("keep = "))
    env = {"np": np, "x": q, "y": Y}
    exec(code, env)
    assert len(env["x"]) == 39 and len(env["y"]) == 39 and not (env["x"] == -128).any()
    with pytest.raises(NoValidDataError) as e:   # the search's words are the same
        knn_search(np.asarray(quantize(X), np.int8), q[3:6], k=1)
    assert "1 of 3 query rows" in str(e.value) and "no-data code" in str(e.value), str(e.value)
