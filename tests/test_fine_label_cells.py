"""Kind C: a label raster finer than the map with few labelled cells: each labelled cell labels the map pixel it
lies in (only the cell under a pixel's centre counted, so cells between centres were lost)."""
import warnings

import numpy as np
import pytest

from alphaearth_nb.analysis import classify, regress


@pytest.mark.parametrize("res", [5, 2, 1])
def test_labelled_cells_between_pixel_centres_label_their_pixel(res, fine_labels):
    """4 labelled cells of 2 classes in a 5 m, 2 m or 1 m raster over a 30 x 30 map of 10 m pixels, none of them
    under a pixel's centre: classify raised 'classification needs at least two classes' (5 m, 2 m) or 'no labelled
    pixel found: mark unlabelled pixels with NaN, -1 ...' (1 m). Right: the 4 pixels holding them are trained on, so
    with k=1 each keeps its class; regress gives each its value."""
    e = fine_labels.map()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = classify(e, fine_labels.fine(res), k=1)["class"].values
        pred = regress(e, fine_labels.fine(res, [3.5, 7.25, 1.0, 9.0]), method="knn", k=1).values
    assert [int(got[r, c]) for r, c, _ in fine_labels.cells] == [v for *_, v in fine_labels.cells]
    np.testing.assert_allclose([pred[r, c] for r, c, _ in fine_labels.cells], [3.5, 7.25, 1.0, 9.0])


def test_a_pixel_of_several_labelled_cells_takes_the_most_common(fine_labels):
    "Three labelled 2 m cells in one 10 m pixel, classes 2, 2, 1 (none at its centre): the pixel is class 2."
    e, lab = fine_labels.map(), fine_labels.fine(2)
    a = lab.values
    a[:] = np.nan
    a[50, 50], a[51, 51], a[54, 54] = 2, 2, 1   # pixel (10, 10): cells 50..54 each way, its centre on the edge of 52, 53
    a[100, 100] = 1                            # pixel (20, 20)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = classify(e, lab, k=1)["class"].values
    assert int(got[10, 10]) == 2 and int(got[20, 20]) == 1
