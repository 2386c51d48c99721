"Numbers given as times that count in year + day of year (YYYYDDD: MODIS and Landsat product names), Julian days or MATLAB datenums get a conversion that runs, not 'unit=...' (times.numeric_time_hint, field case G3's kind)."
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import TimeError
from alphaearth_nb.times import numeric_time_hint, to_ms

DATES = pd.to_datetime(["2024-01-01", "2024-02-01", "2024-12-31", "1995-07-04"])


def _forms():
    doy = np.array([d.year * 1000 + d.day_of_year for d in DATES])                 # 2024001, 2024032, 2024366, 1995185
    jd = (DATES - pd.Timestamp("1970-01-01")).days.to_numpy() + 2440587.5         # JD of 1970-01-01 00:00: 2440587.5
    dn = (DATES - pd.Timestamp("1970-01-01")).days.to_numpy() + 719529           # datenum('1970-01-01') = 719529
    return [("YYYYDDD", doy), ("YYYYDDD", doy.astype(str)), ("Julian", jd), ("datenum", dn)]


@pytest.mark.parametrize("what,values", _forms())
def test_the_hint_names_the_form_and_its_code_runs(what, values):
    with pytest.raises(TimeError, match=what):   # was: "convert them with `pd.to_datetime(values, unit=...)`"
        to_ms(values)
    code = numeric_time_hint(values).split("`")[1]
    assert list(pd.DatetimeIndex(eval(code, dict(np=np, pd=pd, values=values)))) == list(DATES), code
