"A point given in a CRS on a map that records none: the map's missing CRS is named, as sample and classify name it."

import numpy as np
import pytest
from shapely.geometry import Point

from alphaearth_nb.analysis import similarity
from alphaearth_nb.core import GridError
from alphaearth_nb.geo import to_crs
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_a_point_in_a_crs_on_a_map_without_one_names_the_map():
    xs, ys = 500005.0 + 10 * np.arange(8), 4999995.0 - 10 * np.arange(6)
    e = embedding_from_array(random_unit((6, 8), 0).astype(np.float32), crs="EPSG:32631", coords={"y": ys, "x": xs})
    lon, lat = (float(v[0]) for v in to_crs([xs[2]], [ys[3]], "EPSG:32631", "EPSG:4326"))
    np.testing.assert_allclose(similarity(e, (lon, lat), crs="EPSG:4326").isel(y=3, x=2), 1.0, atol=1e-6)
    bare = e.copy(); bare.attrs = {}
    for q, kw in (((lon, lat), {"crs": "EPSG:4326"}), ({"lon": lon, "lat": lat}, {}), (Point(lon, lat), {"crs": 4326})):
        with pytest.raises(GridError, match=r"no CRS.*attrs\['crs'\]"): similarity(bare, q, **kw)
        with pytest.raises(GridError, match=r"no CRS.*attrs\['crs'\]"): bare.aef.sample(q, **kw)
    np.testing.assert_allclose(similarity(bare, (xs[2], ys[3])).isel(y=3, x=2), 1.0, atol=1e-6)   # map units: as ever
