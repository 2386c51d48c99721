"""A label table with columns x, y, class (no 'label') was refused by Python's classify "pass column='class'" while
`aef evaluate` read `class` itself (evaluate_cmd._label_column). One rule now (tables.label_column_read): with the
default column 'label' absent, the one column named for labels is read, with a LabelWarning naming it; several
such columns, or a column asked by name, keep the refusal."""
import warnings

import pandas as pd
import pytest

from alphaearth_nb.core import LabelError, LabelWarning
from alphaearth_nb.supervised import training_set


def table(emb, **cols):
    xs, ys = emb.x.values, emb.y.values
    return pd.DataFrame({"x": [xs[1], xs[5], xs[9], xs[2], xs[7], xs[3]],
                         "y": [ys[1], ys[5], ys[9], ys[8], ys[2], ys[4]], **cols})


def test_classify_reads_the_one_class_column(utm_emb):
    emb = utm_emb(4)
    df = table(emb, **{"class": [0, 1, 0, 1, 0, 1]})
    with pytest.warns(LabelWarning, match="no column 'label': its labels are read from column 'class'"):
        got = emb.aef.classify(df, k=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        want = emb.aef.classify(df, column="class", k=1)
    assert (got.fillna(-1) == want.fillna(-1)).all()


def test_training_set_reads_it_too(utm_emb):
    emb = utm_emb(4)
    with pytest.warns(LabelWarning, match="'class'"):
        X, y = training_set(emb, table(emb, **{"class": [0, 1, 0, 1, 0, 1]}))[:2]
    assert sorted(set(map(int, y))) == [0, 1] and len(X) == 6


def test_two_label_columns_still_refused(utm_emb):
    emb = utm_emb(4)
    df = table(emb, **{"class": [0, 1, 0, 1, 0, 1], "dw_label": [1, 1, 0, 0, 1, 0]})
    with pytest.raises(LabelError, match="column"):
        emb.aef.classify(df, k=1)


def test_a_named_column_is_not_guessed(utm_emb):
    emb = utm_emb(4)
    with pytest.raises(LabelError, match="crop"):
        emb.aef.classify(table(emb, **{"class": [0, 1, 0, 1, 0, 1]}), column="crop", k=1)
