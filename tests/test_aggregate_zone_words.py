"""cubes.aggregate's zones say what was done with them (newcomer s52, findings 1, 5, 6). Was: h3=13..15 on a map of
10 m pixels ran for minutes with no word (cells far below a pixel); buffer=20 with polygon zones was ignored
(n_pixels 300 either way); a zone half past the map's edge was averaged over the part on the map with no flag."""
import warnings

import numpy as np
import pytest

gpd = pytest.importorskip("geopandas")
from shapely.geometry import Point, box

from alphaearth_nb.core import ConfigError, NoDataWarning
from alphaearth_nb.cubes import aggregate
from alphaearth_nb.testing import embedding_from_array, random_unit

EMB = embedding_from_array(random_unit((6, 8), seed=3))   # x 500000 .. 500080, y 4999940 .. 5000000 (10 m pixels)
CRS = "EPSG:32631"


def _zones(*geoms):
    return gpd.GeoDataFrame({"name": list("abcd")[:len(geoms)]}, geometry=list(geoms), crs=CRS)


def test_h3_cells_below_a_pixel_are_refused_naming_those_that_fit():
    h3 = pytest.importorskip("h3")
    px = 10.0 * 10.0
    fit = max(r for r in range(16) if h3.average_hexagon_area(r, unit="m^2") >= px)   # the H3 docs' table
    with pytest.raises(ConfigError, match=rf"h3={fit} or coarser"):
        aggregate(EMB, h3=fit + 1)
    with pytest.raises(ConfigError, match="0 .*15"):
        aggregate(EMB, h3=16)
    assert aggregate(EMB, h3=fit)["n_pixels"].sum() == 6 * 8   # the finest that fits still runs, every pixel once


def test_buffer_with_polygons_alone_is_refused():
    z = _zones(box(500000, 4999970, 500030, 5000000))
    with pytest.raises(ConfigError, match="buffer"):
        aggregate(EMB, z, buffer=20)
    assert aggregate(EMB, z)["n_pixels"].tolist() == [9]


def test_buffer_grows_points_not_the_polygons_beside_them():
    z = _zones(box(500000, 4999970, 500030, 5000000), Point(500055, 4999965))
    out = aggregate(EMB, z, buffer=5)   # the polygon's 9 pixels, the point's own pixel
    assert out["n_pixels"].tolist() == [9, 1]


def test_a_zone_cut_by_the_edge_is_flagged_and_warned():
    inside, half = box(500000, 4999970, 500030, 5000000), box(500060, 4999960, 500100, 4999980)   # half past east
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        out = aggregate(EMB, _zones(inside, half))
    np.testing.assert_allclose(out["fraction_on_map"], [1.0, 0.5])
    said = [str(x.message) for x in w if issubclass(x.category, NoDataWarning)]
    assert len(said) == 1 and "1 of the 2 zones" in said[0] and "1 (50% on it)" in said[0]
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # whole zones: no word
        assert aggregate(EMB, _zones(inside))["fraction_on_map"].tolist() == [1.0]
