"""The `python -c` line that drops a compressed text table's rows of no data (`aef evaluate --embeddings e.csv.gz`)
reads the table as aef read it (`tables.read_table`: ';' with decimal commas, as European spreadsheets export), so
the copy it writes holds the same numbers and aef evaluate reads it. Was: `pd.read_csv(..., sep=None,
engine='python')`, which kept '0,0123' as text: the copy's 64 band columns were text, not the embedding."""
import re
import shlex
import subprocess
import sys

import numpy as np
import pandas as pd

from alphaearth_nb.tables import read_table
from alphaearth_nb.testing import random_unit

COLS = [f"A{i:02d}" for i in range(64)]


def test_the_copy_holds_the_numbers_of_a_decimal_comma_table(tmp_path, evaluate_cli):
    x = random_unit((40,), seed=2).reshape(40, 64)
    x[[3, 7]] = 0.0
    df = pd.DataFrame(x, columns=COLS)
    df["label"] = np.repeat([1, 2], 20)
    p = tmp_path / "e.csv.gz"
    df.to_csv(p, index=False, sep=";", decimal=",")
    rc, out, err = evaluate_cli("--embeddings", str(p))
    assert rc == 2 and "2 of 40 rows" in err, err
    line = re.search(r"`(python -c .*?)` \(pandas", err, re.S)
    assert line, err
    subprocess.run([sys.executable, *shlex.split(line.group(1).replace("\n", " "))[1:]], check=True)
    got = read_table(tmp_path / "e_kept.csv.gz")
    assert all(pd.api.types.is_float_dtype(got[c]) for c in COLS), got.dtypes.value_counts()
    np.testing.assert_allclose(got[COLS].to_numpy(), np.delete(x, [3, 7], 0), rtol=1e-6)
    rc2, out2, err2 = evaluate_cli("--embeddings", str(tmp_path / "e_kept.csv.gz"))
    assert rc2 == 0 and "no data" not in err2, err2
