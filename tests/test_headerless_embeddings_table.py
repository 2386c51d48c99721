"""`aef evaluate --embeddings t.csv` of a CSV written without a header line (its first row of numbers read as column
names) was told its columns "hold no embedding band (A00 .. A63)", with nothing of the header line it lacks (points
CSVs got "add a header line"). It now says the first line holds numbers and the header line to add."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.testing import random_unit


@pytest.mark.parametrize("lonlat", [False, True])
def test_a_headerless_embeddings_csv_is_told_its_header_line(tmp_path, capsys, lonlat):
    df = pd.DataFrame(random_unit((20,), seed=1), columns=[f"A{i:02d}" for i in range(64)])
    df["label"] = ["a"] * 10 + ["b"] * 10
    if lonlat: df.insert(0, "lat", np.linspace(45.0, 45.1, 20)); df.insert(0, "lon", 3.0)
    df.to_csv(tmp_path / "t.csv", index=False, header=False)
    assert main(["evaluate", "--embeddings", str(tmp_path / "t.csv"), "--shots", "1", "--folds", "2"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "hold no embedding band (A00 .. A63); its first line (" in err and "holds numbers, so the file has no " \
        "header line" in err, err
    assert "add a header line above its rows naming the columns, e.g. A00,A01,...,A63,label" in err, err
    df.to_csv(tmp_path / "h.csv", index=False)   # the fix: the same rows under a header line
    assert main(["evaluate", "--embeddings", str(tmp_path / "h.csv"), "--shots", "1", "--folds", "2"]) == 0, \
        capsys.readouterr().err
