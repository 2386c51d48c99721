"""`aef evaluate --embeddings` reads a Parquet table of embeddings (points x A00..A63 and a label column), as pandas or
geopandas writes it (a GeoParquet's geometry column beside them), and scores it as the same table in CSV. Was: 'aef:
error: --embeddings e.parquet is a .parquet file: aef evaluate reads the .zarr store ... : save the table as CSV'."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.core import band_names
from alphaearth_nb.testing import random_unit

ARGS = ["--shots", "1", "--folds", "3", "--seed", "0"]


def _table(n=30):
    "n points of three classes, A00..A63 (each class's unit vectors about its own direction) and a label column."
    y = np.repeat([1, 2, 3], n // 3)
    v = random_unit((n,), seed=4) + 2 * np.vstack([random_unit((1,), seed=10 + k) for k in y])
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    return pd.DataFrame(v, columns=band_names()).assign(label=y)


def _run(capsys, path):
    code = main(["evaluate", "--embeddings", str(path), *ARGS])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("form", ["pandas", "geopandas"])
def test_a_parquet_table_is_scored_as_its_csv(tmp_path, capsys, form):
    df = _table()
    df.to_csv(tmp_path / "e.csv", index=False)
    if form == "geopandas":
        gpd = pytest.importorskip("geopandas")
        pts = gpd.points_from_xy(np.linspace(8.5, 9.5, len(df)), np.linspace(41.5, 42.5, len(df)))
        gpd.GeoDataFrame(df, geometry=pts, crs="EPSG:4326").to_parquet(tmp_path / "e.parquet")
    else:
        df.to_parquet(tmp_path / "e.parquet")
    code, out, err = _run(capsys, tmp_path / "e.parquet")
    assert code == 0 and "30 labelled rows of 3 classes" in err, err
    assert "balanced_accuracy" in out and "knn1" in out, out
    assert (0, out) == _run(capsys, tmp_path / "e.csv")[:2]   # the same table, the same scores


def test_a_file_named_parquet_that_is_none_is_named_with_the_fix(tmp_path, capsys):
    (p := tmp_path / "e.parquet").write_bytes(b"not a parquet file at all")
    code, out, err = _run(capsys, p)
    assert code == 2 and f"--embeddings {p} cannot be opened as a Parquet table" in err, err
    assert "or the same table as a CSV" in err and "Traceback" not in err, err   # was `df.to_parquet(path)`: Python
