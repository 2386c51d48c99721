"""Session 46's review, 3: an angle written in degrees (and minutes and seconds) out of range was read as given:
'200°N' as latitude 200, '181°E' as longitude 181. Now a LabelError naming the cell's text, its degrees and the
column; minutes and seconds of 60 or more were and are refused, naming the cell and the column too."""
import re

import numpy as np
import pandas as pd
import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import LabelError
from alphaearth_nb.tables import table_numbers


@pytest.mark.parametrize("column, text, deg", [("lat", "200°N", "200"), ("lat", "91°S", "91"), ("lat", "90°30'N", "90.5"),
                                               ("latitude", "95°", "95"), ("lon", "181°E", "181"), ("x", "180°0'1\"W", "180"),
                                               ("place", "361°", "361"), ("place", "N 100° 0'", "100")])
def test_angles_out_of_range_are_refused_naming_the_cell_and_column(column, text, deg):
    with pytest.raises(LabelError, match=rf"column '{column}' holds {re.escape(repr(text))}, {deg} degrees, out of range"):
        table_numbers(pd.DataFrame({column: ["1.5", text]}), column)   # after a number that reads


@pytest.mark.parametrize("text", ["45°60'N", "45°9'60\"N", "45°61.5'N"])
def test_minutes_and_seconds_of_60_or_more_are_refused_naming_the_cell_and_column(text):
    with pytest.raises(LabelError, match=rf"column 'lat' holds {re.escape(repr(text))}.*minutes and seconds run 0..59"):
        table_numbers(pd.DataFrame({"lat": [text]}), "lat")


def test_a_signed_angle_of_a_longitude_column_reads_as_its_numbers():
    "Session 48: '-200°' in a longitude column (no hemisphere letter) is the number -200, read within +-540 (was: refused)."
    got = table_numbers(pd.DataFrame({"lon": ["-200°", "1.5"]}), "lon")
    np.testing.assert_allclose(got, table_numbers(pd.DataFrame({"lon": ["-200", "1.5"]}), "lon"))


def test_the_edges_of_the_range_read():
    t = pd.DataFrame({"lat": ["90°N", "90°S", "89°59'59.9\"N"], "lon": ["180°E", "180°W", "179°59'59\"W"]})
    got = table_numbers(t, ["lat", "lon"])
    np.testing.assert_allclose(got[:2], [[90, 180], [-90, -180]])
    assert got[2, 0] < 90 and got[2, 1] > -180


def test_a_table_of_places_out_of_range_is_refused_before_sampling():
    e = aef.testing.embedding_from_array(aef.testing.random_unit((3, 4), seed=5), crs="EPSG:4326",
                                         coords={"y": 45.0 - 1e-4 * np.arange(3), "x": 3.0 + 1e-4 * np.arange(4)})
    with pytest.raises(LabelError, match="'lat' holds '200°N'"):
        e.aef.sample(pd.DataFrame({"lat": ["45°0'0\"N", "200°N"], "lon": ["3°0'0\"E", "3°0'0\"E"]}))
