"""One rule for a table's embedding columns (`bands.band_columns`): a table naming every band A00..A63 and more
(A64: 65 A-columns) is refused naming the extra columns and `df.drop(columns=[...])` by every entry point (kNN,
linear probes, evaluate, `aef evaluate`'s CSV, the index, a query row). Was: `aef evaluate` read A00..A63 silently,
`knn_search` took the table for generic features and failed on its label column ('values are not numbers')."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import AEFError, DimensionError, band_names
from alphaearth_nb.testing import random_unit

N = 12


def _table(names=None, extra=("A64",)):
    x = random_unit((N,), seed=3).reshape(N, -1).astype(np.float32)
    df = pd.DataFrame(x, columns=names or band_names())
    for c in extra: df[c] = x[:, 0]
    df["region"] = ["amazon_forest", "sahara"] * (N // 2)
    return df


SPELLINGS = {"padded": (band_names(), "A64"), "unpadded": ([f"A{i}" for i in range(64)], "A64"),
             "lower": ([b.lower() for b in band_names()], "a64"),
             "embedding_N": ([f"embedding_{i}" for i in range(64)], "embedding_64")}


def _entry_points():
    from alphaearth_nb.knn import knn_search, knn_predict
    from alphaearth_nb.linear import linear_probe_fit, least_squares_fit
    from alphaearth_nb.evaluate import evaluate_embeddings
    from alphaearth_nb.cli import labels_from_csv
    from alphaearth_nb.bands import by_band, query_array
    from alphaearth_nb.index import exact_search
    y = np.arange(N) % 2
    return {"knn_search": lambda df: knn_search(df, df.iloc[:2], k=1),
            "knn_predict": lambda df: knn_predict(df, y, df.iloc[:2], 1, 2),
            "linear_probe_fit": lambda df: linear_probe_fit(df, y, 2),
            "least_squares_fit": lambda df: least_squares_fit(df, y.astype(float)),
            "evaluate_embeddings": lambda df: evaluate_embeddings(df, y, shots=(1,), folds=1),
            "labels_from_csv": lambda df: labels_from_csv(df.assign(label=y), "label"),
            "by_band": by_band,
            "query_array (a row)": lambda df: query_array(df.iloc[0]),
            "exact_search": lambda df: exact_search(df, df.iloc[:1].drop(columns="region"), k=1)}


@pytest.mark.parametrize("entry", list(_entry_points()))
@pytest.mark.parametrize("spelling", list(SPELLINGS))
def test_a_65th_band_column_is_refused_by_every_entry_point(entry, spelling):
    names, extra = SPELLINGS[spelling]
    with pytest.raises(AEFError, match=rf"beyond A63 \({extra}\).*df\.drop\(columns=\['{extra}'\]\)"):
        _entry_points()[entry](_table(names, (extra,)))


def test_the_bands_alone_still_read():
    from alphaearth_nb.knn import knn_search
    from alphaearth_nb.cli import labels_from_csv
    df = _table(extra=())
    d, i = knn_search(df, df.iloc[:3], k=1)
    assert i[:, 0].tolist() == [0, 1, 2]
    x, _ = labels_from_csv(df.assign(label=np.arange(N) % 2), "label")
    assert x.shape == (N, 64)


def test_other_letters_are_generic_features():
    "B00..B64 name no band (not a documented spelling): generic features, every numeric column by position."
    from alphaearth_nb.knn import knn_search
    df = _table([f"B{i:02d}" for i in range(64)], ("B64",)).drop(columns="region")
    d, i = knn_search(df, df.iloc[:2], k=1)
    assert i[:, 0].tolist() == [0, 1]


def test_a_band_named_twice_is_refused_in_a_search_too():
    "a00..a63 beside A1 (band 1 twice): refused by knn_search as by `aef evaluate` (was: 65 generic columns)."
    from alphaearth_nb.knn import knn_search
    df = _table([b.lower() for b in band_names()], ("A1",)).drop(columns="region")
    with pytest.raises(DimensionError, match=r"names bands twice \(a01 and A1\)"):
        knn_search(df, df.iloc[:2], k=1)
