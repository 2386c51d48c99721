"""ISO 8601 time text written in more than one form in one list (STAC items with and without fractional seconds,
a date beside a date-time, 'Z' beside '+02:00', a space beside 'T') reads as each value alone reads. Was: pandas
took the first value's format for all, so `to_ms` raised TimeError 'cannot read ... pass ISO dates such as
'2024-01-31' or '2024-01-31T10:50'' for ISO dates (a stack's time coordinate, `--texts` times)."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import TimeError
from alphaearth_nb.samples import read_texts
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.timecodes import to_days, to_ms, utc_times

MIXES = [["2024-03-01T10:50:31.024000Z", "2024-03-06T10:50:29Z"],          # Earth Search / Planetary Computer items
         ["2024-03-06T10:50:29Z", "2024-03-01T10:50:31.024Z"],
         ["2024-03-01", "2024-03-06T10:50"],
         ["2024-03-01T10:50+01:00", "2024-03-06T10:50:00+02:00"],
         ["2024-03-01 10:50:00", "2024-03-06T10:50:00"],
         ["2024-03-01T10:50:00+00:00", "2024-03-06T10:50:00"]]   # naive text is UTC, as naive datetime64 is


@pytest.mark.parametrize("times", MIXES)
def test_mixed_iso_forms_read_as_each_alone(times):
    want = np.concatenate([to_ms([t]) for t in times])
    np.testing.assert_array_equal(to_ms(times), want)
    np.testing.assert_array_equal(utc_times(np.array(times, dtype=object)), want.astype("datetime64[ms]"))


def test_texts_and_stack_times_in_mixed_forms():
    times = MIXES[0] + ["2024-03-11"]
    df = pd.DataFrame(dict(y=[1.0, 2.0, 3.0], x=[1.0, 2.0, 3.0], time=times, text=["a", "b", "c"]))
    np.testing.assert_array_equal(read_texts(df)[2], np.concatenate([to_days([t]) for t in times]))
    y, x = 5_000_000 - 10 * np.arange(4) - 5.0, 400_000 + 10 * np.arange(4) + 5.0
    v = 1000 + np.arange(3 * 16, dtype=np.float32).reshape(3, 4, 4) * 10
    ds = xr.Dataset({b: (("time", "y", "x"), v + 100 * i) for i, b in enumerate(("B2", "B3", "B4", "B8", "B11", "B12"))},
                    coords={"time": np.array(times, dtype=object), "y": y, "x": x}, attrs={"crs": "EPSG:32631"})
    got = validate_stack(xr.DataTree.from_dict({"sentinel2": ds}))["sentinel2"].time.values
    np.testing.assert_array_equal(got.astype("datetime64[ms]"), np.concatenate([utc_times([t]) for t in times]))


def test_text_that_is_no_date_still_refused():
    with pytest.raises(TimeError, match="ISO dates"):
        to_ms(["2024-03-01", "next tuesday"])
