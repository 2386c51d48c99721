"""The two fixes places.points_table's warning names (a table sampled again) work as written, whichever of A00..A63,
`inside` and `year` the table holds: after either, the sample gives no warning and no column twice. Was: both named
[*aef.band_names(), 'inside'] only, so a table holding `year` (official.sample_points of a table of an earlier cube
sample) was warned again after the rename, and the drop raised pandas' KeyError on a table holding `inside` alone."""
import re
import warnings

import numpy as np
import pandas as pd
import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import TableWarning, band_names
from alphaearth_nb.places import points_table

BANDS = band_names()


def _fixes(msg:str) -> list[str]:
    "The code of the rename and the drop the message names, each as `pts = ...`."
    rename = re.search(r"`(pts = pts\.rename\(.*?\))`", msg).group(1)
    drop = re.search(r"`(pts\.drop\(.*?\))`", msg).group(1)
    return [rename, f"pts = {drop}"]


@pytest.mark.parametrize("held, years", [(BANDS + ["inside"], None), (BANDS + ["inside", "year"], [2024]),
                                         (["inside"], None), (["year"], [2023, 2024])],
                         ids=["bands_inside", "bands_inside_year", "inside_alone", "year_alone"])
def test_each_named_fix_works(held, years):
    n = 3
    table = pd.DataFrame({"id": range(n), **{c: np.zeros(n) for c in held}})
    inside, vec = np.ones(n, bool), np.zeros((n, 64), np.float32)
    args = (inside, vec) if years is None else (np.ones((len(years), n), bool), np.zeros((len(years), n, 64)), years)
    with pytest.warns(TableWarning, match="already holds") as w:
        points_table(table, *args)
    for fix in _fixes(str(w[0].message)):
        space = {"pts": table.copy(), "aef": aef}
        exec(fix, space)
        with warnings.catch_warnings():
            warnings.simplefilter("error")   # no warning: nothing of the new sample's is there any more
            out = points_table(space["pts"], *args)
        assert not out.columns.duplicated().any(), fix
