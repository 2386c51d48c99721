"Times and periods (alphaearth_nb.timecodes): field case F2 and other date spellings."
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import PeriodError, TimeError
from alphaearth_nb.timecodes import Period, as_period, to_days, to_ms


@pytest.mark.parametrize("bad", [24, 31, 0, 99, 1899, 2101, 10000, -1, "24", "10000", True, np.int64(24), 10**400])
def test_int_is_a_calendar_year_or_a_period_error(bad):  # F2
    with pytest.raises(PeriodError, match="year"): as_period(bad)


@pytest.mark.parametrize("year", [2024, np.int32(2017), "2024", "1984"])
def test_years_in_range(year):
    p = as_period(year)
    assert str(p.start)[:4] == str(int(year)) and p.length_days in (365.0, 366.0)


@pytest.mark.parametrize("one", [pd.Period("2024"), np.datetime64("2024"), 2024.0, np.float64(2024), np.array(2024)])
def test_what_names_one_year_is_that_year(one):  # was "cannot read ... as a period" for each
    p = as_period(one)
    assert (p.start, p.end) == (np.datetime64("2024-01-01"), np.datetime64("2025-01-01")) and p.length_days == 366.0


def test_a_pandas_period_is_its_span():
    p = as_period(pd.Period("2024-03", "M"))   # March 2024: 31 days from 1 March
    assert (p.start, p.length_days) == (np.datetime64("2024-03-01"), 31.0)
    q = as_period(pd.Period("2024Q2"))         # April to June: 30 + 31 + 30 days
    assert (q.start, q.length_days) == (np.datetime64("2024-04-01"), 91.0)


@pytest.mark.parametrize("bad", [2024.5, np.nan, np.datetime64("2024-03-05"), np.datetime64("NaT"),
                                 pd.Timestamp("2024-01-01")])
def test_an_instant_or_a_fraction_of_a_year_is_no_period(bad):   # a day, an instant: which span? refused
    with pytest.raises(PeriodError, match="year"): as_period(bad)


_PAIRS = [(2023, 2024), (np.int64(2023), 2024), ("2023", "2024"), (2023.0, 2024.0), (2023, "2024"),
          (np.datetime64("2023"), np.datetime64("2024")), (pd.Period("2023"), pd.Period("2024"))]


@pytest.mark.parametrize("pair", _PAIRS)
def test_a_pair_of_years_is_first_through_last_as_years_of_reads_it(pair):  # one rule for pairs of years
    from alphaearth_nb.official import years_of
    p = as_period(pair)
    assert (p.start, p.end) == (np.datetime64("2023-01-01"), np.datetime64("2025-01-01")) and p.length_days == 731.0
    assert years_of(tuple(pair)) == [2023, 2024]
    assert [y for y in range(2017, 2026) if np.datetime64(f"{y}-07-01") in p] == years_of(tuple(pair))


def test_a_pair_of_years_one_year_or_backwards():
    from alphaearth_nb.core import ConfigError
    from alphaearth_nb.official import years_of
    assert as_period((2024, 2024)).length_days == 366.0 and years_of((2024, 2024)) == [2024]
    with pytest.raises(PeriodError, match=r"as_period\(\(2023, 2024\)\) for 2023 through 2024"):
        Period(2023, 2024)   # a Period's ends are instants: a year there reads two ways, so it is still refused
    with pytest.raises(PeriodError, match=r"last before the first.*\(2023, 2024\)"): as_period((2024, 2023))
    with pytest.raises(ConfigError, match=r"last before the first.*\(2023, 2024\)"): years_of((2024, 2023))


@pytest.mark.parametrize("one", [2024.0, np.datetime64("2024"), pd.Period("2024"), np.array(2024)])
def test_years_of_reads_one_year_as_as_period_does(one):   # each was a raw TypeError
    from alphaearth_nb.official import years_of
    assert years_of(one) == [2024]


@pytest.mark.parametrize("bad", [(2023.5, 2024), [2024.5], np.datetime64("NaT"), pd.NaT, None])
def test_years_of_refuses_what_is_no_year(bad):   # (2023.5, 2024) was 2023..2024, others raw TypeErrors
    # (a date is its year since s42: tests/test_date_years; NaT names none)
    from alphaearth_nb.core import ConfigError
    from alphaearth_nb.official import years_of
    with pytest.raises(ConfigError, match="is not a year"): years_of(bad)


def test_epoch_seconds_and_ms():
    with pytest.raises(TimeError, match="unit='s'"): to_ms(np.array([1_700_000_000]))
    assert to_ms(pd.to_datetime([1_700_000_000], unit="s"))[0] == 1_700_000_000_000
    assert to_days(np.array([1_577_923_200_000]))[0] == 1.0  # 2020-01-02 in epoch ms stays accepted
    with pytest.raises(TimeError, match="unit="): to_ms(np.array([3]))  # days? hours? the unit is the user's to say


@pytest.mark.parametrize("unit", ["us", "ns"])
def test_epoch_micro_and_nanoseconds_get_their_unit_named(unit):  # int64 time coordinates of other writers
    ts = pd.DatetimeIndex([pd.Timestamp("2023-01-03 19:05"), pd.Timestamp("2024-06-30")])
    values = ts.as_unit(unit).asi8                                # int64 counts since 1970
    for v in (values, values.astype(str)):
        with pytest.raises(TimeError, match=f"unit='{unit}'") as e: to_ms(v)
        got = eval(str(e.value).split("`")[1], dict(np=np, pd=pd, values=v))  # the message's fix runs
        assert list(to_ms(got)) == list(to_ms(ts))


@pytest.mark.parametrize("spelling", [("2024-01-01", "2025-01-01"), ("2024-01-01T00:00", "2025-01-01T00:00Z"),
                                      (np.datetime64("2024-01-01"), pd.Timestamp("2025-01-01")),
                                      (pd.Timestamp("2024-01-01", tz="UTC"), "2025-01-01")])
def test_other_date_spellings(spelling):
    assert as_period(spelling).length_days == 366.0


@pytest.mark.parametrize("bad", [("0024-01-01", "0025-01-01"), ("not a date", "2025-01-01"), ("2025-01-01", "2024-01-01"),
                                 "2024-06", 2024.5, None])
def test_other_bad_periods(bad):
    with pytest.raises(PeriodError): as_period(bad)


def test_epoch_ms_as_text_gets_a_hint_that_runs():  # G3: pd.to_datetime on '1672772700000' overflows
    from alphaearth_nb.timecodes import numeric_time_hint
    values = np.array(["1672772700000", "1672859100000"])
    with pytest.raises(TimeError, match="unit='ms'") as e: to_ms(values)
    code = str(e.value).split("`")[1]
    got = eval(code, dict(np=np, pd=pd, values=values))
    assert list(to_ms(got)) == [1672772700000, 1672859100000]
    years = np.array(["2023", "2024"], dtype=object)                 # years as text: the year hint runs too
    got = eval(numeric_time_hint(years).split("`")[1], dict(np=np, pd=pd, values=years))
    assert list(pd.DatetimeIndex(got).year) == [2023, 2024]
    assert to_ms(np.array(["2024-01-31"]))[0] == int(to_ms(np.datetime64("2024-01-31")))  # dates as text still read


@pytest.mark.parametrize("dates", [["2023-01-03", "2024-06-30"], ["1995-02-01", "2068-12-31"]])
def test_day_counts_get_a_hint_that_runs(dates):  # G3's kind: days since 1970, spreadsheet serials (not 'unit=...')
    from alphaearth_nb.timecodes import numeric_time_hint
    t = pd.to_datetime(dates)
    for values in ((t - pd.Timestamp("1970-01-01")).days.to_numpy(),
                   (t - pd.Timestamp("1899-12-30")).days.to_numpy().astype(np.float64)):
        code = numeric_time_hint(values).split("`")[1]
        assert list(pd.DatetimeIndex(eval(code, dict(np=np, pd=pd, values=values)))) == list(t), code


def test_a_year_in_a_pair_with_a_date_reads_as_the_rule_says():  # one rule for a year in any pair
    p = as_period((2024, "2024-07-01"))                 # a year first: from its first day (both readings agree)
    assert (p.start, p.end, p.length_days) == (np.datetime64("2024-01-01"), np.datetime64("2024-07-01"), 182.0)
    assert as_period(("2024", "2024-07-01")) == p       # the digits read the same as the number (the number was refused)
    for end in (2025, "2025", np.datetime64("2025")):   # a year last: its first day, or its last? ('2025' was read as
        with pytest.raises(PeriodError, match=r"reads two ways.*'2025-01-01'.*'2026-01-01'"):   # its first silently)
            as_period(("2024-03-01", end))


def test_what_is_no_date_is_not_called_one():
    with pytest.raises(PeriodError) as e: as_period(slice("2024-01-01", "2025-01-01"))
    assert "date or instant" not in str(e.value) and "(start, end) pair" in str(e.value)


@pytest.mark.parametrize("make", [set, frozenset, lambda ys: (y for y in ys), lambda ys: dict.fromkeys(ys).keys(),
                                  list, np.array])
def test_a_set_or_generator_of_years_is_those_years(make):  # np.ndim of a set/generator is 0: read as 'one year'
    from alphaearth_nb.official import years_of
    from alphaearth_nb.timecodes import as_years
    assert years_of(make([2021, 2020])) == [2020, 2021] and as_years(make(["2024", 2023])) == [2023, 2024]
    assert as_years(np.array(2024)) == [2024] and years_of(np.int64(2022)) == [2022]


def test_a_whole_number_beyond_a_float_is_no_year():   # 10**400: was a raw OverflowError from float()
    from alphaearth_nb.timecodes import as_year, as_years
    for read in (as_year, as_years, as_period):
        with pytest.raises(PeriodError, match="year"): read(10**400)


@pytest.mark.parametrize("years", [{2020, 2024}, {2021, 2022}, frozenset({2016, 2030}), {2020: 0, 2024: 1}.keys(),
                                   {0: 2020, 1: 2024}.values()])
def test_a_set_of_two_years_is_no_period(years):
    "Review b 4: a set unpacked in hash order: {2020, 2024} 'names the last before the first', others silently a range."
    lo, hi = sorted(years)
    with pytest.raises(PeriodError, match=rf"no order.*\({lo}, {hi}\)"): as_period(years)
    assert str(as_period((lo, hi)).end)[:4] == str(hi + 1)             # the tuple named: first through last


def test_one_pair_rule_a_tuple_is_a_span_a_list_names_years():
    """Review b 5: as_years([2020, 2024]) was two years, as_period([2020, 2024]) 2020..2024. A list of years names
    those years (as_years, years_of); as_period refuses it naming the tuple; the CLI's --period first,last is the tuple."""
    from alphaearth_nb.cli_values import _period
    from alphaearth_nb.official import years_of
    from alphaearth_nb.timecodes import PAIRS, as_years
    assert as_years([2020, 2024]) == years_of([2020, 2024]) == [2020, 2024]
    assert as_years((2020, 2024)) == years_of((2020, 2024)) == list(range(2020, 2025))
    for listed in ([2020, 2024], ["2020", "2024"], np.array([2020, 2024])):
        with pytest.raises(PeriodError, match=r"two years.*tuple \(.?2020.?, .?2024.?\)"): as_period(listed)
    assert as_period((2020, 2024)).length_days == sum(366 if y % 4 == 0 else 365 for y in range(2020, 2025))
    assert _period("2020,2024") == as_period((2020, 2024))
    assert as_period(["2024-03-01", "2024-06-01"]) == Period("2024-03-01", "2024-06-01")   # dates: [start, end)
    for doc in (as_years.__doc__, as_period.__doc__, years_of.__doc__):   # one rule, named in each docstring
        assert "PAIRS" in doc and "tuple" in doc and "list" in doc
    assert "[2020, 2024]" in PAIRS and "(2020, 2024)" in PAIRS


@pytest.mark.parametrize("end,without,with_", [("2025", "2025-01-01", "2026-01-01"), ("2025-01", "2025-01-01", "2025-02-01"),
                                               (np.datetime64("2025-01"), "2025-01-01", "2025-02-01"),
                                               (pd.Period("2025-01", "M"), "2025-01-01", "2025-02-01")])
def test_a_year_or_month_as_the_end_is_refused_by_period_and_as_period_alike(end, without, with_):
    "Review b 5: Period('2024-03-01', '2025') ended silently on 2025-01-01 (as_period refused it); '2025-01' in both."
    for make in (lambda: Period("2024-03-01", end), lambda: as_period(("2024-03-01", end))):
        with pytest.raises(PeriodError, match=f"reads two ways.*'{without}'.*'{with_}'"): make()
    assert as_period(("2024-03-01", without)) == Period("2024-03-01", without)
    assert as_period(("2024-01", "2024-06-01")).start == np.datetime64("2024-01-01")   # a month as the start: its first day


@pytest.mark.parametrize("one", ["2024.0", " 2024.0 ", "2024.", b"2024.0", np.str_("2024.0"), np.float32(2024),
                                 ("2024.0", "2024.0")])
def test_a_year_written_as_a_float_in_text_is_that_year(one):
    # str() of a float year column (years read with a NaN beside them are float64) and `aef embed --period 2024.0`:
    # was refused by a message that lists 2024.0 as the way to write it
    from alphaearth_nb.timecodes import as_years
    p = as_period(one)
    assert (p.start, p.end) == (np.datetime64("2024-01-01"), np.datetime64("2025-01-01"))
    assert as_years(one) == [2024]


@pytest.mark.parametrize("bad,msg", [("2024.5", "cannot read"), ("24.0", "not a calendar year"),
                                     ("2024.0.0", "cannot read"), ("2e3", "cannot read")])
def test_text_that_is_no_whole_year_is_still_refused(bad, msg):
    with pytest.raises(PeriodError, match=msg): as_period(bad)


def test_the_command_reads_a_float_year():
    from alphaearth_nb.cli_args import parser
    a = parser().parse_args(["embed", "--checkpoint", ".", "--period", "2024.0", "--out", "x.zarr"])
    assert a.period == as_period(2024)


@pytest.mark.parametrize("as_text", [False, True])
def test_dates_written_yyyymmdd_get_a_hint_that_runs(as_text):
    # 20230105 (product names, DATE_ACQUIRED, CSV exports): was 'convert them with unit=... and the unit they count'
    from alphaearth_nb.timecodes import numeric_time_hint
    t = pd.to_datetime(["2023-01-05", "2023-12-31", "2024-02-29"])
    values = np.array([int(d.strftime("%Y%m%d")) for d in t])
    values = values.astype(str) if as_text else values
    code = numeric_time_hint(values).split("`")[1]
    assert "%Y%m%d" in code and list(pd.DatetimeIndex(eval(code, dict(np=np, pd=pd, values=values)))) == list(t)


def test_decimal_years_get_a_hint_that_keeps_the_fraction():
    # 2023.042, 2023.125, ... (monthly steps as decimal years): the year hint cut the fraction, so every frame of a
    # year became 1 January (12 duplicated times) - a fix that was wrong
    from alphaearth_nb.timecodes import numeric_time_hint
    t = pd.date_range("2023-01-01", periods=24, freq="MS") + pd.Timedelta(days=14)
    start = pd.to_datetime(t.year.astype(str), format="%Y")
    values = t.year + ((t - start) / ((start + pd.offsets.YearBegin()) - start)).to_numpy()
    code = numeric_time_hint(values).split("`")[1]
    got = pd.DatetimeIndex(eval(code, dict(np=np, pd=pd, values=values)))
    assert got.is_unique and (abs(got - t) < pd.Timedelta(seconds=1)).all(), (code, got[:3])
    whole = np.array([2023, 2024])   # whole years: still one date each, 1 January
    assert list(pd.DatetimeIndex(eval(numeric_time_hint(whole).split("`")[1], dict(np=np, pd=pd, values=whole))).year) == [2023, 2024]


def test_periods_as_frame_times_get_a_fix_that_runs():
    # monthly composites indexed by pd.Period (resample(kind='period'), to_period('M')): was told to use
    # pd.to_datetime(values, utc=True), which cannot read Periods either
    from alphaearth_nb.stacks import validate_stack
    from alphaearth_nb.stacks import toy_stack
    one = toy_stack()["sentinel2"].to_dataset()
    months = pd.PeriodIndex(pd.date_range("2023-01-01", periods=one.sizes["time"], freq="MS"), freq="M")
    ds = one.assign_coords(time=months)
    with pytest.raises(TimeError, match="to_timestamp") as e: validate_stack(ds)
    fixed = eval(str(e.value).split("`")[1], dict(ds=ds, pd=pd, np=np))
    assert list(validate_stack(fixed)["sentinel2"].time.values) == list(months.to_timestamp().values)
    with pytest.raises(TimeError, match="to_timestamp"): to_ms(np.array(list(months), dtype=object))
