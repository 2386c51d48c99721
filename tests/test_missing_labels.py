"""Missing labels (an empty cell of a table: NaN, None, pd.NA) and empty names are told with a fix that works (kind C).

pandas reads an empty cell of a name column as NaN among the names. `evaluate_embeddings` (and `nshot_split`,
anything through `labels.encode_labels`) said 'labels mix float and str values ... `y = np.asarray(y).astype(str)`',
a fix that trains a class 'nan'; a nullable Int64 column's NA was told `keep = ~np.isnan(y)`, which cannot index
with NA; empty names were told `keep = y >= 0`, a TypeError on text. Each message's fix, run as written, now gives
the table of the labelled points alone."""
import re

import numpy as np
import pandas as pd
import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import LabelError
from alphaearth_nb.testing import random_unit

KW = dict(shots=(1, 5), folds=3, seed=0, methods=("knn1", "linear"))


@pytest.fixture(scope="module")
def data():
    c = random_unit((3,), 5)
    x = c[np.arange(45) % 3] + 0.9 * random_unit((45,), 6)
    x = (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)
    names = np.array(["crop", "forest", "water"], dtype=object)[np.arange(45) % 3]
    return x, names, np.arange(45) % 3


def _fix_runs(msg, x, y):
    "Run the message's `keep = ...; x, y = ...` fix as written; the labels it keeps."
    code = re.search(r"`(keep = [^`]+)`", msg)[1]
    env = {"np": np, "pd": pd, "aef": aef, "x": x, "y": y}
    exec(code, env)
    return env["x"], env["y"]


@pytest.mark.parametrize("gap", [None, np.nan, pd.NA])
@pytest.mark.parametrize("form", ["object", "string", "series"])
def test_missing_names_are_named_with_a_fix_that_works(data, gap, form):
    x, names, _ = data
    y = names.copy(); y[[0, 4]] = gap
    y = {"object": y, "string": pd.array(y, dtype="string"), "series": pd.Series(y)}[form]
    with pytest.raises(LabelError, match="2 labels are missing") as err:
        aef.evaluate_embeddings(x, y, **KW)
    assert "astype(str)" not in str(err.value)
    kx, ky = _fix_runs(str(err.value), x, y)
    keep = np.ones(45, bool); keep[[0, 4]] = False
    ref = aef.evaluate_embeddings(x[keep], names[keep], **KW)
    pd.testing.assert_frame_equal(aef.evaluate_embeddings(kx, ky, **KW), ref)


@pytest.mark.parametrize("form", ["float", "Int64"])
def test_missing_ids_are_named_with_a_fix_that_works(data, form):
    x, _, ids = data
    y = ids.astype(float); y[[1, 2]] = np.nan
    if form == "Int64": y = pd.array(y, dtype="Int64")
    with pytest.raises(LabelError, match="2 labels are missing") as err:
        aef.evaluate_embeddings(x, y, **KW)
    kx, ky = _fix_runs(str(err.value), x, y)
    keep = np.ones(45, bool); keep[[1, 2]] = False
    pd.testing.assert_frame_equal(aef.evaluate_embeddings(kx, ky, **KW), aef.evaluate_embeddings(x[keep], ids[keep], **KW))
    with pytest.raises(LabelError, match="missing"):
        aef.evaluate.nshot_split(np.array(["a", None, "b", "a", "b"], object), 1)   # encode_labels' rule


def test_empty_names_are_told_a_fix_for_names(data):
    x, names, ids = data
    y = names.copy(); y[[3, 5]] = ["", "  "]
    with pytest.raises(LabelError, match="unlabelled") as err:
        aef.evaluate_embeddings(x, y, **KW)
    kx, ky = _fix_runs(str(err.value), x, y)
    keep = np.ones(45, bool); keep[[3, 5]] = False
    pd.testing.assert_frame_equal(aef.evaluate_embeddings(kx, ky, **KW), aef.evaluate_embeddings(x[keep], names[keep], **KW))
    yi = ids.copy(); yi[[3, 5]] = -1                      # negative ids keep their fix
    with pytest.raises(LabelError, match="unlabelled") as err:
        aef.evaluate_embeddings(x, yi, **KW)
    kx, ky = _fix_runs(str(err.value), x, yi)
    pd.testing.assert_frame_equal(aef.evaluate_embeddings(kx, ky, **KW), aef.evaluate_embeddings(x[keep], ids[keep], **KW))
