"""Newcomer s53 item 19: `aef evaluate` of labels too few at the paper's 1280 m was refused naming only the classes
still kept ('1 of the N labelled pixels remain (class 2: 1)') and a smaller --spacing; a class with only 1 labelled
point in all was not named, so the --spacing offered then warned that class left out. The refusal now leads with
every class's count kept of its labelled."""
import numpy as np
import pytest

from alphaearth_nb.core import LabelError
from alphaearth_nb.evaluate_points import thin_points


def test_the_refusal_names_each_class_kept_of_labelled_first():
    xy = np.array([[0.0, 0.0], [5.0, 0.0], [10.0, 0.0], [20.0, 0.0], [30.0, 0.0], [40.0, 0.0], [50.0, 0.0]])
    y = np.array([1, 1, 2, 2, 2, 3, 3])   # 7 pixels within 50 m: one is kept at 1280 m
    x = np.zeros((7, 4), np.float32)
    with pytest.raises(LabelError) as e:
        thin_points(x, y, xy, 1280.0, 0, "--labels lab.nc")
    msg = str(e.value)
    counts = msg.split("; thinned")[0]
    assert counts.startswith("--labels lab.nc: pixels kept of those labelled, by class:"), msg
    kept = {int(c.split(":")[0].split()[-1]): c.split(": ")[-1] for c in counts.split("by class: ")[1].split(", ")}
    assert set(kept) == {1, 2, 3} and [kept[k].split(" of ")[1] for k in (1, 2, 3)] == ["2", "3", "2"], msg
    assert sum(int(kept[k].split(" of ")[0]) for k in kept) == 1, msg   # one point kept at 1280 m: said by its class
    assert "thinned to points at least 1280 m apart" in msg and "of the 7 labelled pixels remain" in msg, msg
