"""`tables.xy_lower` renames a table's `X`/`Y` columns to x/y; a table holding `x` beside `X` and `Y` (an id or a
pixel column x next to ArcGIS's X/Y) had `X` renamed onto it: two columns named `x` (`df['x']` then a DataFrame and
every reader of places confused). An `x` or `y` already there is kept as the x or y; only the other is renamed."""
import numpy as np
import pandas as pd

from alphaearth_nb.tables import read_table, xy_lower


def test_x_beside_x_and_y_makes_no_second_x(tmp_path):
    p = tmp_path / "pts.csv"
    p.write_text("x,X,Y,label\n3,500000,4000000,a\n4,500010,4000010,b\n")
    df = read_table(p)
    assert list(df.columns) == ["x", "X", "y", "label"], list(df.columns)
    assert df["x"].tolist() == [3, 4] and df["y"].tolist() == [4000000, 4000010]
    mem = xy_lower(pd.DataFrame({"x": [1.0], "X": [5.9], "Y": [45.0]}))
    assert not mem.columns.duplicated().any() and list(mem.columns) == ["x", "X", "y"], list(mem.columns)


def test_x_and_y_of_upper_case_alone_are_still_renamed():
    df = xy_lower(pd.DataFrame({"X": np.arange(2.0), "Y": np.arange(2.0), "id": [1, 2]}))
    assert list(df.columns) == ["x", "y", "id"]
