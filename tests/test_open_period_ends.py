"""A period with an open end ((start, None): a config's empty end, a NaN or NaT cell) is named as such, and a year
out of range that is no short year (-2024, 10000) is not told to be written in full. Was: 'period end NaT is not
after its start 2023-01-01T00:00:00.000: pass (start, end) with end > start' (the end was missing, not early), and
'-2024 is not a calendar year in 1900..2100: write the year in full (2024, not 24)' (field case F2/G3)."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import AEFError
from alphaearth_nb.timecodes import as_period, as_year


@pytest.mark.parametrize("p,gap", [(("2023-01-01", None), "no end"), ((None, "2024-01-01"), "no start"),
                                   (("2023-01-01", np.nan), "no end"), ((pd.NaT, "2024-01-01"), "no start"),
                                   ((np.datetime64("NaT"), None), "no start and no end")])
def test_an_open_end_is_named(p, gap):
    with pytest.raises(AEFError) as e: as_period(p)
    msg = str(e.value)
    assert f"gives {gap}: a period needs both, e.g. ('2024-01-01', '2025-01-01')" in msg and "NaT is not" not in msg


@pytest.mark.parametrize("y,short", [(24, True), (99, True), (-2024, False), (10000, False), (1850, False)])
def test_write_in_full_only_for_a_short_year(y, short):
    with pytest.raises(AEFError) as e: as_year(y)
    msg = str(e.value)
    assert ("write the year in full (2024, not 24)" in msg) == short and "1900..2100" in msg, msg


def test_periods_still_read():
    assert as_period(("2023-01-01", "2024-01-01")).start == np.datetime64("2023-01-01")
