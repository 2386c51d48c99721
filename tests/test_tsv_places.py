"""A tab-separated table of points (.tsv, as `aef evaluate --embeddings` reads tables: `paths.TEXT_TABLES`), plain or
compressed by its name (pts.tsv.gz, readable since b0808f44 as a .csv.gz is), is read by `tables.read_table` as
labels of `classify` and `aef evaluate --labels`. Was: `classify(emb, 'p.tsv.gz')` "cannot read ... as a vector file
or table (DataSourceError: ... not recognized as being in a supported file format ...)": geometries read .csv/.txt
alone as tables, a .tsv only through GDAL."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.analysis import classify
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture(scope="module")
def emb():
    return embedding_from_array(random_unit((9, 10), seed=4))


@pytest.mark.parametrize("name", ["p.tsv.gz", "p.tsv.bz2", "p.tsv", "P.TSV.XZ"])
def test_classify_reads_a_tab_separated_table(emb, name, tmp_path):
    i = np.arange(0, 90, 3)
    r, c = i // 10, i % 10
    df = pd.DataFrame({"x": emb.x.values[c], "y": emb.y.values[r], "label": r % 3})
    df.to_csv(tmp_path / name, sep="\t", index=False, compression="xz" if name.endswith(".XZ") else "infer")
    got = classify(emb, str(tmp_path / name), k=1, crs=emb.attrs["crs"])["class"].values
    np.testing.assert_array_equal(got, classify(emb, df, k=1, crs=emb.attrs["crs"])["class"].values)
    np.testing.assert_array_equal(got[r, c], df["label"].to_numpy())


@pytest.mark.parametrize("name", ["pts.tsv", "pts.tsv.gz"])
def test_aef_evaluate_reads_tab_separated_label_points(labelled_store, name, tmp_path, evaluate_cli):
    store, pts = labelled_store
    df = pd.DataFrame({"x": pts.geometry.x, "y": pts.geometry.y, "label": pts["label"]})
    df.to_csv(tmp_path / "pts.csv", index=False)
    rc, out, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "pts.csv"))
    assert rc == 0, err
    df.to_csv(tmp_path / name, sep="\t", index=False)
    rc2, out2, err2 = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / name))
    assert rc2 == 0 and out2 == out, err2
