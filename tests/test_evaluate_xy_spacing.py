"""Python's evaluate_embeddings on a map's labelled pixels scored neighbours against each other (0.73 where points
50 m apart gave 0.40; newcomer s55 finding 4), with no way to space them as `aef evaluate` does (1,280 m). Now
`xy=` (metres) thins the points to `spacing` apart (the paper's 1,280 m by default)."""
import warnings

import numpy as np
import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import DimensionError

# two classes in blobs of 10 m pixels: a pixel's neighbour is of its class, points 1,280 m apart are not told by it
r = np.random.default_rng(0)
gx, gy = np.meshgrid(np.arange(60) * 10.0, np.arange(60) * 10.0)
XY = np.c_[gx.ravel(), gy.ravel()]
Y = (XY[:, 0] > 300).astype(int)
X = r.normal(size=(len(Y), 64)) + XY[:, :1] / 50   # each pixel like its neighbours, classes not apart otherwise

def _max(**kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return aef.evaluate_embeddings(X, Y, shots=("max",), folds=2, methods=("knn1",), **kw)

def test_xy_thins_to_the_spacing():
    every, spaced = _max(), _max(xy=XY, spacing=150)
    assert every["train_per_class"].item() == 300 and spaced["train_per_class"].item() <= 5   # 8 x 8 cells of 150 m
    assert _max(xy=XY, spacing=0)["train_per_class"].item() == 300   # 0: every point
    assert spaced["balanced_accuracy"].item() < every["balanced_accuracy"].item()   # neighbours no longer score each other

def test_xy_of_other_length_is_refused():
    with pytest.raises(DimensionError, match=r"xy holds \(3, 2\) values for 3600 points"):
        aef.evaluate_embeddings(X, Y, xy=XY[:3])
