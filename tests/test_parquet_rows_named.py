"""`aef evaluate --embeddings t.parquet`: its rows without a label, and its rows of no data, are said as the table's
rows (0-based), as a CSV's are its lines; features only in a vector file (`empty_rows.file_lines`). Was: 'fill their
'label' cells in the file (features 3, 7 (0-based))' for a Parquet table, which has rows, no features."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.empty_rows import file_lines
from alphaearth_nb.testing import random_unit

pytest.importorskip("pyarrow")
X = random_unit((40,), seed=2).reshape(40, 64)
COLS = [f"A{i:02d}" for i in range(64)]


def _parquet(tmp_path, x, label):
    df = pd.DataFrame(x, columns=COLS)
    df["label"] = label
    df.to_parquet(p := tmp_path / "e.parquet", index=False)
    return p


def test_empty_label_cells_are_rows(tmp_path, evaluate_cli):
    label = np.repeat([1.0, 2.0], 20); label[[3, 7]] = np.nan
    with pytest.warns(UserWarning, match="have no value in column 'label'") as w:
        evaluate_cli("--embeddings", str(_parquet(tmp_path, X, label)))
    msg = next(str(m.message) for m in w if "no value" in str(m.message))
    assert "rows 3, 7 (0-based)" in msg and "feature" not in msg, msg


def test_rows_of_no_data_are_rows(tmp_path, evaluate_cli):
    x = X.copy(); x[[3, 7]] = 0.0
    rc, out, err = evaluate_cli("--embeddings", str(_parquet(tmp_path, x, np.repeat([1, 2], 20))))
    assert rc == 2 and "2 of 40 rows (3, 7; 0-based)" in err and "features 3" not in err and "sed -i" not in err, err


@pytest.mark.parametrize("name, said", [("t.csv", "lines 5, 9"), ("t.tsv", "lines 5, 9"),
                                        ("t.parquet", "rows 3, 7 (0-based)"), ("t.GeoParquet", "rows 3, 7 (0-based)"),
                                        ("p.geojson", "features 3, 7 (0-based)"), ("p.gpkg", "features 3, 7 (0-based)"),
                                        ("t.parquet1", "features 3, 7 (0-based)")])
def test_each_form_says_its_own_unit(name, said):
    assert file_lines([3, 7], name) == said
    one = {"lines 5, 9": "line 5"}.get(said, said.replace("s 3, 7", " 3"))
    assert file_lines([3], name) == one
