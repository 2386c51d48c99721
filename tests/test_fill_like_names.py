"""Field case C1's kind for named classes: a label table whose class names say no data ('nodata', 'No Data',
'unlabelled', or 'nan' from `df['label'].astype(str)` of a missing cell) was trained and mapped as a class without a
word, while a class id that looks like no data (255 beside 1..10) and an empty name are said. Right: warned as a
fill-like id is, naming the class, its share and the fix `df = df[df['label'] != 'nodata']`; the fix run as written
leaves the class out. A name that merely contains such a word ('landfill') is a class, silently."""
import warnings

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.analysis import classify
from alphaearth_nb.core import LabelWarning
from alphaearth_nb.evaluate import evaluate_embeddings
from alphaearth_nb.testing import embedding_from_array, random_unit

EMB = embedding_from_array(random_unit((5, 5), seed=1))


def table(name):
    return pd.DataFrame({"x": EMB.x.values[[0, 1, 2, 3, 4, 0]], "y": EMB.y.values[[0, 1, 2, 3, 4, 4]],
                         "label": ["crop", "forest", name] * 2})


@pytest.mark.parametrize("name", ["nodata", "No Data", "unlabelled", "nan", "NULL"])
def test_a_class_named_no_data_is_warned_and_the_fix_works(name):
    df = table(name)
    with pytest.warns(LabelWarning, match=rf"label '{name}' holds 2 of 6 labelled rows .*df = df\[df\['label'\] != '{name}'\]"):
        out = classify(EMB, df, k=1)
    assert name in out["class"].attrs["class_names"]          # trained, as the warning says
    df = df[df['label'] != name]                              # the fix, as the warning words it
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = classify(EMB, df, k=1)
    assert out["class"].attrs["class_names"] == ["crop", "forest"]


def test_protocol_names_it_too():
    x = random_unit((30,), seed=2)
    y = np.array(["crop", "forest", "nodata"] * 10, object)
    with pytest.warns(LabelWarning, match=r"label 'nodata' holds 10 of 30 .*keep = y != 'nodata'"):
        evaluate_embeddings(x, y, shots=(1,), folds=2)


def test_names_that_only_contain_the_words_are_classes():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        classify(EMB, table("landfill"), k=1)
        classify(EMB, table("missing data centre"), k=1)
