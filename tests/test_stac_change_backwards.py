"""A change map of a later year to an earlier one (`analysis.change(e2024, e2019)`: from_year 2024, to_year 2019, as
written) was dated by `stores.stac_item` as an item of 2017-01-01 to today: `file_span` read its years only in
order (AEF_FROM_YEAR <= AEF_TO_YEAR), so a STAC search for any year since 2017 found it, and `year=2019` dated it
2019 alone without a word. Its years span 2019 .. 2024 whichever came first."""
import pytest

pytest.importorskip("pystac")
pytest.importorskip("rasterio")
from alphaearth_nb.analysis import change
from alphaearth_nb.core import PeriodError
from alphaearth_nb.exports import map_to_cog
from alphaearth_nb.stores import file_span, stac_item
from alphaearth_nb.testing import embedding_from_array, random_unit


def _year(y, seed):
    return embedding_from_array(random_unit((6, 6), seed=seed)).assign_attrs(time=f"{y}-01-01")


@pytest.mark.parametrize("a, b", [(2024, 2019), (2019, 2024)])
def test_a_change_map_spans_its_two_years_in_either_order(tmp_path, a, b):
    cog = map_to_cog(change(_year(a, 1), _year(b, 2)), tmp_path / "c.tif")
    p = stac_item(cog).properties
    assert (p["start_datetime"], p["end_datetime"]) == ("2019-01-01T00:00:00Z", "2024-12-31T23:59:59Z")
    with pytest.raises(PeriodError, match="leave `year` out"): stac_item(cog, year=2019)


def test_file_span_of_the_years_backwards_is_the_same_span():
    assert file_span({"AEF_FROM_YEAR": "2024", "AEF_TO_YEAR": "2019"}) == \
        file_span({"AEF_FROM_YEAR": "2019", "AEF_TO_YEAR": "2024"})
