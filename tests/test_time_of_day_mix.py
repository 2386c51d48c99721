"""Text dates beside text dates with a time of day in one list (a table's time column where midnight was written
as the date alone) read as each value alone reads. Was: pandas took the first value's format for all, and `to_ms`
raised TimeError carrying pandas' format message and its advice (format='mixed')."""
import numpy as np
import pytest

from alphaearth_nb.core import TimeError
from alphaearth_nb.timecodes import to_ms

D = lambda *v: np.array(v, "datetime64[ms]").astype(np.int64)
MIXES = [(["2024/01/01", "2024/01/02 10:50"], D("2024-01-01", "2024-01-02T10:50")),
         (["2024/01/02 10:50", "2024/01/01"], D("2024-01-02T10:50", "2024-01-01")),
         (["2024-01-01", "2024-01-02 10:50:00 UTC"], D("2024-01-01", "2024-01-02T10:50")),
         (["2024-01-01T10", "2024-01-02"], D("2024-01-01T10:00", "2024-01-02")),
         (["Jan 1 2024", "Jan 2 2024 10:50"], D("2024-01-01", "2024-01-02T10:50")),
         (["13/01/2024", "14/01/2024 10:00", "02/01/2024"], D("2024-01-13", "2024-01-14T10:00", "2024-01-02")),  # day first
         (["01/13/2024 10:00", "01/02/2024", "02/01/2024"], D("2024-01-13T10:00", "2024-01-02", "2024-02-01"))]   # month first


@pytest.mark.parametrize("times,want", MIXES)
def test_dates_with_and_without_a_time_of_day(times, want):
    np.testing.assert_array_equal(to_ms(times), want)
    np.testing.assert_array_equal(to_ms(np.array(times, dtype=object).reshape(-1, 1)).ravel(), want)


def test_unreadable_text_names_iso_and_the_format_without_pandas_advice():
    with pytest.raises(TimeError, match="ISO dates") as e:
        to_ms(["2024/01/01", "sometime 10:00"])
    assert "format='mixed'" not in str(e.value) and "You might want" not in str(e.value)
    assert "pd.to_datetime(values, format=" in str(e.value)
