"""A lon/lat label raster across the antimeridian whose longitudes are written in -180..180 and sorted (two pieces,
-179.99975..-179.99875 then 179.99875..179.99975: what `xr.concat([...]).sortby('x')` or a selection of both edges
of a global -180..180 raster gives) labels the map pixels at those places, as the same raster stored 179.99875..
180.00125 does; a map stored that way is paired with its labels alike (field case B3: longitude is a circle).
Was: `labels.on_map_grid` put each label cell on the map's lattice by one regular step from its first pixel, so the
cells of the second piece took the labels of other columns without a word (classify k=1 got 21 of 48 pixels
wrong, regress and `points_at` paired labels with the wrong vectors)."""
import warnings

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb import analysis
from alphaearth_nb.features import points_at
from alphaearth_nb.testing import embedding_from_array, random_unit

H, W = 8, 6
LON = 179.99875 + 0.0005 * np.arange(W)              # 179.99875 .. 180.00125: pixel centres across 180
LAT = 10 - 0.0005 * np.arange(H)
TRUTH = np.zeros((H, W), np.int64)
TRUTH[:, 2:4], TRUTH[:, 4:], TRUTH[5:, :2] = 1, 2, 1  # three classes, each in both pieces of the sorted raster
VEC = random_unit((H, W), seed=3)                     # distinct vectors: with k=1 each pixel's nearest is itself


def sorted_gap(obj):
    "obj with its longitudes written in -180..180 and sorted ascending: the pieces east of 180 first."
    return obj.assign_coords(x=(obj.x.values + 180) % 360 - 180).sortby("x")


def the_map(gap=False):
    e = embedding_from_array(VEC, coords={"y": LAT, "x": LON}, crs="EPSG:4326")
    return sorted_gap(e) if gap else e


def the_labels(gap=True, dtype=np.int64):
    lab = xr.DataArray(TRUTH.astype(dtype), dims=("y", "x"), coords={"y": LAT, "x": LON}, attrs={"crs": "EPSG:4326"})
    return sorted_gap(lab) if gap else lab


def truth_like(out):
    "TRUTH as the map `out` stores it, by place: each pixel the label written at its longitude (read in -180..180)."
    return the_labels(gap=True).sel(x=(out.x.values + 180) % 360 - 180).values


@pytest.mark.parametrize("map_gap, label_gap", [(False, True), (True, True), (True, False)])
@pytest.mark.parametrize("method", ["knn", "linear"])
def test_classify_pairs_labels_by_place(map_gap, label_gap, method):
    emb = the_map(map_gap)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = analysis.classify(emb, the_labels(label_gap), method=method, k=1)["class"].transpose("y", "x")
    if method == "knn":   # each pixel trained on itself: its own label, hand-worked
        assert (out.values == truth_like(out)).all()
    else:                 # the probe learns the labels it was given: most pixels get them back
        assert (out.values == truth_like(out)).mean() > 0.9


@pytest.mark.parametrize("map_gap, label_gap", [(False, True), (True, True)])
def test_regress_knn_and_points_at_pair_by_place(map_gap, label_gap):
    emb = the_map(map_gap)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pred = analysis.regress(emb, the_labels(label_gap, np.float32), method="knn", k=1).transpose("y", "x")
        X, y = points_at(emb, the_labels(label_gap))
    assert np.array_equal(pred.values, truth_like(pred).astype(np.float32))
    flat = VEC.reshape(-1, 64)
    own = [int(np.argmin(np.abs(flat - x).sum(1))) for x in X]   # the map pixel each feature row is
    assert len(y) == H * W and np.array_equal(y, TRUTH.ravel()[own])
