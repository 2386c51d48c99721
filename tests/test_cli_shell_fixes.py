"""aef evaluate gives a shell user fixes in the command's words, not Python (session 33): a points table whose
coordinates are 'X'/'Y' (QGIS) or 'Lon_dd'/'Lat_dd' is told to rename them in the file's header, with the sed line
that does it (was: "`df = df.rename(columns={'X': 'x', 'Y': 'y'})` and pass their CRS: `crs='EPSG:4326'`"), and rows
without a label are named by their lines in the file (was: "`df['label'] = df['label'].fillna(...)`"). The Python
doors keep their Python fixes."""
import shutil
import subprocess
import warnings

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import LabelWarning
from alphaearth_nb.exports import to_zarr
from alphaearth_nb.geometries import coordinate_hint
from alphaearth_nb.labels import warn_missing_rows
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture
def store(tmp_path):
    "An embedding store (12 x 10 pixels) and a table of 40 points at its pixels' centres, two classes by column."
    e = embedding_from_array(random_unit((12, 10), seed=1))
    rng = np.random.default_rng(0)
    r, c = rng.integers(0, 12, 40), rng.integers(0, 10, 40)
    pts = pd.DataFrame({"x": e.x.values[c], "y": e.y.values[r], "label": np.where(c < 5, 11, 22)})
    return str(to_zarr(e, tmp_path / "e.zarr")), pts


def test_x_y_columns_are_renamed_in_the_file_as_said(tmp_path, evaluate_cli, store):
    emb, pts = store
    pts.to_csv(tmp_path / "ok.csv", index=False)
    rc, want, _ = evaluate_cli("--embeddings", emb, "--labels", str(tmp_path / "ok.csv"))
    assert rc == 0
    f = tmp_path / "XY.csv"   # X/Y (ArcGIS's, a spreadsheet's): read as x/y (tests/test_upper_case_xy.py)
    pts.rename(columns={"x": "X", "y": "Y"}).to_csv(f, index=False)
    assert evaluate_cli("--embeddings", emb, "--labels", str(f))[:2] == (0, want)
    pts.rename(columns={"x": "POINT_X", "y": "POINT_Y"}).to_csv(f, index=False)
    rc, _, err = evaluate_cli("--embeddings", emb, "--labels", str(f))
    assert rc == 2 and "'POINT_X' and 'POINT_Y' look like projected coordinates: rename them x and y in the file's " \
        "header line" in err
    assert "EPSG:32631" in err and "df" not in err and "crs=" not in err, err
    line = err.split("e.g. `")[1].split("`")[0]
    assert line == f"sed -i '1s/.*/x,y,label/' {f}"
    if shutil.which("sed") and subprocess.run(["sed", "--version"], capture_output=True).returncode == 0:   # GNU sed
        subprocess.run(line, shell=True, check=True)
        assert evaluate_cli("--embeddings", emb, "--labels", str(f))[:2] == (0, want)   # the fix as written


def test_lon_lat_under_other_names(tmp_path, evaluate_cli, store):
    emb, pts = store
    f = tmp_path / "ll.csv"
    pts.rename(columns={"x": "Lon_dd", "y": "Lat_dd"}).to_csv(f, index=False, sep=";")
    rc, _, err = evaluate_cli("--embeddings", emb, "--labels", str(f))
    assert rc == 2 and "rename them lon and lat in the file's header line, e.g. `sed -i '1s/.*/lon;lat;label/'" in err


def test_rows_without_a_label_are_named_by_their_lines(tmp_path, evaluate_cli, store):
    emb, pts = store
    f = tmp_path / "gaps.csv"
    pts.assign(label=pts.label.astype(object).where(~pts.index.isin([0, 3]))).to_csv(f, index=False)  # rows 0, 3
    with warnings.catch_warnings(record=True) as w:   # main([...]) leaves warnings to its caller (`aef` prints them)
        warnings.simplefilter("always")
        rc, _, err = evaluate_cli("--embeddings", emb, "--labels", str(f))
        said = [str(m.message) for m in w if "have no value in column" in str(m.message)]
    assert rc == 0 and len(said) == 1, said   # once: training_set has none left to say it again
    assert said[0].startswith(f"2 of 40 rows of --labels {f} have no value in column 'label'"), said
    assert "fill their 'label' cells in the file (lines 2, 5)" in said[0] and "fillna" not in said[0]   # header: line 1
    table = pd.DataFrame(np.eye(64, dtype=np.float32)[:4], columns=[f"A{i:02d}" for i in range(64)])
    table.assign(label=[1, None, 2, 1]).to_csv(tmp_path / "emb.csv", index=False)
    with pytest.warns(LabelWarning, match=r"1 of 4 rows of --embeddings .* in the file \(line 3\);") as w:
        evaluate_cli("--embeddings", str(tmp_path / "emb.csv"), "--shots", "1")
    assert not any("fillna" in str(m.message) for m in w)


def test_python_callers_keep_their_python_fixes():
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        warn_missing_rows([True, False], "label")
    assert "`df['label'] = df['label'].fillna(...)`" in str(w[0].message)
    assert "`df = df.rename(columns={'X': 'x', 'Y': 'y'})`" in coordinate_hint(["X", "Y", "label"])
