"""`aggregate(coverage="area")` starts every zone empty, so `zones._below_a_pixel` asked of each zone whether it holds
a pixel centre, building the grid of every centre in its bounds at once: one zone over an official tile (8192 x 8192)
took 1.4 GB and 7 s before a value was read (2 loaded cores, s55). It now asks row by row and stops at the first row
that holds one: no call sees more than one row of centres, and a zone over the whole map asks one row."""
import numpy as np
import pytest

gpd = pytest.importorskip("geopandas")
import shapely
from shapely.geometry import box

from alphaearth_nb import zones as zonal   # the module; `zones` below: the test's
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_a_zone_over_the_map_asks_one_row_of_centres(monkeypatch):
    emb = embedding_from_array(random_unit((30, 40), seed=1))
    x0, y0 = float(emb.x[0]) - 5, float(emb.y[0]) + 5
    zones = gpd.GeoDataFrame(geometry=[box(x0, y0 - 300, x0 + 400, y0), box(x0 + 1, y0 - 9, x0 + 4, y0 - 6)], crs="EPSG:32631")
    sizes, real = [], shapely.contains_xy
    monkeypatch.setattr(shapely, "contains_xy", lambda g, x, y: sizes.append(np.size(x)) or real(g, x, y))
    per = zonal._below_a_pixel(emb, zones, [[np.zeros((0, 64), np.float32)] * 2])
    assert sizes[0] == 40 and max(sizes) <= 40                       # was 1200 (30 x 40) in one call
    assert len(per[0][0]) == 0 and len(per[0][1]) == 1                # the big zone left to its rule; the tiny its pixel
