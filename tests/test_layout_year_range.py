"""A mirror path's year is read only within the product's years (session 47's note, "Left"): 2017, the first year of
Earth Engine's GOOGLE/SATELLITE_EMBEDDING/V1/ANNUAL, to this year + 1 (a year's layer is published after it ends).
Was: any year 2017..2100 (`2099/31N/x.tiff` dated 2099, a wrong number more likely than a year of the product)."""
import datetime

import pytest

from alphaearth_nb import embeddings
from alphaearth_nb.paths import layout_year
from alphaearth_nb.testing import embedding_from_array, random_unit

NOW = datetime.datetime.now(datetime.timezone.utc).year


@pytest.mark.parametrize("year", [2017, 2024, NOW, NOW + 1])
def test_product_years_are_read(year):
    assert layout_year(f"https://data.source.coop/tge-labs/aef/v1/annual/{year}/31N/t.tiff") == year


@pytest.mark.parametrize("year", [2016, NOW + 2, 2099, 2100])
def test_years_past_the_product_are_no_year(year):
    assert layout_year(f"mirror/v1/annual/{year}/31N/t.tiff") is None


def test_a_tile_under_2099_is_not_dated_2099(tmp_path):
    "The door that uses it: a tile read from a mirror copy is dated by its path only for a product year."
    da = embedding_from_array(random_unit((2, 3), seed=0))
    for year, want in ((2023, "2023-01-01T00:00:00"), (2099, None)):
        got = embeddings.dated_by_path(da.copy(), f"copy/{year}/31N/t.tiff")
        assert got.attrs.get("time") == want
