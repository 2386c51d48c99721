"encode_labels of blank names ('' or spaces) beside names or ids: unlabelled points named by position, never a class."
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import LabelError
from alphaearth_nb.labels import encode_labels, refuse_blank_names


@pytest.mark.parametrize("y", [["forest", "", "water", "  "],                          # was: class '' first, idx 0
                               np.array(["forest", "\t", "water", " "], object),
                               pd.Series(["forest", "", "water", ""])])
def test_blank_names_are_named_by_position(y):
    with pytest.raises(LabelError, match=r"2 of 4 labels are blank names \('' or spaces.* at positions 1, 3 \(from 0\)"):
        encode_labels(y)


def test_a_blank_beside_number_ids_is_a_blank_not_a_name():  # was: 'the labels mix numbers (1, 2) and names ()'
    for y in (["1", "", "2"], np.array([1, " ", 2], object)):
        with pytest.raises(LabelError, match=r"1 of 3 labels are blank names.*position 1 \(from 0\)") as e:
            encode_labels(y)
        assert "mix" not in str(e.value) and "evaluate.unlabelled(y)" in str(e.value)   # the fix that drops them


def test_names_without_blanks_encode_as_before():
    classes, idx = encode_labels(["water", "forest ", "water"])   # trimmed: 'forest '
    assert classes.tolist() == ["forest", "water"] and idx.tolist() == [1, 0, 1]
    refuse_blank_names(np.array([0, 1, -1]))   # numbers: not names, nothing to say
