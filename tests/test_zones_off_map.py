"""cubes.aggregate of zones none of which lies on the map warns (NoDataWarning) naming both bounds, as places.sample
warns for points none of which does (ad31618, one wording: places.off_map_hint); zones on the map, over no data, or
the map's own tiles stay silent."""
import warnings

import numpy as np
import pytest

gpd = pytest.importorskip("geopandas")
from shapely.geometry import box

from alphaearth_nb.core import NoDataWarning
from alphaearth_nb.cubes import aggregate
from alphaearth_nb.places import cube_crs
from alphaearth_nb.testing import embedding_from_array, random_unit


def _zones(e, dx, dy):
    x0, y0 = float(e.x.min()), float(e.y.min())
    return gpd.GeoDataFrame({"id": [1, 2]}, geometry=[box(x0 + dx, y0 + dy, x0 + dx + 50, y0 + dy + 50),
                                                     box(x0 + dx + 100, y0 + dy, x0 + dx + 150, y0 + dy + 50)],
                            crs=cube_crs(e))


def test_zones_all_off_the_map_warn_with_both_bounds():
    "Was: silent, every n_pixels 0 and NaN vectors (a zone file in the wrong CRS, or over another place)."
    e = embedding_from_array(random_unit((4, 3), seed=1))
    with pytest.warns(NoDataWarning, match=r"none of the 2 zones lies on the map \(`n_pixels` all 0") as rec:
        out = aggregate(e, _zones(e, 1e5, 1e5))
    msg = str(rec[0].message)
    assert "the map spans x 500000.0..500030.0" in msg and "the zones x 600005.0..600155.0" in msg
    assert "check the zones' CRS" in msg
    assert (out["n_pixels"] == 0).all()


def test_zones_on_the_map_or_over_no_data_are_silent():
    v = random_unit((4, 3), seed=1)
    e = embedding_from_array(v)
    gone = embedding_from_array(np.full_like(v, np.nan))
    with warnings.catch_warnings():
        warnings.simplefilter("error", NoDataWarning)
        warnings.filterwarnings("ignore", ".*reach past the map's edge", NoDataWarning)   # a cut zone: its own word
        assert aggregate(e, _zones(e, -10, -10))["n_pixels"].iloc[0] >= 1     # one on the map, one beside it
        aggregate(e, tile=2)
        try: aggregate(gone, _zones(gone, -10, -10))   # over no data: not off the map (whatever else it says)
        except Exception as err: assert not isinstance(err, NoDataWarning)
