"""A label raster's storage order does not change the class map (kinds B and D: ties broken by place).

kNN breaks a distance tie by the training row that comes first (`knn_search`: the lower index). A label raster's
cells were taken in its storage order, so where two labelled pixels hold the same vector (a quantised map has
exact duplicates) the winner depended on whether the raster was read north-up or south-first (rioxarray reading a
bottom-up file) or east-first: the same labels on the same map gave another class at every pixel nearest to them.
Now a raster's cells are read north-up (rows north to south, columns west to east), as `evaluate.points_at` reads
them; a table's rows keep the order given."""
import warnings

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.supervised import training_set
from alphaearth_nb.testing import embedding_from_array, random_unit

ORDERS = {"south-first": {"y": slice(None, None, -1)}, "east-first": {"x": slice(None, None, -1)},
          "both": {"y": slice(None, None, -1), "x": slice(None, None, -1)}}


@pytest.fixture(scope="module")
def tied():
    v = random_unit((6, 6), seed=4)
    v[4, 4] = v[1, 1]                                    # one vector at two labelled pixels of different classes
    e = embedding_from_array(v)
    lab = xr.DataArray(np.full((6, 6), -1), dims=("y", "x"), coords={"y": e.y, "x": e.x}, attrs={"crs": "EPSG:32631"})
    lab[1, 1], lab[4, 4], lab[0, 5], lab[5, 0] = 1, 2, 3, 4
    return e, lab


@pytest.mark.parametrize("order", list(ORDERS))
def test_classify_with_a_tie_gives_one_map_in_any_label_storage_order(tied, order):
    e, lab = tied
    flipped = lab.isel(ORDERS[order])
    for k in (1, 3):
        ref = e.aef.classify(lab, k=k)["class"].values
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            got = e.aef.classify(flipped, k=k)["class"].values
        np.testing.assert_array_equal(got, ref)
    assert e.aef.classify(lab, k=1)["class"].values[4, 4] == 1   # the tie goes to the northern labelled pixel
    ref = e.aef.regress(lab.astype(float).where(lab > 0), method="knn", k=1).values
    got = e.aef.regress(flipped.astype(float).where(flipped > 0), method="knn", k=1).values
    np.testing.assert_array_equal(got, ref)


@pytest.mark.parametrize("order", list(ORDERS))
def test_a_raster_gives_its_training_rows_north_up(tied, order):
    e, lab = tied
    X0, y0 = training_set(e, lab)
    X1, y1 = training_set(e.isel(ORDERS[order]), lab.isel(ORDERS[order]))
    np.testing.assert_array_equal(y1, y0); np.testing.assert_array_equal(X1, X0)
    assert y0.tolist() == [3, 1, 2, 4]                         # rows north to south, columns west to east


@pytest.mark.parametrize("order", list(ORDERS))
@pytest.mark.parametrize("how", ["rasterize", "sample"])
def test_label_polygons_give_one_training_set_in_any_map_storage_order(order, how):
    "Polygons' pixels were taken in the map's storage order: another tie winner, and for 'sample' other pixels drawn."
    import geopandas as gpd
    from shapely.geometry import box
    v = random_unit((8, 8), seed=6)
    v[6, 6] = v[1, 1]
    e = embedding_from_array(v); X, Y = e.x.values, e.y.values
    g = gpd.GeoDataFrame({"label": [1, 2]}, geometry=[box(X[0] - 5, Y[3] - 5, X[3] + 5, Y[0] + 5),    # rows/cols 0..3
                                                      box(X[4] - 5, Y[7] - 5, X[7] + 5, Y[4] + 5)], crs="EPSG:32631")
    m = e.isel(ORDERS[order])
    X0, y0 = training_set(e, g, polygons=how)
    X1, y1 = training_set(m, g, polygons=how)
    np.testing.assert_array_equal(y1, y0); np.testing.assert_array_equal(X1, X0)
    if how == "rasterize":
        c = m.aef.classify(g, k=1)["class"].sel(y=e.y, x=e.x).values
        assert c[6, 6] == c[1, 1] == 1                          # the tie: the first polygon's pixel
