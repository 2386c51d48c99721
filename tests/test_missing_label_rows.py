"""Label rows whose class (or target) is missing are counted, not dropped in silence (session 30's finding).

A table of labels with empty cells in its label column (NaN, None, NA: what pandas reads from an empty CSV cell)
lost those rows without a word in classify, regress, training_set (tables, CSV files and vector files alike) and
`aef evaluate`'s CSV. Now each says once how many rows of how many it leaves out and in which column
(`labels.warn_missing_rows`); a table without empty cells stays silent."""
import warnings

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.analysis import classify, regress, training_set
from alphaearth_nb.cli import main
from alphaearth_nb.core import LabelWarning
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture(scope="module")
def emb():
    return embedding_from_array(random_unit((6, 6), seed=3))


def _table(e, column="label", values=None):
    yy, xx = np.meshgrid(e.y.values, e.x.values, indexing="ij")
    v = np.arange(36) % 3 if values is None else values
    df = pd.DataFrame({"x": xx.ravel(), "y": yy.ravel(), column: v.astype(float)})
    df.loc[[2, 7, 11], column] = np.nan
    return df


def _said(rec, n, total, what, column):
    msgs = [str(w.message) for w in rec if "have no value in column" in str(w.message)]
    assert len(msgs) == 1, msgs
    assert msgs[0].startswith(f"{n} of {total} rows of {what} have no value in column {column!r}"), msgs[0]


def test_classify_and_training_set_of_a_table_count_the_empty_cells(emb):
    df = _table(emb)
    with pytest.warns(LabelWarning, match="have no value") as rec:
        X, y = training_set(emb, df, crs="EPSG:32631")
    _said(rec, 3, 36, "the label table", "label")
    assert len(y) == 33
    with pytest.warns(LabelWarning, match="have no value") as rec:
        classify(emb, df, k=1, crs="EPSG:32631")
    _said(rec, 3, 36, "the label table", "label")


def test_a_csv_file_is_counted_too(emb, tmp_path):
    _table(emb, "crop").to_csv(tmp_path / "l.csv", index=False)
    with pytest.warns(LabelWarning, match="have no value") as rec:
        training_set(emb, str(tmp_path / "l.csv"), column="crop", crs="EPSG:32631")
    _said(rec, 3, 36, "the label table", "crop")


def test_regress_counts_the_missing_targets(emb):
    df = _table(emb, "value", np.linspace(0, 1, 36))
    with pytest.warns(LabelWarning, match="have no value") as rec:
        regress(emb, df, crs="EPSG:32631")
    _said(rec, 3, 36, "the target table", "value")


def test_vector_labels_count_the_missing_classes(emb):
    df = _table(emb)
    gdf = gpd.GeoDataFrame({"label": df["label"]}, geometry=gpd.points_from_xy(df.x, df.y), crs="EPSG:32631")
    with pytest.warns(LabelWarning, match="have no value") as rec:
        X, y = training_set(emb, gdf)
    _said(rec, 3, 36, "the labels", "label")
    assert len(y) == 33


def test_aef_evaluate_counts_the_empty_label_cells(tmp_path):
    rng = np.random.default_rng(0)
    c = random_unit((2,), seed=4)
    x = c[np.arange(40) % 2] + 0.1 * rng.normal(size=(40, 64))
    df = pd.DataFrame(x, columns=[f"A{i:02d}" for i in range(64)]).assign(label=(np.arange(40) % 2).astype(float))
    df.loc[[0, 5], "label"] = np.nan
    df.to_csv(tmp_path / "t.csv", index=False)
    with pytest.warns(LabelWarning, match="have no value") as rec:
        main(["evaluate", "--embeddings", str(tmp_path / "t.csv"), "--shots", "1", "--folds", "2"])
    _said(rec, 2, 40, f"--embeddings {tmp_path / 't.csv'}", "label")   # the file, and its lines to fill (session 33)
    assert "fill their 'label' cells in the file (lines 2, 7)" in str(rec[0].message)   # rows 0 and 5 under the header


def test_a_full_table_is_silent(emb):
    df = _table(emb).dropna()
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*have no value in column")
        X, y = training_set(emb, df, crs="EPSG:32631")
    assert len(y) == 33
