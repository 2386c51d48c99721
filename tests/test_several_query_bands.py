"""A similarity query of several rows of a table whose bands are spelt another way than A00..A63 (a00..a63,
A0..A63, embedding_0..63: the one rule of band labels, `core.a_positions`, by which a one-row table of them is read)
is named as vectors, with a mean and a loop that run on that table. Was: a00..a63 named `df[band_names()].mean()`, a
KeyError on that table; A0..A63 and embedding_N were 'a table of 3 rows (columns [...]): pick one' (no mean, no
loop), though one row of either is read as a vector."""
import re
import warnings

import numpy as np
import pandas as pd
import pytest

import alphaearth_nb as aef
from alphaearth_nb.analysis import similarity
from alphaearth_nb.core import DimensionError
from alphaearth_nb.testing import embedding_from_array, random_unit

E = embedding_from_array(random_unit((4, 5), seed=2))
V = E.values[0, :3].astype(np.float64)   # 3 pixels' vectors
MEAN = similarity(E, V.mean(0) / np.linalg.norm(V.mean(0)))   # by hand: the map of their mean direction
SPELLINGS = {"a00": [f"a{i:02d}" for i in range(64)], "A0": [f"A{i}" for i in range(64)],
             "embedding_N": [f"embedding_{i}" for i in range(64)]}


def _table(names, label_first):
    df = pd.DataFrame(V, columns=names)
    return df.assign(cls=["crop", "crop", "forest"])[["cls", *names]] if label_first else df


@pytest.mark.parametrize("label_first", [False, True])
@pytest.mark.parametrize("spelling", list(SPELLINGS))
def test_several_rows_of_bands_spelt_otherwise_are_vectors_and_the_fixes_run(spelling, label_first):
    df = _table(SPELLINGS[spelling], label_first)
    np.testing.assert_allclose(similarity(E, df.iloc[[0]]).values, similarity(E, V[0]).values, atol=1e-6)  # one row
    with pytest.raises(DimensionError) as e:
        similarity(E, df)
    msg = str(e.value)
    assert "got a table of 3 rows (vectors: its " in msg and "mean vector" in msg and "loop" in msg, msg
    env = {"aef": aef, "emb": E, "np": np, "df": df}
    mean, each = [c for c in re.findall(r"`([^`]+)`", msg) if "similarity(emb" in c][:2]
    first, last = mean.split("; ")
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # the mean made unit: no gate warning
        exec(first, env)
        got = eval(last, env)
    np.testing.assert_allclose(got.values, MEAN.values, atol=1e-6)
    np.testing.assert_allclose(eval(each, env)[2].values, similarity(E, V[2]).values, atol=1e-6)
