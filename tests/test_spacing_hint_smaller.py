"""`aef evaluate`'s thinning (`evaluate_points.thin_points`) named "a smaller --spacing, e.g. --spacing S" with S
from the labels' extent alone (one figure of span / 32): --spacing 30 over a 960 m raster offered --spacing 30, and
over 1.5 km --spacing 50, a larger one. S is now below the spacing given and keeps more points; where the spacing
keeps every point already (at or below their closest step, a raster's 10 m pixel), no spacing is offered: more
labels are."""
import re
import warnings

import numpy as np
import pytest

from alphaearth_nb.core import LabelError, LabelWarning
from alphaearth_nb.draws import spaced_points
from alphaearth_nb.evaluate_points import thin_points


def _raster(n, px=10.0):
    "The pixel centres (metres) of an n x n raster of `px` pixels, row by row."
    r, c = np.divmod(np.arange(n * n), n)
    return np.stack([c * px + px / 2, -(r * px + px / 2)], 1)


def _offered(said):
    m = re.search(r"e\.g\. --spacing (\S+?)[,) ]", said)
    return None if m is None else float(m.group(1))


@pytest.mark.parametrize("n, spacing", [(96, 30.0), (150, 30.0), (150, 300.0), (96, 12.0)])
def test_the_spacing_offered_is_smaller_and_keeps_more(n, spacing):
    xy = _raster(n)
    y = np.zeros(n * n, int)
    y[:2] = 1   # class 1: two pixels side by side (10 m apart): thinning keeps one of them at most
    with pytest.raises(LabelError) as e:
        thin_points(np.zeros((n * n, 1)), y, xy, spacing, 0, "--labels lab.tif")
    s = _offered(str(e.value))
    assert s is not None and 0 < s < spacing, str(e.value)
    assert len(spaced_points(xy, s, 0)) > len(spaced_points(xy, spacing, 0))   # it keeps more
    assert "--spacing 0 to score every labelled pixel" in str(e.value)


def test_a_spacing_that_keeps_every_pixel_offers_more_labels_not_a_spacing():
    xy, y = _raster(20), np.zeros(400, int)
    y[0] = 1   # one pixel of class 1, then one of class 2 below: no spacing keeps two of either
    y[1] = 2
    with pytest.raises(LabelError) as e, warnings.catch_warnings():
        warnings.simplefilter("ignore", LabelWarning)
        thin_points(np.zeros((400, 1)), y, xy, 10.0, 0, "--labels lab.tif")
    said = str(e.value)
    assert _offered(said) is None and "smaller --spacing, e.g." not in said, said
    assert "no smaller --spacing keeps more (at 10 m every labelled pixel is kept, the closest 10 m apart)" in said
    y = np.zeros(400, int)   # two classes of many pixels and one of one: left out, warned with the fix that helps
    y[200:] = 1
    y[0] = 2
    with pytest.warns(LabelWarning) as w:
        thin_points(np.zeros((400, 1)), y, xy, 10.0, 0, "--labels lab.tif")
    said = " ".join(str(m.message) for m in w)
    assert "class 2 has 1 labelled point" in said and "a second pixel of a class in --labels lab.tif scores it" in said, said
    assert "smaller --spacing" not in said, said   # a class of one point in all: no spacing helps (evaluate_points.thin_points)
    assert "e.g. --spacing" not in said, said
