"""A latitude column (lat, latitude, any case) whose angles say E or W, or a longitude column (lon, lng, longitude)
whose angles say N or S, holds the other axis: the two columns are swapped, which the hemisphere letters show, so it
is a LabelError naming the column, the cell and the fix (tables.dms_degrees). Degrees with decimals before minutes
(45.5°30'N) are no angle either. Was: read as given, lon 45.15 and lat 3.0 for a point at 45°9'N 3°0'E (a place
2,700 km away, or off the map), and 45.5°30'N as 46.0 (review46 of c56544cc)."""
import pandas as pd
import pytest

from alphaearth_nb.core import LabelError
from alphaearth_nb.tables import dms_degrees, table_numbers


@pytest.mark.parametrize("lat, lon", [("lat", "lon"), ("Latitude", "LONGITUDE"), ("decimalLatitude", "lng")])
def test_swapped_columns_are_refused_by_their_letters(lat, lon):
    df = pd.DataFrame({lat: ["3°0'0.2\"E", "3°1'0\"E"], lon: ["45°9'14.3\"N", "45°9'N"]})
    with pytest.raises(LabelError) as e: table_numbers(df, [lon, lat])
    msg = str(e.value)
    assert f"column {lon!r} holds latitudes" in msg and "45°9" in msg and "swapped" in msg, msg
    with pytest.raises(LabelError, match=f"column {lat!r} holds longitudes"): table_numbers(df, lat)


def test_right_columns_and_other_names_still_read():
    df = pd.DataFrame({"lat": ["45°9'N", "45°9'S"], "lon": ["3°E", "3°W"], "a": ["45°N", "1°N"]})
    got = table_numbers(df, ["lon", "lat"])
    assert got[:, 0].tolist() == [3.0, -3.0] and got[:, 1].tolist() == [45.15, -45.15]
    assert table_numbers(df, "a").tolist() == [45.0, 1.0]   # a column of no known axis: either letter


@pytest.mark.parametrize("cell", ["45.5°30'N", "45.5°30'10\"N"])
def test_decimal_degrees_before_minutes_are_no_angle(cell):
    with pytest.raises(LabelError, match="no angle in degrees, minutes and seconds"): dms_degrees([cell], "lat")
