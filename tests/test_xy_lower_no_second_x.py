"""`tables.xy_lower` renames a table's `X`/`Y` columns to x/y; a table holding `x` beside `X` and `Y` (an id or a
pixel column x next to ArcGIS's X/Y) had `X` renamed onto it: two columns named `x` (`df['x']` then a DataFrame and
every reader of places confused). Session 52 then read the mixed pair x and Y (warned); since session 55 such a
table is refused (tests/test_xy_mixed_pair.py): never a second `x`, never a mixed pair."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import LabelError
from alphaearth_nb.tables import read_table, xy_lower


def test_x_beside_x_and_y_makes_no_second_x(tmp_path):
    p = tmp_path / "pts.csv"
    p.write_text("x,X,Y,label\n3,500000,4000000,a\n4,500010,4000010,b\n")
    with pytest.raises(LabelError, match="rename the column that is no coordinate"):
        read_table(p)
    p.write_text("x_id,X,Y,label\n3,500000,4000000,a\n4,500010,4000010,b\n")   # the fix it names
    df = read_table(p)
    assert list(df.columns) == ["x_id", "x", "y", "label"] and df["x"].tolist() == [500000, 500010], list(df.columns)


def test_x_and_y_of_upper_case_alone_are_still_renamed():
    df = xy_lower(pd.DataFrame({"X": np.arange(2.0), "Y": np.arange(2.0), "id": [1, 2]}))
    assert list(df.columns) == ["x", "y", "id"]
