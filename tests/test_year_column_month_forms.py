"""A table's year column reads the year of every date text `to_ms` reads: a month and year alone ('Jan 2020',
'January, 2020', 'Jan-2020', '2020-Jan', '2020-01', '2020/01', '01/2020'), a weekday first ('Mon, 5 Jan 2020'), a
time with a zone after it ('5 Jan 2020 10:00 GMT', '2020-01-05 10:00 UTC'). Was NaN for each (classify's 'no row for
the map's year'), though frame times read them. The year is the one written, in the text's own zone, as for ISO text
with an offset ('31 Dec 2020 23:00 -0500' is 2020 there, 2021 in UTC). A month that is none ('13/2020', '2020-13'),
a word ('Foo 2020') and a weekday alone ('Mon 2020') stay NaN."""
import numpy as np
import pytest

from alphaearth_nb.timecodes import column_years, to_ms

FORMS = ["Jan 2020", "January, 2020", "Jan. 2020", "Jan-2020", "JAN 2020", "2020-Jan", "2020 Dec 5", "2020-01",
         "2020/01", "01/2020", "2020-01 10:00", "Jan 2020 10:00", "Mon, 5 Jan 2020", "Sunday, January 5, 2020",
         "Mon, 05 Jan 2020 10:00:00 GMT", "5 Jan 2020 10:00 GMT", "2020-01-05 10:00 UTC", "12/31/2020 1:05 PM UTC",
         "Dec 31, 2020 1:05 PM +02:00"]


@pytest.mark.parametrize("text", FORMS)
def test_the_year_of_every_date_text_frame_times_read(text):
    assert column_years([text]).tolist() == [2020.0]
    assert to_ms([text]).astype("datetime64[ms]").astype("datetime64[Y]").astype(int)[0] + 1970 == 2020   # to_ms reads it: the same year


def test_the_year_is_the_one_written_in_the_texts_own_zone():
    assert column_years(["31 Dec 2020 23:00 -0500", "2020-12-31 23:00 -05:00"]).tolist() == [2020.0, 2020.0]


def test_a_column_mixing_the_forms_reads_each():
    assert column_years(["Jan 2020", "2021-02", 2022, "Mon, 5 Jan 2023", "31/12/2024"]).tolist() == [
        2020.0, 2021.0, 2022.0, 2023.0, 2024.0]


@pytest.mark.parametrize("text", ["13/2020", "2020-13", "Foo 2020", "Mon 2020", "Mon, 5 Foo 2020", "Feb 30 2020",
                                  "Jan 5 2020 13:05 PM"])
def test_text_that_names_no_month_or_day_stays_nan(text):
    assert np.isnan(column_years([text])).all()
