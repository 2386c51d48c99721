"""Kind C: a sparse label raster finer than the map, its labelled cells off the pixel centres: `evaluate.points_at`
pairs each with the map pixel it lies in, as `classify` does (4eba2466), and a finer raster in another CRS labels
them in both (`label_grids.cells_inside`, the one rule). Was: points_at 'no labelled pixel has features (all NaN)'
at 5 m, 2 m and 1 m; in EPSG:4326 classify 'no labelled pixel found' too."""
import warnings

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.analysis import classify, regress
from alphaearth_nb.evaluate import points_at
from alphaearth_nb.geo import to_crs

VALUES = [3.5, 7.25, 1.0, 9.0]


def _lonlat(f, values=None, step=2e-5):
    "A lon/lat raster of 2e-5 degree cells (about 1.6 x 2.2 m), NaN but a cell 3 m west and north of each centre."
    e = f.map()
    lon, lat = to_crs(np.array([499_990.0, 500_310.0]), np.array([4_999_990.0, 5_000_310.0]), "EPSG:32631", "EPSG:4326")
    x0, y0 = lon.min(), lat.max()
    xs, ys = x0 + (np.arange(int((lon.max() - x0) / step)) + 0.5) * step, y0 - (np.arange(int((y0 - lat.min()) / step)) + 0.5) * step
    a = np.full((len(ys), len(xs)), np.nan)
    for (r, c, _), v in zip(f.cells, values or [v for *_, v in f.cells]):
        lo, la = to_crs(np.array([e.x.values[c] - 3.0]), np.array([e.y.values[r] + 3.0]), "EPSG:32631", "EPSG:4326")
        a[int((y0 - la[0]) // step), int((lo[0] - x0) // step)] = v
    return xr.DataArray(a, dims=("y", "x"), coords={"y": ys, "x": xs}, attrs={"crs": "EPSG:4326"})


def _quiet(fn, *a, **k):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*a, **k)


@pytest.mark.parametrize("res", [5, 2, 1])
def test_points_at_pairs_cells_between_centres(res, fine_labels):
    "points_at gives the 4 labelled pixels, as classify trains on them (was: LabelError 'no labelled pixel has features')."
    e = fine_labels.map()
    X, y = _quiet(points_at, e, fine_labels.fine(res))
    assert sorted(y.tolist()) == [1, 1, 2, 2]
    want = np.stack([e.values[r, c] for r, c, _ in fine_labels.cells])
    assert sorted(map(tuple, np.round(X, 5))) == sorted(map(tuple, np.round(want, 5)))
    _, v = _quiet(points_at, e, fine_labels.fine(res, VALUES), positive=False)   # values: each its own (one cell a pixel)
    assert sorted(v.tolist()) == sorted(VALUES)


def test_a_finer_raster_in_another_crs_labels_the_pixels_its_cells_lie_in(fine_labels):
    """2e-5 degree cells in EPSG:4326 on the 10 m UTM map, none under a pixel centre: classify (k=1) keeps each
    pixel's class, regress its value, points_at pairs the 4 (was: 'no labelled pixel found' / 'all NaN')."""
    e = fine_labels.map()
    got = _quiet(classify, e, _lonlat(fine_labels), k=1)["class"].values
    assert [int(got[r, c]) for r, c, _ in fine_labels.cells] == [v for *_, v in fine_labels.cells]
    pred = _quiet(regress, e, _lonlat(fine_labels, VALUES), method="knn", k=1).values
    np.testing.assert_allclose([pred[r, c] for r, c, _ in fine_labels.cells], VALUES)
    assert sorted(_quiet(points_at, e, _lonlat(fine_labels))[1].tolist()) == [1, 1, 2, 2]


def test_points_at_a_pixel_of_several_cells_takes_the_most_common(fine_labels):
    "Three labelled 2 m cells in one 10 m pixel, classes 2, 2, 1, none at its centre: one pair, class 2, as classify."
    lab = fine_labels.fine(2)
    lab.values[:] = np.nan
    lab.values[50, 50], lab.values[51, 51], lab.values[54, 54], lab.values[100, 100] = 2, 2, 1, 1
    X, y = _quiet(points_at, fine_labels.map(), lab)
    assert sorted(y.tolist()) == [1, 2]
    np.testing.assert_allclose(X[y == 2][0], fine_labels.map().values[10, 10], rtol=1e-6)
