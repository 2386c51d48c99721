"""stores.stac_item reads `year` as every year the package takes (timecodes.as_year): np.int64, '2024', 2024.0,
np.datetime64('2024') name 2024, and a date stands for its year (pd.Timestamp('2024-06-01'), the package's rule since
0a1ef32b); 24, '24', True, 2024.5, 0 and month text '2024-06' are a PeriodError. Was: int(year), so year=24
made an item for the year 24 AD, True for the year 1, 2024.5 for 2024, year=0 an item spanning 2017 to today, and
np.datetime64('2024') raised TypeError."""
import numpy as np
import pandas as pd
import pytest

pytest.importorskip("pystac")
from alphaearth_nb.core import PeriodError
from alphaearth_nb.exports import to_cog
from alphaearth_nb.stores import stac_item
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture(scope="module")
def cog(tmp_path_factory):
    return to_cog(embedding_from_array(random_unit((4, 4))), tmp_path_factory.mktemp("stac") / "e.tif")


def _span(item):
    return item.properties["start_datetime"], item.properties["end_datetime"]


@pytest.mark.parametrize("year", [np.int64(2024), "2024", 2024.0, np.datetime64("2024"), pd.Period("2024"),
                                  pd.Timestamp("2024-06-01")])
def test_year_forms(cog, year):
    assert _span(stac_item(cog, year=year)) == _span(stac_item(cog, year=2024)) == \
        ("2024-01-01T00:00:00Z", "2024-12-31T23:59:59Z")   # STAC: end inclusive


@pytest.mark.parametrize("year", [24, "24", True, 2024.5, 0, "2024-06"])
def test_odd_years_refused(cog, year):
    with pytest.raises(PeriodError, match="year"):
        stac_item(cog, year=year)


def test_no_year_spans_the_record(cog):
    assert stac_item(cog).properties["start_datetime"] == "2017-01-01T00:00:00Z"
