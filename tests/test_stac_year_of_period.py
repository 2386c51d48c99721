"""`stores.stac_item(cog, year=2024)` of an own model's COG whose period lies within 2024 (AEF_PERIOD_START
2024-03-01, AEF_PERIOD_END 2024-10-01) was a PeriodError ('year=2024, but its tags say it describes 2024-03-01 ..
2024-09-30'): the whole year was compared with the period. The years are compared: a period within the year is of
that year, and the item keeps the file's own span (the finer); a period across two years, or a change map of
2019 -> 2024, is of no one year and stays refused."""
import pytest

pytest.importorskip("pystac")
pytest.importorskip("rasterio")
from alphaearth_nb.core import PeriodError
from alphaearth_nb.exports import to_cog
from alphaearth_nb.stores import stac_item
from alphaearth_nb.testing import embedding_from_array, random_unit


def _cog(tmp_path, start, end):
    e = embedding_from_array(random_unit((4, 4), seed=3)).assign_attrs(
        period_start=start, period_end=end, **{"embedding:model": "alphaearth_nb tiny sha256:abc"})
    return to_cog(e, tmp_path / "own.tif", overviews=False)


def _times(item):
    return item.properties["start_datetime"], item.properties["end_datetime"]


def test_a_period_within_the_year_is_of_that_year(tmp_path):
    cog = _cog(tmp_path, "2024-03-01T00:00:00.000", "2024-10-01T00:00:00.000")
    item = stac_item(cog, year=2024)                                    # was PeriodError
    assert _times(item) == _times(stac_item(cog)) == ("2024-03-01T00:00:00Z", "2024-09-30T23:59:59Z")
    with pytest.raises(PeriodError, match="leave `year` out"): stac_item(cog, year=2023)


def test_a_period_across_two_years_is_of_neither(tmp_path):
    cog = _cog(tmp_path, "2023-10-01T00:00:00.000", "2024-04-01T00:00:00.000")
    for y in (2023, 2024):
        with pytest.raises(PeriodError, match="leave `year` out"): stac_item(cog, year=y)
