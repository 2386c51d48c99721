"""A label raster whose own class names call an id no data (CF `flag_values` / `flag_meanings` with 0 'no_data', as
eo-learn's LULC writes them; `class_names` 'No Data (0)') and declares no nodata leaves that id's cells out: no
class of that name is trained, scored or drawn. Was: training_set(E, lab) kept 0 as a class (18 of 36 pixels), with
LabelWarning "label 0 holds 18 of 36 labelled pixels (50.0%): the raster names it 'no_data' ... trained as a class"."""
import warnings

import numpy as np
import pytest

from alphaearth_nb.analysis import classify, training_set
from alphaearth_nb.labels import labelled_cells
from alphaearth_nb.testing import embedding_from_array, random_unit

E = embedding_from_array(random_unit((6, 6), seed=2))   # 10 m, corner (500000, 5000000), EPSG:32631


def _labels(**attrs):
    "A label raster on E: 0 in half the cells, 1 and 2 a quarter each, with `attrs`."
    v = np.zeros((6, 6), np.int16)
    v[:3, :3], v[3:, 3:] = 1, 2
    lab = E.isel(band=0, drop=True).copy(data=v)
    lab.attrs = dict(attrs)
    return lab


@pytest.mark.parametrize("attrs", [
    dict(flag_values=[0, 1, 2], flag_meanings="no_data water forest"),
    dict(flag_values="0 1 2", flag_meanings="NODATA water forest"),
    dict(class_names=["No Data (0)", "water", "forest"]),
])
def test_an_id_its_names_call_no_data_is_left_out(attrs):
    lab = _labels(**attrs)
    assert int(labelled_cells(lab).sum()) == 18
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # nothing to say: the raster said it
        x, y = training_set(E, lab)
        out = classify(E, lab, k=1)
    assert sorted(set(y.tolist())) == [1, 2] and len(x) == 18
    assert set(np.unique(out["class"].values).tolist()) <= {1, 2}


def test_a_name_that_only_holds_such_a_word_is_a_class():
    "'landfill' holds 'fill': a class, trained without a word (labels.says_no_data, the one rule; was warned 'It " \
    "looks like a no-data code' by metrics' own rule)."
    lab = _labels(flag_values=[0, 1, 2], flag_meanings="landfill water forest")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        x, y = training_set(E, lab)
    assert sorted(set(y.tolist())) == [0, 1, 2] and len(x) == 36
