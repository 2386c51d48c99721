"""Each `aef` command run with a newcomer's wrong input says what the input is and what to pass, in the command's
words. Was, from a shell: an empty CSV was 'cannot be opened as a CSV table (EmptyDataError: No columns to parse from
file)'; a CSV with a header and no rows was 'no labelled point left: negative ids and empty names are unlabelled';
--embeddings t.tsv (a tab table) or t.parquet was called 'a zarr store' (--label-column refused as read by nothing);
--data an empty folder named x.zarr trained nothing after the plan, with xarray's 'GroupNotFoundError'; a column of
probabilities as --label-column (every row its own class) ended in a list of 720 classes too small."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.core import band_names
from alphaearth_nb.testing import random_unit


def _err(capsys, argv):
    code = main(argv)
    return code, capsys.readouterr().err


def _frame(n=8, **cols):
    "n rows of unit vectors A00..A63 (two directions) with the columns `cols`."
    v = np.vstack([random_unit((n // 2,), seed=1), random_unit((n - n // 2,), seed=2)])
    return pd.DataFrame(v, columns=band_names()).assign(**cols)


@pytest.mark.parametrize("flag", ["--embeddings", "--texts"])
def test_an_empty_file_is_called_empty(tmp_path, capsys, flag):
    (tmp_path / "t.csv").write_text("")
    argv = (["evaluate", "--embeddings", str(tmp_path / "t.csv")] if flag == "--embeddings" else
            ["train", "--texts", str(tmp_path / "t.csv"), "--out", str(tmp_path / "run")])
    code, err = _err(capsys, argv)
    assert code == 2 and f"{flag} {tmp_path / 't.csv'} is an empty file (0 bytes)" in err, err
    assert "EmptyDataError" not in err, err


def test_a_header_without_rows_is_called_so(tmp_path, capsys):
    _frame(label=[0] * 4 + [1] * 4).head(0).to_csv(tmp_path / "t.csv", index=False)
    code, err = _err(capsys, ["evaluate", "--embeddings", str(tmp_path / "t.csv")])
    assert code == 2 and "has a header but no rows" in err and "unlabelled" not in err, err


def test_a_tab_table_is_read_as_a_table(tmp_path, capsys):
    _frame(label=[0] * 4 + [1] * 4).to_csv(tmp_path / "t.tsv", sep="\t", index=False)
    code, err = _err(capsys, ["evaluate", "--embeddings", str(tmp_path / "t.tsv"), "--shots", "1", "--folds", "2"])
    assert code == 0 and "8 labelled rows of 2 classes" in err, err


def test_a_table_of_another_format_is_named_with_what_is_read(tmp_path, capsys):
    (tmp_path / "t.xlsx").write_bytes(b"PK")   # the form is refused by its name: no reader is asked (a .parquet is
    code, err = _err(capsys, ["evaluate", "--embeddings", str(tmp_path / "t.xlsx"), "--label-column", "dw_label"])
    assert code == 2 and "a zarr store, would be read by nothing" not in err and "is a .xlsx file" in err, err
    assert "(.csv, .tsv, .txt, .parquet, .geoparquet)" in err, err   # read since session 40: test_evaluate_parquet


def test_an_empty_folder_as_data_is_refused_at_the_door(tmp_path, capsys):
    (tmp_path / "x.zarr").mkdir()
    code, err = _err(capsys, ["train", "--data", str(tmp_path / "x.zarr"), "--out", str(tmp_path / "run")])
    assert code == 2 and "is an empty folder" in err and "aef train:" not in err, err   # before the plan
    assert not (tmp_path / "run").exists()


def test_a_column_of_values_is_not_read_as_classes(tmp_path, capsys):
    rng = np.random.default_rng(0)
    _frame(n=20, water=rng.uniform(0, 1, 20), dw_label=[0, 1] * 10).to_csv(tmp_path / "t.csv", index=False)
    code, err = _err(capsys, ["evaluate", "--embeddings", str(tmp_path / "t.csv"), "--label-column", "water"])
    # 20 rows, 20 different values: no class has the 2 rows 1-shot needs (1 to train, 1 to test)
    assert code == 2 and "'water' holds 20 different values in its 20 rows" in err, err
    assert "--label-column dw_label" in err and len(err) < 600, err
