"""A bbox in metres (newcomer, s49): `official.open((735240, 4987230, 736410, 4987830), 2024)` (UTM 31N eastings
and northings) was told "not (west, south, east, north) in degrees: e.g. (5.99, ...)", nothing on how to give an
area in a projected CRS. `mirrors.area_of` (every door of an area) now says it looks like metres and names the forms
that carry a CRS: a GeoDataFrame with it, or `geobox=`; the GeoDataFrame it names reads as the same place."""
import re

import pytest

gpd = pytest.importorskip("geopandas"); pytest.importorskip("odc.geo")
import shapely  # noqa: E402

from alphaearth_nb import official as off  # noqa: E402
from alphaearth_nb.core import ConfigError  # noqa: E402
from alphaearth_nb.mirrors import area_of  # noqa: E402

UTM = (735240, 4987230, 736410, 4987830)   # the sample mirror's area in EPSG:32631 metres


@pytest.mark.parametrize("bbox", [UTM, (-20037508.3, -20037508.3, 20037508.3, 20037508.3), (1e3, 2e3, 3e3, 4e3)])
def test_a_bbox_in_metres_names_the_projected_forms(bbox):
    for call in (lambda: area_of(bbox), lambda: off.grid_for(bbox), lambda: off.open(bbox, 2024, source="/nowhere")):
        with pytest.raises(ConfigError) as e: call()
        msg = str(e.value)
        assert "look like metres of a projected CRS" in msg and "gpd.GeoDataFrame(geometry=" in msg, msg
        assert "geobox=" in msg and "aef.official.open" in msg, msg


def test_the_named_geodataframe_is_the_place():
    with pytest.raises(ConfigError) as e: area_of(UTM)
    code = re.search(r"`(gpd\.GeoDataFrame\([^`]+)`", str(e.value)).group(1).replace("326NN", "32631")
    g = area_of(eval(code, {"gpd": gpd, "shapely": shapely}))
    w, s, e_, n = g.bounds
    assert 5.98 < w < e_ < 6.0 and 44.99 < s < n < 45.01


def test_a_degree_bbox_off_the_globe_keeps_its_words():
    with pytest.raises(ConfigError) as e: area_of((10, 44, 11, 200))
    assert "metres" not in str(e.value) and "(5.99, 44.99, 6.01, 45.01)" in str(e.value)
