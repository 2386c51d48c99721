"""`aef evaluate` with --label-column left out: a table's `label` column, else the one column whose name says it holds
labels (`label` or `class` in it: the official samples' `dw_label`), used and named on stderr; several such columns:
refused, naming them and --label-column. A --label-column given is taken as typed (`label` where the table has
`dw_label` is still an error naming the fix). Was: the official samples' CSV, as ../shared/data/README.md ships it,
stopped at "no column 'label'" until the user found --label-column dw_label, and the table never said which column
it had read."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.core import band_names
from alphaearth_nb.testing import random_unit


def _table(path, **labels):
    "A CSV of 8 rows of unit vectors A00..A63 (two directions, 4 rows each) with the label columns `labels`."
    v = np.vstack([random_unit((4,), seed=1), random_unit((4,), seed=2)])
    pd.DataFrame(v, columns=band_names()).assign(lon=4.0, lat=50.0, **labels).to_csv(path, index=False)
    return str(path)


def _evaluate(capsys, *args):
    code = main(["evaluate", *args, "--shots", "1", "--folds", "2"])
    return code, capsys.readouterr()


def test_the_official_samples_are_read_by_their_dw_label(shared_data, capsys):
    f = shared_data / "aef_samples" / "alphaearth_s1_dw_samples_amazon_forest_2024.csv"
    code, got = _evaluate(capsys, "--embeddings", str(f))
    assert code == 0, got.err
    # 720 rows, 9 Dynamic World classes (../shared/data/README.md: dw_label 0..8, 80 points each)
    assert "column 'dw_label'" in got.err and "720 labelled rows of 9 classes" in got.err, got.err
    assert "--label-column" in got.err, got.err   # the flag to read another column
    assert "balanced_accuracy" in got.out


def test_one_column_named_for_labels_is_used_and_said(tmp_path, capsys):
    code, got = _evaluate(capsys, "--embeddings", _table(tmp_path / "e.csv", lc_class=[0] * 4 + [1] * 4))
    assert code == 0, got.err
    assert "column 'lc_class'" in got.err and "of 2 classes" in got.err, got.err


def test_a_label_column_is_named_too(tmp_path, capsys):
    code, got = _evaluate(capsys, "--embeddings", _table(tmp_path / "e.csv", label=[0] * 4 + [1] * 4))
    assert code == 0 and "column 'label'" in got.err, got.err


def test_several_candidates_are_listed_with_the_flag(tmp_path, capsys):
    code, got = _evaluate(capsys, "--embeddings", _table(tmp_path / "e.csv", dw_label=[0] * 4 + [1] * 4,
                                                          esa_label=[1] * 4 + [2] * 4))
    assert code == 2, got.err
    assert "dw_label, esa_label" in got.err and "--label-column dw_label" in got.err, got.err


def test_a_label_column_given_is_taken_as_typed(tmp_path, capsys):
    code, got = _evaluate(capsys, "--embeddings", _table(tmp_path / "e.csv", dw_label=[0] * 4 + [1] * 4),
                          "--label-column", "label")
    assert code == 2 and "no column 'label'" in got.err and "dw_label" in got.err, got.err


def test_a_vector_file_of_labels_gets_the_same_reading(tmp_path, capsys):
    gpd = pytest.importorskip("geopandas")
    from alphaearth_nb.exports import to_zarr
    from alphaearth_nb.testing import embedding_from_array
    e = embedding_from_array(random_unit((6, 6), seed=4))
    store = str(to_zarr(e, tmp_path / "e.zarr"))
    pts = gpd.GeoDataFrame({"crop_class": [1, 2, 1, 2]}, crs=e.attrs["crs"],
                           geometry=gpd.points_from_xy(e.x.values[:4], e.y.values[:4]))
    pts.to_file(tmp_path / "l.gpkg")
    code, got = _evaluate(capsys, "--embeddings", store, "--labels", str(tmp_path / "l.gpkg"))
    assert "column 'crop_class'" in got.err, got.err   # then the 2-point classes are too few for 1-shot: not asked here
