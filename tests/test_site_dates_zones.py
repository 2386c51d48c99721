"""site_table's period check compares a start and an end given one with a time zone and one without (a table joined
from two sources: `p0_start` read as UTC, `p0_end` naive) as instants in UTC: an end before its start is the
LabelError naming the column, a sound pair passes. Was: pandas' TypeError 'Invalid comparison between
dtype=datetime64[ns] and DatetimeArray' from write_sites, no file and no word of which column."""
import pandas as pd
import pytest

pytest.importorskip("geopandas")
from alphaearth_nb import sites
from alphaearth_nb.core import LabelError


@pytest.fixture(scope="module")
def table():
    return sites.sample_sites(sites.box_strata(2), (2019, 2021), cap=2, size=16, seed=0)


def test_a_zoned_start_and_a_naive_end_are_compared_in_utc(table, tmp_path):
    ok = table.assign(p0_start=table["p0_start"].dt.tz_localize("UTC"))   # ends stay naive, a year later
    path = sites.write_sites(tmp_path / "s.parquet", ok)
    assert len(sites.read_sites(path)) == len(table)


def test_a_zoned_end_before_its_naive_start_is_named(table, tmp_path):
    bad = table.assign(p0_end=(table["p0_start"] - pd.Timedelta(days=2)).dt.tz_localize("UTC"))
    with pytest.raises(LabelError, match=r"column 'p0_end' .* write a day after p0_start"):
        sites.write_sites(tmp_path / "s.parquet", bad)
    assert not (tmp_path / "s.parquet").exists()
