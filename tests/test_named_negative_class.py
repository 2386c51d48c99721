"""A label raster whose CF class names name -1 as a class (flag_values -1, 0, 1; flag_meanings 'loss stable gain': a
change map's classes) loses that class to 'negative is unlabelled' with a warning naming it, its pixels and the remap.
Was: left out without a word, every 'loss' pixel untrained and the class missing from the class map."""
import warnings

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import LabelWarning
from alphaearth_nb.testing import embedding_from_array, random_unit

E = embedding_from_array(random_unit((6, 6), seed=9))


def _labels(flags=True, meanings="loss stable gain"):
    lab = np.zeros((6, 6), np.int8)
    lab[:2], lab[4:] = -1, 1
    attrs = {"flag_values": np.array([-1, 0, 1], np.int8), "flag_meanings": meanings} if flags else {}
    return xr.DataArray(lab, dims=("y", "x"), coords={"y": E.y, "x": E.x}, attrs=attrs)


def test_a_named_negative_class_is_warned_with_its_name_and_the_remap():
    with pytest.warns(LabelWarning, match=r"negative classes: -1 'loss' \(12 pixels\).*labels.where\(labels != -1, NEW_ID\)"):
        out = E.aef.classify(_labels(), k=1)
    assert sorted(np.unique(out["class"].values).tolist()) == [0, 1]     # still unlabelled, as the docstring says


@pytest.mark.parametrize("lab", [_labels(flags=False), _labels(meanings="no_data stable gain")])
def test_an_unnamed_or_no_data_named_minus_one_stays_quiet(lab):
    with warnings.catch_warnings():
        warnings.simplefilter("error", LabelWarning)
        out = E.aef.classify(lab, k=1)
    assert sorted(np.unique(out["class"].values).tolist()) == [0, 1]
