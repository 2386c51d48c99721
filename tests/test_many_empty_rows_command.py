"""`aef evaluate --embeddings t.csv` (or .parquet, .csv.gz) with more than five rows of no data names a command that
drops them by rule, over the file's band columns (a pandas `python -c` line writing 't_kept.csv'), which runs, and
whose copy then evaluates. Was (9448032a): "7 of 40 rows (lines 2, 3, ...) hold NaN/inf features (no data there):
delete them from the file (7 in all)", no command (sed and the row-number line stop at five)."""
import os
import re
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.testing import random_unit

pytest.importorskip("pyarrow")
X = random_unit((40,), seed=5).reshape(40, 64)
BAD = [0, 3, 7, 11, 20, 30, 39]


def _write(tmp_path, name, x, cols):
    df = pd.DataFrame(x, columns=cols)
    df.insert(0, "id", np.arange(40))
    df["label"] = np.repeat([1, 2], 20)
    p = tmp_path / name
    df.to_parquet(p, index=False) if name.endswith(".parquet") else df.to_csv(p, index=False)
    return p


@pytest.mark.parametrize("name, cols, kind", [
    ("t.csv", [f"A{i:02d}" for i in range(64)], "nan"),
    ("t.parquet", [f"A{i:02d}" for i in range(64)], "fill"),
    ("t.csv.gz", [f"a{i}" for i in range(64)], "nan"),     # other spellings: named as the file has them
    ("t.csv", [f"A{i:02d}" for i in range(64)], "both")])
def test_many_rows_of_no_data_get_a_command_that_runs(tmp_path, evaluate_cli, name, cols, kind):
    x = X.copy()
    if kind in ("nan", "both"): x[BAD[:4] if kind == "both" else BAD, 5] = np.nan
    if kind in ("fill", "both"): x[BAD[4:] if kind == "both" else BAD] = 0.0
    p = _write(tmp_path, name, x, cols)
    rc, out, err = evaluate_cli("--embeddings", str(p))
    assert rc == 2 and "7 in all" not in err, err
    m = re.search(r"e\.g\. `(python -c .*?)` \(pandas; writes a copy without them, (\S+)\)", err)
    assert m, err
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    subprocess.run(sys.executable + m[1][len("python"):], shell=True, check=True, env=env, cwd=tmp_path)
    kept = pd.read_parquet(m[2]) if name.endswith(".parquet") else pd.read_csv(m[2])
    assert sorted(set(range(40)) - set(kept["id"])) == BAD
    rc, out, err = evaluate_cli("--embeddings", m[2])
    assert rc == 0, err


def test_five_rows_still_get_their_line_numbers(tmp_path, evaluate_cli):
    x = X.copy(); x[BAD[:5], 2] = np.nan
    rc, out, err = evaluate_cli("--embeddings", str(_write(tmp_path, "t.csv", x, [f"A{i:02d}" for i in range(64)])))
    assert rc == 2 and "sed -i '2d;5d;9d;13d;22d'" in err, err
