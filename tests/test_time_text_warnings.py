"""Text that no format reads ('31/02/2024': no such day) is timecodes' TimeError alone: pandas' 'Could not infer
format' UserWarning, which it gives before it fails, no longer escapes first (under `-W error` it was the error, and
the TimeError naming the fix never came). Text that pandas reads value by value ('January of 2024'; 'Jan 2024' was
such text until month names were read by `times.month_name_iso`) still reads, and its warning still reaches the
caller, pointed at the caller's line."""
import warnings

import numpy as np
import pytest

from alphaearth_nb.core import TimeError
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.timecodes import to_ms


@pytest.mark.parametrize("values, reason", [
    (["31/02/2024", "28/02/2024"], "day is out of range for month"),   # 31 February: no such day
    (["31.02.2024", "01.02.2024"], "day is out of range for month"),
    (["hello", "2024-01-01"], "hello"),
])
def test_unreadable_text_is_our_error_alone(values, reason):
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # any warning on the way is the error pytest.raises sees
        with pytest.raises(TimeError, match=rf"cannot read .*{reason}.*ISO 8601"):
            to_ms(values)


def test_a_stack_whose_time_text_holds_no_date_is_our_error_alone(crop):
    s2 = crop["sentinel2"].to_dataset()
    days = [f"{d:02d}/{m:02d}/{y}" for d, m, y in zip(*np.asarray(
        [s2.time.dt.day.values, s2.time.dt.month.values, s2.time.dt.year.values]))]
    days[0] = "31/02/2023"   # the first frame's date is no day (pandas guesses its format from the first)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(TimeError, match="day is out of range for month"):
            validate_stack(s2.assign_coords(time=days), source="sentinel2")


def test_text_read_value_by_value_still_reads_and_warns_at_the_caller():
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        ms = to_ms(["January of 2024", "February of 2024"])
    assert np.asarray(ms).astype("datetime64[ms]").astype(str).tolist() == ["2024-01-01T00:00:00.000",
                                                                            "2024-02-01T00:00:00.000"]
    infer = [w for w in seen if "Could not infer format" in str(w.message)]
    assert len(infer) == 1 and infer[0].filename == __file__
