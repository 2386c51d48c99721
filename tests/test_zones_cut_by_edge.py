"A label polygon or zone the map's edge cuts to a sliver (no pixel centre on the map) is the edge pixel it covers."
import warnings

import numpy as np
import pytest

gpd = pytest.importorskip("geopandas")
from shapely.geometry import box

from alphaearth_nb.analysis import classify
from alphaearth_nb.core import LabelError
from alphaearth_nb.cubes import aggregate, label_table
from alphaearth_nb.testing import embedding_from_array, random_unit

EMB = embedding_from_array(random_unit((6, 8), seed=3))   # x 500005 .. 500075, y 4999995 .. 4999945 (10 m)
INSIDE = box(500000, 4999970, 500030, 5000000)          # 3 x 3 pixels, north-west
EAST = box(500077, 4999981, 500120, 4999989)            # 3 m over the east column, row 1 (y 4999985) only
NORTH = box(500041, 4999997, 500049, 5000040)           # 3 m over the north row, column 4 (x 500045) only
AWAY = box(500300, 4999900, 500400, 5000000)            # wholly off the map
SLIVERS = {3: (1, 7), 4: (0, 4)}                        # label -> (row, column) of the edge pixel it covers


def _zones(*extra):
    geoms = [INSIDE, EAST, NORTH, *extra]
    return gpd.GeoDataFrame({"label": [1, 3, 4, 5][:len(geoms)]}, geometry=geoms, crs="EPSG:32631")


@pytest.mark.parametrize("order", ["north-up", "south-first"])
@pytest.mark.parametrize("crs", ["EPSG:32631", "EPSG:4326"])
def test_label_table_labels_the_edge_pixel(order, crs):
    "Was: the sliver's representative point (off the map) as its label point, which classify refused."
    emb = EMB if order == "north-up" else EMB.isel(y=slice(None, None, -1))
    t = label_table(emb, _zones().to_crs(crs))
    for lab, (r, c) in SLIVERS.items():
        rows = t[t.label == lab]
        assert len(rows) == 1
        assert (np.abs(EMB.x.values - rows.x.iloc[0]) < 5).argmax() == c
        assert (np.abs(EMB.y.values - rows.y.iloc[0]) < 5).argmax() == r
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cls = classify(emb, _zones(), k=1)["class"]
    for lab, (r, c) in SLIVERS.items():
        assert int(cls.sel(y=EMB.y[r], x=EMB.x[c])) == lab   # its own labelled pixel, k=1


def test_a_polygon_wholly_off_the_map_is_still_refused():
    with pytest.raises(LabelError, match="outside the grid"):
        classify(EMB, _zones(AWAY), k=1)


def test_aggregate_gives_the_sliver_its_edge_pixel():
    "Was: n_pixels 0 and no vector for a zone that covers part of an edge pixel."
    agg = aggregate(EMB, _zones(AWAY))
    assert agg.n_pixels.tolist() == [9, 1, 1, 0]
    bands = [c for c in agg.columns if c.startswith("A")]
    for i, (r, c) in enumerate(SLIVERS.values(), start=1):
        np.testing.assert_allclose(agg[bands].iloc[i].to_numpy(np.float64), EMB.values[r, c], atol=1e-6)
