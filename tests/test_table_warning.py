"""A points table sampled again (its A00..A63 and `inside` of an earlier sample replaced by this sample's) warns as a
`TableWarning`: the warning is about the table given, not about labels, so a user who silences the label warnings
of a classification (`warnings.simplefilter('ignore', LabelWarning)`) still sees it, and one who silences it leaves
the label warnings as they are. Was `LabelWarning`. Every kind is an `aef.AEFWarning` (a UserWarning)."""
import warnings

import numpy as np
import pandas as pd
import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import LabelWarning, TableWarning, band_names
from alphaearth_nb.places import points_table


def _again():
    table = pd.DataFrame({"id": range(3), **{c: np.zeros(3) for c in [*band_names(), "inside"]}})
    return points_table(table, np.ones(3, bool), np.zeros((3, 64), np.float32))


def test_a_table_sampled_again_is_a_table_warning():
    assert issubclass(TableWarning, aef.AEFWarning) and issubclass(TableWarning, UserWarning)
    with pytest.warns(TableWarning, match="the points' table already holds A00..A63, inside"):
        _again()
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        warnings.simplefilter("ignore", LabelWarning)   # the label warnings silenced: this one still said
        _again()
    assert [w.category for w in seen] == [TableWarning], [str(w.message) for w in seen]
