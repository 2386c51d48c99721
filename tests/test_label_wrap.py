"Kind B for label rasters: longitude written in the other convention (wrapped at 180 or counted past it) is one place."
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.analysis import classify
from alphaearth_nb.core import band_names
from alphaearth_nb.features import points_at
from alphaearth_nb.testing import random_unit

RES = 0.0005


def _pair(x0:float=179.999):
    "A 4 x 6 EPSG:4326 map across the antimeridian (x 179.99925 .. 180.00175) and its labels (3 classes by column)."
    v = random_unit((4, 6), seed=4)
    xs, ys = x0 + RES * (np.arange(6) + 0.5), 10.0 - RES * (np.arange(4) + 0.5)
    emb = xr.DataArray(v, dims=("y", "x", "band"), coords={"y": ys, "x": xs, "band": band_names()},
                       attrs={"crs": "EPSG:4326"})
    lab = xr.DataArray(np.array([[1, 1, 2, 2, 3, 3]] * 4), dims=("y", "x"), coords={"y": ys, "x": xs},
                       attrs={"crs": "EPSG:4326"})
    return emb, lab, v


@pytest.mark.parametrize("which", ["labels wrapped", "map wrapped"])
@pytest.mark.parametrize("flip", [False, True])
def test_points_at_pairs_labels_whose_longitudes_are_wrapped_differently(which, flip):
    """The map's x counted past 180 (179.99925 .. 180.00175) and the labels' wrapped at 180 (179.99975, -179.99975),
    or the other way round: `classify` paired them, `points_at` raised xarray's KeyError ("not all values found in
    index 'x'"): `labels.on_map_grid` gave the labels their own longitudes back, not the map's. Right: every pixel
    paired with its own label, as for one convention; a raster stored south-first (y ascending) too."""
    emb, lab, v = _pair()
    wrap = lambda o: o.assign_coords(x=(o.x.values + 180.0) % 360.0 - 180.0)
    emb, lab = (emb, wrap(lab)) if which == "labels wrapped" else (wrap(emb), lab)
    if flip: lab = lab.isel(y=slice(None, None, -1))
    X, y = points_at(emb, lab)
    want = np.array([[1, 1, 2, 2, 3, 3]] * 4)
    np.testing.assert_array_equal(y, want.ravel())                 # the map's pixels, rows north to south
    np.testing.assert_allclose(X, v.reshape(-1, 64), atol=1e-7)
    np.testing.assert_array_equal(classify(emb, lab, k=1)["class"].values, want)
