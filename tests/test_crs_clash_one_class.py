"""An input that says its own CRS (a GeoDataFrame, a GeoSeries, a vector file, a label raster) beside another `crs=`
is one fault with one error class wherever it is read: GridError (places.agreed_crs), as the other faults of an
input's CRS are. Was: LabelError for labels, points and zones, GridError for a similarity query."""
import numpy as np
import pytest

from alphaearth_nb import official
from alphaearth_nb.analysis import classify, similarity
from alphaearth_nb.core import GridError, LabelError
from alphaearth_nb.cubes import aggregate, label_table, sample
from alphaearth_nb.supervised import training_set
from alphaearth_nb.testing import embedding_from_array, random_unit

gpd = pytest.importorskip("geopandas")

CALLS = {"sample": lambda e, g, p: sample(e, g, crs="EPSG:4326"),
         "sample of a file": lambda e, g, p: sample(e, p, crs="EPSG:4326"),
         "classify": lambda e, g, p: classify(e, g, k=1, crs="EPSG:4326"),
         "training_set": lambda e, g, p: training_set(e, g, crs="EPSG:4326"),
         "label_table": lambda e, g, p: label_table(e, g, "label", crs="EPSG:4326"),
         "aggregate": lambda e, g, p: aggregate(e, g.set_geometry(g.buffer(8)), crs="EPSG:4326"),
         "similarity": lambda e, g, p: similarity(e, g.geometry.iloc[:1], crs="EPSG:4326"),
         "official.sample_points": lambda e, g, p: official.sample_points(g, 2024, source=p.parent / "none",
                                                                          crs="EPSG:4326"),
         "a label raster": lambda e, g, p: training_set(e, e.isel(band=0, drop=True).copy(
             data=np.tile([0, 1], (6, 3)).astype(np.int16)), crs="EPSG:32632")}


@pytest.mark.parametrize("call", CALLS)
def test_one_class_for_a_crs_clash(call, tmp_path):
    e = embedding_from_array(random_unit((6, 6), seed=1))             # EPSG:32631
    x, y = e.x.values, e.y.values
    g = gpd.GeoDataFrame({"label": [1, 2, 1, 2]}, geometry=gpd.points_from_xy(x[[0, 1, 2, 3]], y[[0, 0, 1, 1]]),
                         crs="EPSG:32631")
    g.to_file(p := tmp_path / "p.gpkg")
    with pytest.raises(GridError, match=r"say their CRS.*drop `crs=`") as err:
        CALLS[call](e, g, p)
    assert not isinstance(err.value, LabelError)
