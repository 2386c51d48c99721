"A label raster at another pixel size than the map (same CRS): one rule, `labels.on_map_grid`, for every reader."
import warnings

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import GridWarning
from alphaearth_nb.supervised import training_set
from alphaearth_nb.evaluate import points_at
from alphaearth_nb.testing import embedding_from_array, random_unit

CLS = np.array([[1, 1, 2, 2]] * 2 + [[3, 3, 4, 4]] * 2)   # 4 x 4 classes over the 80 m x 80 m of the map


def _raster(res, extent=80.0, cls=CLS):
    "Labels at `res` m pixels over the map's top-left `extent` metres, CLS spread over the 80 m box."
    n = int(extent // res)
    a = np.kron(cls, np.ones((int(80 // res) // 4,) * 2, int))[:n, :n]
    return xr.DataArray(a, dims=("y", "x"), coords={"y": 5_000_000 - res * (np.arange(n) + 0.5),
                                                     "x": 500_000 + res * (np.arange(n) + 0.5)},
                        attrs={"crs": "EPSG:32631"})


def _pixels(e, X):
    "Map pixel (row * 8 + col) of each vector."
    flat = e.values.reshape(-1, 64)
    return [int(np.flatnonzero((flat == x).all(1))[0]) for x in X]


@pytest.mark.parametrize("res", [20.0, 5.0])
def test_points_at_and_training_set_put_a_raster_of_another_pixel_size_on_the_map_alike(res):
    e = embedding_from_array(random_unit((8, 8), seed=1))               # 10 m pixels, corner (500000, 5000000)
    want = np.kron(CLS, np.ones((2, 2), int)).ravel()                   # hand-worked: pixel (r, c) -> CLS[r // 2, c // 2]
    got = {}
    for name, f in (("points_at", points_at), ("training_set", training_set)):
        with pytest.warns(GridWarning, match="cell holding its centre"):
            X, v = f(e, _raster(res))
        pix = _pixels(e, X)
        assert sorted(pix) == list(range(64)), name                     # each map pixel once
        np.testing.assert_array_equal(v, want[pix])
        got[name] = dict(zip(pix, v.tolist()))
    assert got["points_at"] == got["training_set"]


def test_a_coarse_raster_over_part_of_the_map_labels_the_pixels_under_it_in_both():
    "A 20 m raster of 2 x 2 cells over the map's top-left 40 m: its 16 pixels, in points_at as in training_set."
    e = embedding_from_array(random_unit((8, 8), seed=3))
    lab = _raster(20.0, extent=40.0)                                    # cells 1 1 / 1 1 (the top-left class)
    lab.values[1, 1] = 7
    want = {r * 8 + c: (7 if r >= 2 and c >= 2 else 1) for r in range(4) for c in range(4)}
    for f in (points_at, training_set):
        with pytest.warns(GridWarning, match="cell holding"):
            X, v = f(e, lab)
        assert dict(zip(_pixels(e, X), v.tolist())) == want


def test_the_same_pixel_size_is_paired_as_before_without_a_warning():
    e = embedding_from_array(random_unit((8, 8), seed=1))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        X, v = points_at(e, _raster(10.0))
    assert len(v) == 64


def test_a_label_raster_across_180_labels_every_map_pixel_under_it():
    "A map a reader wrapped at 180 (0.05-degree pixels), labels at 0.1 degrees written past 180: every pixel labelled."
    x = [179.875, 179.925, 179.975, -179.975, -179.925, -179.875]
    e = embedding_from_array(random_unit((2, 6), seed=6)).assign_coords(x=x, y=[0.025, -0.025]).assign_attrs(
        crs="EPSG:4326")
    lab = xr.DataArray(np.array([[1, 2, 3], [4, 5, 6]]), dims=("y", "x"),
                       coords={"y": [0.05, -0.05], "x": [179.9, 180.0, 180.1]}, attrs={"crs": "EPSG:4326"})
    want = np.array([[1, 1, 2, 2, 3, 3], [4, 4, 5, 5, 6, 6]]).ravel()   # hand-worked: -179.975 is 180.025, cell 180.0
    flat = e.values.reshape(-1, 64)
    for f in (points_at, training_set):
        with pytest.warns(GridWarning, match="cell holding"):
            X, v = f(e, lab)
        pix = [int(np.flatnonzero((flat == r).all(1))[0]) for r in X]
        assert sorted(pix) == list(range(12))
        np.testing.assert_array_equal(v, want[pix])


def test_a_map_pixel_centre_on_a_label_cell_edge_takes_the_cell_east_and_south():
    """5 m labels on a 10 m map: every map centre lies on a corner of 4 label cells and takes the one south-east of
    it (`geo.cell_index`, rasterio's rule; xarray's `sel(method='nearest')` would take the north one: kept ours)."""
    e = embedding_from_array(random_unit((4, 4), seed=1))
    lab = xr.DataArray(np.arange(64).reshape(8, 8), dims=("y", "x"), attrs={"crs": "EPSG:32631"},
                       coords={"y": 5_000_000 - 5.0 * (np.arange(8) + 0.5), "x": 500_000 + 5.0 * (np.arange(8) + 0.5)})
    with pytest.warns(GridWarning, match="cell holding"):
        X, v = points_at(e, lab)
    pix = [int(np.flatnonzero((e.values.reshape(-1, 64) == r).all(1))[0]) for r in X]
    want = {r * 4 + c: (2 * r + 1) * 8 + 2 * c + 1 for r in range(4) for c in range(4)}   # label row 2r+1, col 2c+1
    assert dict(zip(pix, v.tolist())) == want


def test_a_raster_on_the_maps_lattice_over_another_extent_pairs_alike_in_both():
    """Same pixel size, another extent: a land-cover map clipped to a wider box, or one over part of the map.
    `training_set` used the pixels under it while `points_at` refused it ("labels are 12 x 12 but features 8 x 8")."""
    from alphaearth_nb.core import GridError
    e = embedding_from_array(random_unit((8, 8), seed=4))               # 10 m, corner (500000, 5000000)
    def lab(n, x0, y0):
        a = np.arange(n * n).reshape(n, n)
        return xr.DataArray(a, dims=("y", "x"), attrs={"crs": "EPSG:32631"},
                            coords={"y": y0 - 10.0 * (np.arange(n) + 0.5), "x": x0 + 10.0 * (np.arange(n) + 0.5)})
    wide = lab(12, 499_980.0, 5_000_020.0)                              # 2 pixels more on every side
    part = lab(3, 500_050.0, 4_999_970.0)                               # rows 3..5, columns 5..7 of the map
    for raster, want in ((wide, {r * 8 + c: (r + 2) * 12 + c + 2 for r in range(8) for c in range(8)}),
                         (part, {r * 8 + c: (r - 3) * 3 + c - 5 for r in range(3, 6) for c in range(5, 8)})):
        for f in (points_at, training_set):
            with warnings.catch_warnings():
                warnings.simplefilter("error")                          # nothing resampled: no warning
                X, v = f(e, raster)
            assert dict(zip(_pixels(e, X), v.tolist())) == want
    half = lab(12, 499_985.0, 5_000_020.0)                              # half a pixel east: still refused
    for f in (points_at, training_set):
        with pytest.raises(GridError, match="half a pixel"):
            f(e, half)


def test_a_raster_without_a_crs_half_a_pixel_off_is_refused_too():
    """Review b 1: the half-pixel check sat after the 'both have a CRS' return, so labels with attrs={} half a pixel
    off were placed by rounding (c2ce467 refused them: a missing CRS is unknown, not another one)."""
    from alphaearth_nb.core import GridError
    e = embedding_from_array(random_unit((5, 5), seed=23))
    vals = np.array([[1, 2, 3, 4, 1]] * 5, np.int16)
    lab = xr.DataArray(vals, dims=("y", "x"), coords={"y": e.y.values + 5, "x": e.x.values - 5}, attrs={})
    for f in (points_at, training_set):
        with pytest.raises(GridError, match=r"half a pixel off.*labels.assign_coords\(y=labels.y - 5, x=labels.x \+ 5\)"):
            f(e, lab)
    X, v = training_set(e, lab.assign_coords(y=lab.y - 5, x=lab.x + 5))   # shifted back: each pixel its own label
    np.testing.assert_array_equal(np.sort(v), np.sort(vals.ravel()))


def test_points_at_a_label_raster_in_another_crs_pairs_it_as_training_set():
    """A label raster in EPSG:4326 over a UTM map: points_at pairs each map pixel with the cell holding its centre,
    as training_set does (`labels.on_map_grid`, warned). Was: points_at refused it (GridError naming a reprojection)
    while training_set took each of its cells as a point."""
    from alphaearth_nb.geo import to_crs
    e = embedding_from_array(random_unit((6, 6), seed=1))
    lon, lat = to_crs(np.array([499990.0, 500070.0]), np.array([5000010.0, 4999930.0]), "EPSG:32631", "EPSG:4326")
    lab = xr.DataArray(np.arange(144).reshape(12, 12) % 5 + 1, dims=("y", "x"), attrs={"crs": "EPSG:4326"},
                       coords={"y": np.linspace(lat.max(), lat.min(), 12), "x": np.linspace(lon.min(), lon.max(), 12)})
    got = {}
    for f in (points_at, training_set):
        with pytest.warns(GridWarning, match="cell holding its centre"):
            X, v = f(e, lab)
        got[f.__name__] = dict(zip(_pixels(e, X), v.tolist()))
    assert got["points_at"] == got["training_set"] and len(got["points_at"]) == 36
