"""A blank cell among class ids read as text is an empty cell (kind C): left out and counted, the ids kept as ids.

`pd.read_csv(path, dtype=str, keep_default_na=False)` (a table kept as text, its codes zero-padded) reads an empty
cell as '', not NaN; a spreadsheet cell of one space reads ' '. Among ids '1', '2', '3' such a cell made every label
a name: `classify`, `regress` and `training_set` raised "column 'label' mixes numbers (1, 2, 3) and names ()"."""
import io
import warnings

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.analysis import classify, regress
from alphaearth_nb.core import LabelWarning
from alphaearth_nb.supervised import training_set
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture(scope="module")
def emb():
    return embedding_from_array(random_unit((5, 5), seed=2))


def _table(emb, labels):
    rc = [(0, 0), (2, 3), (4, 4), (1, 1), (3, 2)]
    return pd.DataFrame({"x": [emb.x.values[c] for _, c in rc], "y": [emb.y.values[r] for r, _ in rc], "label": labels})


@pytest.mark.parametrize("blank", ["", " ", "\t"])
def test_a_blank_cell_among_id_text_is_left_out_and_the_ids_stay_ids(emb, blank):
    t = _table(emb, ["1", "2", "3", blank, "1"])
    want = classify(emb, t.drop(index=3).assign(label=[1, 2, 3, 1]), k=1)["class"]   # the four labelled rows, as ints
    with pytest.warns(LabelWarning, match=r"1 of 5 rows of the label table have no value in column 'label'") as w:
        got = classify(emb, t, k=1)["class"]
    assert got.dtype == np.int64 and set(np.unique(got.values)) == {1, 2, 3}
    np.testing.assert_array_equal(got.values, want.values)
    fix = next(str(m.message) for m in w if "no value" in str(m.message))
    df = t.copy()   # the message's fix, run as written (10 for ...), fills the blank cell
    exec(fix.split("e.g. `")[1].split("`")[0].replace("...", "'10'"), {"df": df})
    assert df["label"].tolist() == ["1", "2", "3", "10", "1"]


def test_a_csv_read_as_text_trains_on_its_labelled_rows(emb):
    t = _table(emb, [1, 2, 3, 0, 1])
    csv = t.to_csv(index=False).replace(",0\n", ",\n")   # row 4's label cell empty
    text = pd.read_csv(io.StringIO(csv), dtype={"label": str}, keep_default_na=False)
    assert text["label"].tolist() == ["1", "2", "3", "", "1"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        x, y = training_set(emb, text)[:2]
    assert y.tolist() == [1, 2, 3, 1] and x.shape == (4, 64)


def test_regress_leaves_a_blank_target_cell_out(emb):
    t = _table(emb, ["0.5", "1.5", "", "2.5", "3.5"]).rename(columns={"label": "value"})
    with pytest.warns(LabelWarning, match="1 of 5 rows of the target table"):
        got = regress(emb, t)
    want = regress(emb, t.drop(index=2).assign(value=[0.5, 1.5, 2.5, 3.5]))
    np.testing.assert_allclose(got.values, want.values)


def test_a_blank_name_is_still_an_empty_name(emb):
    with pytest.warns(LabelWarning, match="empty names"):
        out = classify(emb, _table(emb, ["crop", "forest", "water", "", "crop"]), k=1)
    assert out["scores"].classes.values.tolist() == ["crop", "forest", "water"]
