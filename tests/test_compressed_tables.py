"""Tables in the files users write them to: a text table compressed by its name (`df.to_csv('points.csv.gz')`,
.bz2, .xz, .zip: pandas writes and reads them as they are) is read as that table, and a Parquet file under another
name ('points.pq') by its first bytes, as labels of `classify`, points of `sample` and `aef evaluate --embeddings`
/ `--labels`. Was: `classify(emb, 'points.csv.gz')` 'cannot read ... not recognized as being in a supported file
format: pass ... a CSV/Parquet table', a '.pq' GDAL's 'libduckdb.so: cannot open shared object file', and `aef
evaluate --embeddings all.csv.gz` 'a binary file of no form aef evaluate reads'."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.analysis import classify
from alphaearth_nb.core import band_names
from alphaearth_nb.cubes import sample
from alphaearth_nb.empty_rows import file_lines
from alphaearth_nb.testing import embedding_from_array, random_unit

REGIONS = ("amazon_forest", "california_coast", "sf_bay_urban")
NAMES = ["points.csv.gz", "points.csv.bz2", "points.csv.xz", "points.txt.zip", "points.pq"]


def _write(df, path):
    df.to_parquet(path) if path.suffix == ".pq" else df.to_csv(path, index=False)   # compression by the name
    return path


@pytest.fixture(scope="module")
def emb():
    return embedding_from_array(random_unit((9, 10), seed=4))


@pytest.fixture(scope="module")
def points(emb):   # 30 points on pixel centres in the map's CRS, each its own pixel, labelled 0..2 by row
    i = np.arange(0, 90, 3)
    r, c = i // 10, i % 10
    return pd.DataFrame({"x": emb.x.values[c], "y": emb.y.values[r], "label": r % 3}), r, c


@pytest.mark.parametrize("name", NAMES)
def test_classify_reads_a_compressed_or_renamed_table_as_the_table(emb, points, name, tmp_path):
    df, r, c = points
    got = classify(emb, str(_write(df, tmp_path / name)), k=1, crs=emb.attrs["crs"])["class"].values
    want = classify(emb, df, k=1, crs=emb.attrs["crs"])["class"].values
    np.testing.assert_array_equal(got, want)
    np.testing.assert_array_equal(got[r, c], df["label"].to_numpy())   # k=1: each labelled pixel its own label


def test_sample_reads_a_gzipped_csv_of_points(emb, points, tmp_path):
    df, r, c = points
    got = sample(emb, str(_write(df, tmp_path / "points.csv.gz")), crs=emb.attrs["crs"])
    np.testing.assert_array_equal(got[band_names()].to_numpy(np.float32), emb.values[r, c])


def test_the_suffix_a_table_is_read_by(tmp_path):
    from alphaearth_nb.paths import table_suffix   # new: one rule for every reader of tables
    assert [table_suffix(n) for n in ("a.csv.gz", "a.TSV.bz2", "b.CSV", "c.gz", "d.tar.gz")] == \
        [".csv", ".tsv", ".csv", ".gz", ".gz"]
    assert file_lines([0, 4], "points.csv.gz") == "lines 2, 6"   # its text's lines (was: 'features 0, 4 (0-based)')


@pytest.fixture(scope="module")
def official(shared_data):
    return pd.concat([pd.read_csv(shared_data / "aef_samples" / f"alphaearth_s1_dw_samples_{r}_2024.csv")
                      for r in REGIONS], ignore_index=True)


@pytest.mark.parametrize("name", ["all.csv.gz", "all.csv.bz2", "all.pq"])
def test_aef_evaluate_reads_the_official_samples_compressed_or_renamed(official, name, tmp_path, evaluate_cli):
    rc, out, err = evaluate_cli("--embeddings", str(_write(official, tmp_path / "all.csv")))
    assert rc == 0, err
    rc2, out2, err2 = evaluate_cli("--embeddings", str(_write(official, tmp_path / name)))
    assert rc2 == 0 and out2 == out, err2   # the same table (was: 'a binary file of no form aef evaluate reads')
    assert "2160 labelled rows of 9 classes" in err2, err2


def test_aef_evaluate_reads_gzipped_label_points(labelled_store, tmp_path, evaluate_cli):
    store, pts = labelled_store
    df = pd.DataFrame({"x": pts.geometry.x, "y": pts.geometry.y, "label": pts["label"]})
    rc, out, err = evaluate_cli("--embeddings", store, "--labels", str(_write(df, tmp_path / "pts.csv")))
    assert rc == 0, err
    rc2, out2, err2 = evaluate_cli("--embeddings", store, "--labels", str(_write(df, tmp_path / "pts.csv.gz")))
    assert rc2 == 0 and out2 == out, err2
