"""`aggregate`'s warning about zones the map's edge cuts named those partly on the map only: a zone wholly off it
(`fraction_on_map` 0, a typo in its coordinates, a field of another tile) came back a row of NaN with `n_pixels` 0
and no word while others were on the map. The one NoDataWarning names it too ('wholly off it'), first; zones none of
which reaches the map keep their own warning (`places.warn_zones_off_map`), not this one."""
import warnings

import numpy as np
import pytest

gpd = pytest.importorskip("geopandas")
from shapely.geometry import box

from alphaearth_nb.core import NoDataWarning
from alphaearth_nb.cubes import aggregate
from alphaearth_nb.testing import embedding_from_array, random_unit

EMB = embedding_from_array(random_unit((6, 8), seed=3))   # x 500000 .. 500080, y 4999940 .. 5000000 (pixel edges)


def _warned(zones):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        out = aggregate(EMB, zones)
    return out, [str(x.message) for x in w if issubclass(x.category, NoDataWarning)]


@pytest.mark.parametrize("away", [box(500300, 4999900, 500400, 5000000), box(500081, 4999950, 500090, 4999960)])
def test_a_zone_wholly_off_the_map_is_named(away):
    z = gpd.GeoDataFrame({"f": [1, 2]}, geometry=[box(500000, 4999970, 500030, 5000000), away],
                         crs="EPSG:32631", index=["field", "typo"])
    out, said = _warned(z)
    assert out.loc["typo", "n_pixels"] == 0 and out.loc["typo", "fraction_on_map"] == 0
    assert np.isnan(out.loc["typo", "A00"])
    assert len(said) == 1 and "'typo' (wholly off it)" in said[0] and "row of NaN" in said[0], said
    assert "'field'" not in said[0]


def test_cut_and_off_zones_are_named_in_one_warning_the_off_ones_first():
    z = gpd.GeoDataFrame({"f": [1, 2, 3]}, geometry=[box(500000, 4999970, 500030, 5000000),
                                                      box(500070, 4999990, 500120, 5000040),   # 1 of its 25 cells
                                                      box(500300, 4999900, 500400, 5000000)], crs="EPSG:32631")
    out, said = _warned(z)
    assert out.fraction_on_map.tolist() == pytest.approx([1.0, 0.04, 0.0])
    assert len(said) == 1 and "2 of the 3 zones" in said[0], said
    assert said[0].index("2 (wholly off it)") < said[0].index("1 (4% on it)")


def test_zones_all_off_keep_their_own_warning():
    z = gpd.GeoDataFrame({"f": [1]}, geometry=[box(500300, 4999900, 500400, 5000000)], crs="EPSG:32631")
    _, said = _warned(z)
    assert said and not any("wholly off it" in s for s in said), said
