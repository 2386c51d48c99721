"""classify of a table whose labels are read from another column than the `column=` given ('Label', the one column
named for labels, where 'label' is absent: `tables.label_column_read`, warned) gave the class map no names, though a
column 'name' names its ids: `labels.id_names` looked for `column` as passed. It now reads the column as the labels
were read (quietly: the labels' reader has warned once)."""
import warnings

import pandas as pd

import alphaearth_nb as aef
from alphaearth_nb.core import LabelWarning
from alphaearth_nb.labels import id_names
from alphaearth_nb.testing import embedding_from_array, random_unit


def _table(emb):
    return pd.DataFrame([dict(x=emb.x.values[i], y=emb.y.values[j], Label=1 + (i >= 5), name="crop" if i < 5 else "forest")
                         for i in range(10) for j in (0, 3, 6)])


def test_class_names_come_from_the_column_the_labels_were_read_from():
    emb = embedding_from_array(random_unit((10, 10), seed=1))
    df = _table(emb)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        out = aef.classify(emb, df, k=1)   # column='label', absent: read from 'Label'
    cls = out["class"] if hasattr(out, "data_vars") else out
    assert cls.attrs.get("flag_meanings") == "crop forest", cls.attrs
    assert list(cls.attrs["flag_values"]) == [1, 2]
    said = [str(w.message) for w in seen if issubclass(w.category, LabelWarning) and "no column 'label'" in str(w.message)]
    assert len(said) == 1, said   # said once, where the labels were read


def test_id_names_reads_the_column_quietly():
    df = _table(embedding_from_array(random_unit((10, 10), seed=1)))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert id_names(df, "label") == {1: "crop", 2: "forest"}
        assert id_names(df, "other") is None   # a column the table has not: no names, as before
