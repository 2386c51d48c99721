"""A table of the official product (64 bands A00..A63, AEF.md) with band columns dropped, 63 wide (`df.drop(columns=
'A17')`, or `df.iloc[:, 1:]` taking A00 for an index), was taken as generic features by every door reading an
embedding table (`bands.band_columns`): `evaluate_embeddings` scored it, `knn_search` searched it, silently (a
newcomer's finding, session 48). It is refused with a `DimensionError` naming the missing columns and the fix; labels
naming fewer than half the bands, or another model's `embedding_N` columns (any width), stay generic features."""
import numpy as np
import pandas as pd
import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import DimensionError, band_names
from alphaearth_nb.testing import embedding_from_array, random_unit


def _table(n=40, seed=0):
    "n unit vectors as A00..A63 with lon, lat and a label of 2 classes (the official sample table's form)."
    v = random_unit((n,), seed=seed)
    df = pd.DataFrame(v, columns=band_names())
    return df.assign(lon=np.linspace(5, 6, n), lat=np.linspace(45, 46, n), label=np.arange(n) % 2)


DOORS = {   # door -> a call on the table `t` (its features) and labels `y`
    "evaluate_embeddings": lambda t, y: aef.evaluate.evaluate_embeddings(t, y, shots=(1,), folds=2, methods=("knn1",)),
    "evaluate_regression": lambda t, y: aef.evaluate.evaluate_regression(t, y.astype(float)),
    "knn_search": lambda t, y: aef.knn.knn_search(t, t.iloc[:3], k=1),
    "linear_probe_fit": lambda t, y: aef.linear.linear_probe_fit(t, y, 2),
    "similarity of a row": lambda t, y: aef.similarity(embedding_from_array(random_unit((4, 5), seed=1)), t.iloc[0]),
}
DROPS = {"A17": lambda df: df.drop(columns="A17"), "the first column": lambda df: df.iloc[:, 1:],
         "a00..a63 without a63": lambda df: df.rename(columns=str.lower).drop(columns="a63")}


@pytest.mark.parametrize("drop", DROPS)
@pytest.mark.parametrize("door", DOORS)
def test_a_table_without_some_bands_is_refused_naming_them(door, drop):
    df = _table()
    t = DROPS[drop](df)
    lack = [b for b in band_names() if b.lower() not in {str(c).lower() for c in t.columns}]
    assert len(lack) == 1   # one band dropped
    with pytest.raises(DimensionError, match=rf"lacks the embedding columns \['{lack[0]}'\]: it names 63 of the 64"):
        DOORS[door](t, df["label"])


def test_the_whole_table_still_reads():
    df = _table()
    got = aef.evaluate.evaluate_embeddings(df, df["label"], shots=(1,), folds=2, methods=("knn1",))
    assert len(got) == 1 and np.isfinite(got["balanced_accuracy"]).all()


@pytest.mark.parametrize("cols", [[f"A{i:02d}" for i in range(31)],            # fewer than half: not an embedding
                                  [f"embedding_{i}" for i in range(32)]])     # another model's 32-d embedding
def test_other_features_stay_generic(cols):
    df = _table()
    x = pd.DataFrame(np.asarray(df[band_names()])[:, :len(cols)], columns=cols)
    d, i = aef.knn.knn_search(x, x.iloc[:3], k=1)
    np.testing.assert_array_equal(np.asarray(i).ravel(), [0, 1, 2])   # each row its own nearest: all columns read
