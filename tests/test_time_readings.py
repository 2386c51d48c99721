"""Times never guessed (kind F): cftime times of a model calendar ('noleap', '360_day', 'julian') were refused with a
fix that fails (`pd.to_datetime` cannot read cftime objects); cftime dates of the Gregorian calendar are read exactly;
day/month text whose order nothing settles ('01/02/2024', '01.02.2024') was read month first without a word (a
period of 2 January for 1 February)."""
import cftime
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import PeriodError, TimeError
from alphaearth_nb.stacks import toy_stack, validate_stack
from alphaearth_nb.timecodes import as_period, to_ms


def _with_times(values):
    st = toy_stack(n_time=4, size=8)
    d = {k: v.to_dataset() for k, v in st.children.items()}
    d["sentinel2"] = d["sentinel2"].assign_coords(time=values)
    return xr.DataTree.from_dict(d)


DATES = pd.to_datetime(["2021-01-01", "2021-01-31", "2021-03-02", "2021-04-01"])


@pytest.mark.parametrize("calendar", ["noleap", "360_day", "julian", "all_leap"])
def test_model_calendar_names_convert_calendar(calendar):
    raw = xr.Dataset(coords={"time": ("time", [0, 30, 60, 90], {"units": "days since 2021-01-01", "calendar": calendar})})
    ds = xr.decode_cf(raw, use_cftime=True)        # what xr.open_dataset gives for such a netCDF
    vals = ds.time.values
    with pytest.raises(TimeError, match=rf"'{calendar}' calendar .*convert_calendar\('standard', align_on='date'\)"):
        validate_stack(_with_times(vals))
    ds = ds.convert_calendar("standard", align_on="date")  # the fix named works
    validate_stack(_with_times(ds.time.values))
    with pytest.raises(PeriodError, match="convert_calendar"): as_period((vals[0], vals[-1]))


@pytest.mark.parametrize("calendar", ["standard", "proleptic_gregorian"])
def test_gregorian_cftime_is_read_exactly(calendar):
    vals = np.array([cftime.datetime(d.year, d.month, d.day, 10, 30, calendar=calendar) for d in DATES])
    got = validate_stack(_with_times(vals))["sentinel2"].time.values
    np.testing.assert_array_equal(got.astype("datetime64[ms]"), (DATES + pd.Timedelta("10h30min")).values.astype("datetime64[ms]"))


@pytest.mark.parametrize("texts,fmt", [(["01/02/2024", "03/04/2024"], "%d/%m/%Y"), (["01.02.2024"], "%d.%m.%Y"),
                                       (["05-06-2024", "07-08-2024"], "%d-%m-%Y")])
def test_unsettled_day_month_order_is_refused(texts, fmt):
    with pytest.raises(TimeError, match=f"format='{fmt}'"): to_ms(texts)
    with pytest.raises(PeriodError, match="day"): as_period(tuple(texts[:1] * 2) if len(texts) == 1 else tuple(texts))
    ok = pd.to_datetime(texts, format=fmt)            # the fix named reads them
    assert to_ms(ok.values).tolist() == to_ms([str(t.date()) for t in ok]).tolist()


def test_settled_orders_read_as_before():
    assert to_ms(["01/02/2024", "02/13/2024"]).tolist() == to_ms(["2024-01-02", "2024-02-13"]).tolist()
    assert to_ms(["2024/02/01"]).tolist() == to_ms(["2024-02-01"]).tolist()
    assert str(as_period(("2024-03-01", "2024-06-01")).start)[:10] == "2024-03-01"


@pytest.mark.parametrize("texts", [["00/05/2024"], ["05/00/2024", "03/04/2024"], ["13/00/2024"]])
def test_an_impossible_day_or_month_is_a_time_error(texts):
    "Review b 2: a 0 day or month reached pd.Timestamp in the ambiguity check: raw ValueError 'month must be in 1..12'."
    with pytest.raises(TimeError, match="2024"): to_ms(texts)
    with pytest.raises(PeriodError, match="2024"): as_period((texts[0], "2025-01-01"))
    with pytest.raises(TimeError, match="2024"): validate_stack(_with_times(np.array((texts * 4)[:len(DATES)], object)))


def test_the_ambiguity_message_spells_dates_without_strftime():
    "'%-d' is glibc's, not Windows': the words are built by hand, day first, month by name."
    with pytest.raises(TimeError, match="'03/04/2024' is 4 March 2024 or 3 April 2024"): to_ms(["03/04/2024", "05/06/2024"])


def test_day_first_text_settled_by_a_day_over_12_is_read_day_first():
    "'03/01/2024' beside '13/01/2024' raised pandas' 'doesn't match format \"%m/%d/%Y\"' (month first was read when a "
    "13 settled it); a list mixing both orders is refused by name."
    np.testing.assert_array_equal(to_ms(["03/01/2024", "13/01/2024"]), to_ms(["2024-01-03", "2024-01-13"]))
    np.testing.assert_array_equal(to_ms(["03.01.2024 10:30", "13.01.2024 08:00"]), to_ms(["2024-01-03T10:30", "2024-01-13T08:00"]))
    with pytest.raises(TimeError, match="'13/01/2024' is day first and '01/13/2024' month first.*YYYY-MM-DD"):
        to_ms(["13/01/2024", "01/13/2024"])
    with pytest.raises(TimeError, match="no date among them settles which"):   # as before: nothing settles it
        to_ms(["03/01/2024", "03/02/2024"])
