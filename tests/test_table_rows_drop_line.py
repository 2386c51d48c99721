"""`aef evaluate --embeddings e.parquet` (or e.csv.gz) with rows of no data gives a pandas `python -c` line that writes
a copy without them, which the command then reads; the rows are said '2 of 40 rows (3, 7; 0-based)'. Was: 'delete them
from the file' with no command, and '2 of 40 rows (rows 3, 7 (0-based))'."""
import re, shlex, subprocess, sys
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.testing import random_unit

X = random_unit((40,), seed=2).reshape(40, 64)
COLS = [f"A{i:02d}" for i in range(64)]


@pytest.mark.parametrize("name", ["e.parquet", "e.csv.gz"])
def test_the_printed_line_drops_the_rows(tmp_path, evaluate_cli, name):
    if name.endswith("parquet"): pytest.importorskip("pyarrow")
    x = X.copy(); x[[3, 7]] = 0.0
    df = pd.DataFrame(x, columns=COLS); df["label"] = np.repeat([1, 2], 20)
    p = tmp_path / name
    df.to_parquet(p, index=False) if name.endswith("parquet") else df.to_csv(p, index=False)
    rc, out, err = evaluate_cli("--embeddings", str(p))
    assert rc == 2 and "2 of 40 rows" in err, err
    if name.endswith("parquet"): assert "(3, 7; 0-based)" in err and "(rows 3" not in err, err
    line = re.search(r"`(python -c .*?)` \(pandas", err, re.S)
    assert line, err
    words = shlex.split(line.group(1).replace("\n", " "))
    subprocess.run([sys.executable, *words[1:]], check=True)
    kept = tmp_path / name.replace("e.", "e_kept.", 1)
    assert f"writes a copy without them, {kept})" in err.replace("\n", " "), err
    got = pd.read_parquet(kept) if name.endswith("parquet") else pd.read_csv(kept)
    pd.testing.assert_frame_equal(got, df.drop(index=[3, 7]).reset_index(drop=True), check_dtype=False)
    rc2, out2, err2 = evaluate_cli("--embeddings", str(kept))
    assert rc2 == 0 and "no data" not in err2, err2   # the copy is read
