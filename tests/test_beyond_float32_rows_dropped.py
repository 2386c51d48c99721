"""Rows of features beyond float32's range (1e39: inf once cast) are no data by one rule, the check's and the fix's:
the copy `aef evaluate` suggests leaves them out and evaluates, and Python's `keep = ...` line drops them so that
`linear.check_xy` passes. Was (a4adb459): the check flagged them but the fix kept them (`np.isfinite(x).all(1)` over
float64), so the copy was refused again with the same words."""
import os
import re
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import LabelError
from alphaearth_nb.empty_rows import no_data_rows
from alphaearth_nb.linear import check_xy
from alphaearth_nb.testing import random_unit

X = random_unit((40,), seed=5).reshape(40, 64).astype(np.float64)
Y = np.repeat([1, 2], 20)
BAD = [0, 3, 7, 11, 20, 30, 39]


def test_the_suggested_copy_leaves_them_out_and_evaluates(tmp_path, evaluate_cli):
    x = X.copy(); x[BAD[:4], 5] = 1e39; x[BAD[4:], 9] = np.nan      # more than five rows: the pandas line by rule
    df = pd.DataFrame(x, columns=[f"A{i:02d}" for i in range(64)])
    df.insert(0, "id", np.arange(40)); df["label"] = Y
    df.to_csv(p := tmp_path / "t.csv", index=False)
    rc, out, err = evaluate_cli("--embeddings", str(p))
    assert rc == 2 and "7 of 40 rows" in err and "beyond float32" in err, err
    m = re.search(r"e\.g\. `(python -c .*?)` \(pandas; writes a copy without them, (\S+)\)", err)
    assert m, err
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    subprocess.run(sys.executable + m[1][len("python"):], shell=True, check=True, env=env, cwd=tmp_path)
    assert sorted(set(range(40)) - set(pd.read_csv(m[2])["id"])) == BAD
    rc, out, err = evaluate_cli("--embeddings", m[2])
    assert rc == 0, err


@pytest.mark.parametrize("v", [1e39, -1e39, np.inf, np.nan])
def test_pythons_keep_line_drops_what_the_check_refuses(v):
    x = X.copy(); x[[2, 6], 1] = v
    assert np.flatnonzero(no_data_rows(x)["nan"]).tolist() == [2, 6]
    with pytest.raises(LabelError) as e:
        check_xy(x, Y)
    code = next(c for c in str(e.value).split("`") if c.startswith("keep = "))
    env = {"np": np, "x": x, "y": Y}
    exec(code, env)
    assert len(env["x"]) == 38 and not no_data_rows(env["x"])
    check_xy(env["x"], env["y"])                                     # passes now


def test_float32s_largest_is_data():
    x = X.copy(); x[4, 0] = np.finfo(np.float32).max
    assert not no_data_rows(x)
