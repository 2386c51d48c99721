"""`thin_points` (aef evaluate --spacing) told a class of ONE labelled point in all "a smaller --spacing keeps more
points of a class", which no spacing does (thinning never adds a point); its docstring promised the class would be
told another point of it in the labels. A class of 1 labelled point is now left out before thinning with the words of
`evaluate.lone_classes_said` and 'a second pixel ... scores it'; the --spacing fix is said only for a class that
thinning cut to one."""
import warnings

import numpy as np

from alphaearth_nb.core import LabelWarning
from alphaearth_nb.evaluate_points import thin_points


def _said(y, xy, spacing=300.0):
    x = np.random.default_rng(0).normal(size=(len(y), 64))
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        kx, ky, protocol = thin_points(x, np.asarray(y), np.asarray(xy, float), spacing, 0, "--labels lab.nc")
    return kx, ky, [str(w.message) for w in got if issubclass(w.category, LabelWarning)]


def test_a_class_of_one_point_in_all_is_told_a_second_point_not_a_spacing():
    # classes 1 and 2: 4 points each 1 km apart; class 3: one point, far from the rest
    xy = [(i * 1000.0, 0.0) for i in range(8)] + [(0.0, 5000.0)]
    kx, ky, said = _said([1] * 4 + [2] * 4 + [3], xy)
    lone = [s for s in said if "class 3 has 1 labelled point" in s]
    assert len(lone) == 1 and "a second pixel of a class in --labels lab.nc scores it" in lone[0], said
    assert not [s for s in said if "smaller --spacing" in s], said
    assert 3 not in set(ky.tolist()) and len(kx) == len(ky) == 8


def test_a_class_thinning_cut_to_one_is_told_the_spacing():
    # class 3: two points 10 m apart, one of them kept at 300 m; class 4: one point in all
    xy = [(i * 1000.0, 0.0) for i in range(8)] + [(0.0, 5000.0), (10.0, 5000.0), (9000.0, 9000.0)]
    kx, ky, said = _said([1] * 4 + [2] * 4 + [3, 3, 4], xy)
    cut = [s for s in said if "thinned to points 300 m apart" in s]
    assert len(cut) == 1 and "class 3 has 1 labelled point" in cut[0] and "smaller --spacing" in cut[0], said
    assert "class 4" not in cut[0] and [s for s in said if "class 4 has 1 labelled point" in s and "second pixel" in s]
    assert set(ky.tolist()) == {1, 2} and len(kx) == len(ky)
