"""A label raster in the map's CRS and pixel size but off its pixels (shifted by 3 m on a 10 m grid) is one case for
every reader: `training_set` (so `classify`, `regress`) and `evaluate.points_at` refuse it with one `GridError`
naming the resampling fix; a shift within the tolerance (float32-rounded coordinates) is taken by all of them alike,
on the map's pixels. `regress` on a value raster follows the same rule (`labels.on_map_grid`)."""
import warnings

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.analysis import classify, regress, training_set
from alphaearth_nb.core import GridError, GridWarning
from alphaearth_nb.evaluate import points_at
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture(scope="module")
def e_lab():
    coords = {"y": 4999995.3 - 10.0 * np.arange(8), "x": 500005.3 + 10.0 * np.arange(9)}   # not float32 numbers
    e = embedding_from_array(random_unit((8, 9), seed=3), coords)
    lab = xr.DataArray(np.random.default_rng(0).integers(0, 3, (8, 9)), dims=("y", "x"),
                       coords={"y": e.y.values, "x": e.x.values}, attrs={"crs": e.attrs["crs"]})
    return e, lab


READERS = {"training_set": lambda e, l: training_set(e, l),
           "points_at": lambda e, l: points_at(e, l),
           "classify": lambda e, l: classify(e, l, k=1),
           "regress": lambda e, l: regress(e, l.astype(np.float64), method="knn", k=1)}


@pytest.mark.parametrize("shift", [{"x": 3.0}, {"y": -2.0}, {"x": 7.0}, {"x": 0.2, "y": 0.2}])
@pytest.mark.parametrize("reader", sorted(READERS))
def test_sub_pixel_shift_is_refused_by_every_reader(e_lab, reader, shift):
    e, lab = e_lab
    moved = lab.assign_coords({d: lab[d] + s for d, s in shift.items()})
    with pytest.raises(GridError, match=r"off the map's grid.*reproject_match"):
        READERS[reader](e, moved)
    if reader in ("training_set", "points_at"):   # no CRS on the raster: unknown is the map's, refused alike
        with pytest.raises(GridError, match="reproject_match"):
            READERS[reader](e, moved.assign_attrs(crs=None))


@pytest.mark.parametrize("reader", sorted(READERS))
def test_float32_coordinates_are_on_the_grid_for_every_reader(e_lab, reader):
    "UTM coordinates stored in float32 (0.5 m apart at 5e6 m): on the map's pixels, the same pairs for all."
    e, lab = e_lab
    f32 = lab.assign_coords(x=lab.x.astype(np.float32), y=lab.y.astype(np.float32))
    assert np.abs(f32.y.values.astype(np.float64) - lab.y.values).max() > 0.01  # the rounding is there
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # no warning: it is the map's grid
        READERS[reader](e, f32)
    if reader in ("training_set", "points_at"):
        X0, y0 = READERS[reader](e, lab)
        X1, y1 = READERS[reader](e, f32)
        np.testing.assert_array_equal(X1, X0); np.testing.assert_array_equal(y1, y0)


def test_whole_pixel_shift_is_another_extent_for_both(e_lab):
    "10 m is one pixel: the raster is on the map's lattice over another extent, and the readers agree on the pairs."
    e, lab = e_lab
    moved = lab.assign_coords(x=lab.x + 10.0)
    X1, y1 = training_set(e, moved)
    X2, y2 = points_at(e, moved)
    np.testing.assert_array_equal(X1, X2); np.testing.assert_array_equal(y1, y2)
    np.testing.assert_array_equal(y1, lab.values[:, :-1].ravel())   # pixel j + 1 takes cell j's label


def test_regress_raster_takes_the_label_raster_rules(e_lab):
    """A value raster half a pixel off is a GridError (it was taken silently: its cells were read as points), and
    one at another pixel size gives one value per map pixel (the cell holding its centre), warned, as classify."""
    e, lab = e_lab
    t = lab.astype(np.float64) * 1.5 - 1.0    # negative values are real values here
    with pytest.raises(GridError, match="half a pixel"):
        regress(e, t.assign_coords(x=t.x + 5.0), method="knn", k=1)
    fine = np.full((2 * t.sizes["y"] - 1, 2 * t.sizes["x"] - 1), -9.0)   # 5 m cells, every other one on a centre
    fine[::2, ::2] = t.values                   # the cells that hold a map pixel's centre; the others never train
    fine = xr.DataArray(fine, dims=("y", "x"), attrs={"crs": e.attrs["crs"]},
                        coords={"y": float(t.y[0]) - 5.0 * np.arange(fine.shape[0]),
                                "x": float(t.x[0]) + 5.0 * np.arange(fine.shape[1])})
    with pytest.warns(GridWarning, match="pixels are 5 x 5"):
        p = regress(e, fine, method="knn", k=1)
    assert (p.values != -9.0).all()
    np.testing.assert_allclose(p.values, t.values)
