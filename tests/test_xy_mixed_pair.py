"""A table of columns X, Y and x (an id or pixel column beside ArcGIS's X/Y) was read from the mixed pair x and Y,
warned (`tables.xy_lower`, sessions 52-54): the places then came of one column of each pair, so `aef classify`
mapped them off the map or onto wrong pixels. Now the two readings (X and Y, or x and Y) are refused alike, naming
the rename that says which; each rename it names reads the pair it says. Fails on f54a6ee4."""
import pandas as pd
import pytest

from alphaearth_nb.core import LabelError
from alphaearth_nb.tables import xy_lower


@pytest.mark.parametrize("lone,mixed", [("x", ("x", "Y")), ("y", ("X", "y"))])
def test_a_lone_lower_case_beside_x_and_y_is_refused_naming_both_renames(lone, mixed):
    df = pd.DataFrame({lone: [7.0], "X": [500000.0], "Y": [4e6]})
    with pytest.raises(LabelError) as e:
        xy_lower(df)
    msg = str(e.value)
    assert f"its places are X and Y or the mixed pair {mixed[0]} and {mixed[1]}" in msg, msg
    assert f"{{{lone!r}: {lone + '_id'!r}}}" in msg and f"{{{lone.upper()!r}: {lone.upper() + '_0'!r}}}" in msg, msg
    both = xy_lower(df.rename(columns={lone: lone + "_id"}))   # the first rename: X and Y
    assert both[["x", "y"]].values.tolist() == [[500000.0, 4e6]]
    other = xy_lower(df.rename(columns={lone.upper(): lone.upper() + "_0"}))   # the second: the mixed pair
    assert other[lone].tolist() == [7.0] and set(other.columns) >= {"x", "y"}


def test_pairs_of_one_case_are_read_as_before():
    assert list(xy_lower(pd.DataFrame({"x": [1.0], "Y": [2.0]})).columns) == ["x", "y"]
    assert list(xy_lower(pd.DataFrame({"X": [1.0], "Y": [2.0], "x": [0.0], "y": [0.0]})).columns) == ["X", "Y", "x", "y"]
