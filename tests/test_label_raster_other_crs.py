"""A label raster in another CRS than the map (land cover in EPSG:4326 over a UTM map: ESA WorldCover, Dynamic
World exports; CORINE in EPSG:3035) gives each map pixel the label of the raster cell holding its centre, as a
raster of another pixel size in the map's CRS does (`labels.on_map_grid`, nearest, warned). Was: each cell a
training point, so a coarse raster labelled few map pixels (a 30 m one, one 10 m pixel in nine) and a fine one
repeated a pixel's label once per cell."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.analysis import classify, regress, training_set
from alphaearth_nb.core import GridWarning
from alphaearth_nb.geo import to_crs
from alphaearth_nb.testing import embedding_from_array, random_unit

E = embedding_from_array(random_unit((6, 6), seed=4))   # 10 m, corner (500000, 5000000), EPSG:32631


def _raster(step, seed=0, dtype=np.int64):
    "Classes 1..4 at random on a lon/lat grid of `step` degrees over the map and 20 m beyond."
    lon, lat = to_crs(np.array([499980.0, 500080.0]), np.array([5000020.0, 4999920.0]), "EPSG:32631", "EPSG:4326")
    xs = np.arange(lon.min(), lon.max(), step) + step / 2
    ys = np.arange(lat.max(), lat.min(), -step) - step / 2
    v = np.random.default_rng(seed).integers(1, 5, (len(ys), len(xs))).astype(dtype)
    return xr.DataArray(v, dims=("y", "x"), coords={"y": ys, "x": xs}, attrs={"crs": "EPSG:4326"})


def _by_hand(lab):
    "The label of the cell holding each map pixel's centre: the centre in degrees, its cell by the cell edges."
    X, Y = np.meshgrid(E.x.values, E.y.values)
    lon, lat = to_crs(X.ravel(), Y.ravel(), "EPSG:32631", "EPSG:4326")
    sx, sy = float(lab.x[1] - lab.x[0]), float(lab.y[0] - lab.y[1])
    c = np.floor((lon - (float(lab.x[0]) - sx / 2)) / sx).astype(int)
    r = np.floor(((float(lab.y[0]) + sy / 2) - lat) / sy).astype(int)
    return lab.values[r, c].reshape(X.shape)


@pytest.mark.parametrize("step", [0.0004, 0.00003])   # about 30 m x 44 m cells, and about 2 m x 3 m
def test_each_map_pixel_takes_the_label_of_the_cell_under_its_centre(step):
    lab = _raster(step)
    want = _by_hand(lab)
    with pytest.warns(GridWarning, match="cell holding its centre"):
        X, v = training_set(E, lab)
    flat = E.values.reshape(-1, 64)
    pix = [int(np.flatnonzero((flat == x).all(1))[0]) for x in X]
    assert sorted(pix) == list(range(36))                   # every map pixel once (was: 4 or 1,500 rows)
    np.testing.assert_array_equal(v, want.ravel()[pix])
    with pytest.warns(GridWarning, match="cell holding its centre"):
        out = classify(E, lab, k=1)
    np.testing.assert_array_equal(out["class"].values, want)   # k=1, every pixel labelled: its own label
    with pytest.warns(GridWarning, match="cell holding its centre"):
        pred = regress(E, lab.astype(np.float32), method="knn", k=1)
    np.testing.assert_array_equal(pred.values, want)


def test_pixels_off_the_raster_are_unlabelled_whatever_its_type():
    "A raster over the map's west half: the east half unlabelled, for ints without a declared no-data too."
    for dtype in (np.uint8, np.int16, np.float32):
        lab = _raster(0.0004, dtype=dtype)
        lab = lab.isel(x=slice(0, int(np.searchsorted(lab.x.values, float(to_crs([500030.0], [5e6], "EPSG:32631",
                                                                                 "EPSG:4326")[0][0])))))
        with pytest.warns(GridWarning, match="cell holding its centre"):
            X, v = training_set(E, lab)
        assert 0 < len(v) < 36 and len(v) % 6 == 0, dtype   # whole columns of the map
        assert set(np.unique(v).tolist()) <= {1, 2, 3, 4}
