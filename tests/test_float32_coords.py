"A regular lon/lat grid whose coordinates are stored as float32 (netCDF writers, ERA5-style files) is that grid."
import warnings

import numpy as np
import pytest
import xarray as xr

gpd = pytest.importorskip("geopandas")
from shapely.geometry import box

from alphaearth_nb.analysis import classify
from alphaearth_nb.core import GridError, GridWarning
from alphaearth_nb.cubes import aggregate, coarsen, label_table
from alphaearth_nb.geo import pixel_size
from alphaearth_nb.places import grid_of, sample
from alphaearth_nb.testing import embedding_from_array, random_unit

STEP = 8.983e-5                                    # about 10 m of longitude at the equator, in degrees
X, Y = 100.00004 + STEP * np.arange(12), 45.00054 - STEP * np.arange(10)
A = random_unit((10, 12), seed=1)
E64 = embedding_from_array(A, coords={"x": X, "y": Y}, crs="EPSG:4326")
E32 = E64.assign_coords(x=X.astype(np.float32), y=Y.astype(np.float32))   # off the grid by up to 8% of a pixel
ZONES = gpd.GeoDataFrame({"label": [0, 1]}, crs="EPSG:4326",
                         geometry=[box(X[0] - STEP / 2, Y[4] - STEP / 2, X[4] + STEP / 2, Y[0] + STEP / 2),    # 5 x 5 pixels
                                   box(X[7] - STEP / 2, Y[9] - STEP / 2, X[11] + STEP / 2, Y[5] + STEP / 2)])


def test_the_grid_is_read():
    "Was GridError '`x` is not regularly spaced ... a missing row or column' from every grid reader."
    x0, dx, y0, dy = grid_of(E32)
    assert dx == pytest.approx(STEP, rel=1e-2) and dy == pytest.approx(-STEP, rel=1e-2)   # float32's own rounding
    assert abs(x0 - X[0]) < STEP / 10 and abs(y0 - Y[0]) < STEP / 10


def test_tools_answer_as_on_float64_coordinates():
    t = sample(E32, ([X[3], X[10]], [Y[2], Y[8]]))
    np.testing.assert_array_equal(t[[f"A{i:02d}" for i in range(64)]].to_numpy(), A[[2, 8], [3, 10]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a, b = label_table(E64, ZONES), label_table(E32, ZONES)
        assert len(a) == len(b) == 50 and (a.label.to_numpy() == b.label.to_numpy()).all()
        g64, g32 = aggregate(E64, ZONES), aggregate(E32, ZONES)
    assert g32.n_pixels.tolist() == g64.n_pixels.tolist() == [25, 25]
    bands = [f"A{i:02d}" for i in range(64)]
    np.testing.assert_allclose(g32[bands].to_numpy(np.float64), g64[bands].to_numpy(np.float64), atol=1e-6)
    np.testing.assert_allclose(coarsen(E32, 2).values, coarsen(E64, 2).values, atol=1e-6)


def test_a_missing_column_is_still_irregular():
    with pytest.raises(GridError, match="not regularly spaced"):
        grid_of(E32.isel(x=[0, 1, 2, 4, 5]))


def test_a_label_raster_in_float32_is_on_the_map_grid():
    "Its first step, rounded, was up to 8% off: 'the label raster's pixels are 9.16e-05 ..., the map's 8.98e-05' (warned)."
    x, y = 100.00004 + STEP * np.arange(150), 45.00054 - STEP * np.arange(120)
    emb = embedding_from_array(random_unit((120, 150), seed=2), coords={"x": x, "y": y}, crs="EPSG:4326")
    lab = np.full((120, 150), -1)
    lab[3, 4], lab[100, 140], lab[60, 70] = 0, 1, 2
    labels = xr.DataArray(lab, dims=("y", "x"), coords={"x": x.astype(np.float32), "y": y.astype(np.float32)},
                          attrs={"crs": "EPSG:4326"})
    assert pixel_size(labels)[0] == pytest.approx(STEP, rel=1e-3)
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # no 'other pixel size' warning: one grid
        cls = classify(emb, labels, k=1)["class"].values
    assert (cls[3, 4], cls[100, 140], cls[60, 70]) == (0, 1, 2)


@pytest.mark.parametrize("nx", [12, 40, 89])
def test_a_narrow_float32_label_raster_is_on_the_map_grid(nx):
    "Under ~90 pixels wide the end-to-end step of float32 longitudes near 100 is over 0.1% off: was 'other pixel size'."
    from alphaearth_nb.labels import on_map_grid
    x, y = 100.00004 + STEP * np.arange(nx), 45.00054 - STEP * np.arange(10)
    emb = embedding_from_array(random_unit((10, nx), seed=3), coords={"x": x, "y": y}, crs="EPSG:4326")
    lab = np.arange(10 * nx).reshape(10, nx)
    labels = xr.DataArray(lab, dims=("y", "x"), coords={"x": x.astype(np.float32), "y": y.astype(np.float32)},
                          attrs={"crs": "EPSG:4326"})
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # no 'other pixel size' warning: one grid
        on = on_map_grid(emb, labels)
    np.testing.assert_array_equal(np.asarray(on), lab)


def test_another_pixel_size_in_float32_is_still_warned():
    from alphaearth_nb.labels import on_map_grid
    x, y = 100.00004 + STEP * np.arange(40), 45.00054 - STEP * np.arange(10)
    emb = embedding_from_array(random_unit((10, 40), seed=3), coords={"x": x, "y": y}, crs="EPSG:4326")
    x2, y2 = 100.00004 + 2 * STEP * np.arange(20), 45.00054 - 2 * STEP * np.arange(5)
    labels = xr.DataArray(np.zeros((5, 20), int), dims=("y", "x"),
                          coords={"x": x2.astype(np.float32), "y": y2.astype(np.float32)}, attrs={"crs": "EPSG:4326"})
    with pytest.warns(GridWarning, match="pixels are"):
        on_map_grid(emb, labels)
