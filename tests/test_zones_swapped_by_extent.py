"""`aggregate`'s zones given with longitude and latitude swapped are named so (`geo.SWAP_HINT`) by each zone's extent
(`places._zones_swapped`): a field larger than the map, which swapped back reaches it while its centre falls beside
it, is named swapped as a small one is. Was: judged by the zones' centres, so such a zone got the generic off-map
words ('check the zones' CRS, the lon/lat order ...'), never which. A zone off the map either way keeps them."""
import warnings

import numpy as np
import pytest

gpd = pytest.importorskip("geopandas")
from shapely.geometry import box

import alphaearth_nb as aef
from alphaearth_nb.core import NoDataWarning
from alphaearth_nb.geo import to_crs
from alphaearth_nb.testing import embedding_from_array, random_unit


def _map():   # 20 x 20 pixels of 10 m in UTM 31N, near 3 E, 45 N
    return embedding_from_array(random_unit((20, 20), seed=1),
                                coords={"y": 4_984_195.0 - 10 * np.arange(20), "x": 500_005.0 + 10 * np.arange(20)})


def _lonlat_extent():
    (lo0, lo1), (la0, la1) = to_crs([500_000.0, 500_200.0], [4_984_000.0, 4_984_200.0], "EPSG:32631", "EPSG:4326")
    return lo0, la0, lo1, la1


def _said(e, b, swap):
    g = box(b[1], b[0], b[3], b[2]) if swap else box(*b)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        out = aef.cubes.aggregate(e, gpd.GeoDataFrame({"id": [1]}, geometry=[g], crs="EPSG:4326"))
    return out, [str(x.message) for x in w if issubclass(x.category, NoDataWarning)
                 and "reach past the map's edge" not in str(x.message)]   # a zone cut by the edge: its own word


@pytest.mark.parametrize("east", [0.0, 0.05])   # inside the map; 4 km east of it, its centre 2 km beside the map
def test_swapped_zones_are_named_so_by_their_extent(east):
    lo0, la0, lo1, la1 = _lonlat_extent()
    b = (lo0 + 5e-4, la0 + 5e-4, max(lo1 - 5e-4, lo0 + east), la1 - 5e-4)
    right, said = _said(_map(), b, swap=False)
    assert right["n_pixels"].iloc[0] > 0 and not said
    out, said = _said(_map(), b, swap=True)
    assert out["n_pixels"].iloc[0] == 0
    assert len(said) == 1 and "longitude and latitude look swapped" in said[0], said


def test_a_zone_off_the_map_either_way_keeps_the_generic_words():
    lo0, la0, lo1, la1 = _lonlat_extent()
    out, said = _said(_map(), (lo0 + 1.0, la0 + 1.0, lo1 + 1.0, la1 + 1.0), swap=False)
    assert len(said) == 1 and "the map spans" in said[0] and "look swapped" not in said[0], said
