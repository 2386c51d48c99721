"nshot_split and the max-trial draws never draw unlabelled points (-1, empty names) as a class."
import numpy as np
import pytest

from alphaearth_nb.core import LabelError
from alphaearth_nb.evaluate import max_trial_folds, max_trial_split, nshot_split, unlabelled

LAB = np.array([[-1, 0, 0, -1], [1, 1, -1, 0], [1, 0, 1, -1]])   # a label raster, -1 unlabelled (the class map's no data)


@pytest.mark.parametrize("draw", [lambda y: nshot_split(y, 1, seed=0), lambda y: max_trial_split(y, 0, seed=0),
                                  lambda y: max_trial_folds(y)])
@pytest.mark.parametrize("y", [LAB.ravel(), np.array(["crop", "", "water", "crop", "water", " "], dtype=object)])
def test_unlabelled_points_are_no_class(draw, y):
    "Was: -1 drawn as one more class (nshot_split(lab.ravel(), 1) trained on an unlabelled pixel), '' likewise."
    with pytest.raises(LabelError, match="no class to draw"):
        draw(y)


def test_the_fix_the_message_names():
    y = LAB.ravel()
    idx = np.flatnonzero(~unlabelled(y))
    train, test = nshot_split(y[idx], 1, seed=0)
    train, test = idx[train], idx[test]
    assert sorted(y[train].tolist()) == [0, 1] and (y[test] >= 0).all() and len(train) + len(test) == 8
