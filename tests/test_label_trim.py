"""Class names are trimmed of the spaces around them, everywhere labels are read (`labels.label_values`, the live map's
class box): 'Winter wheat ' and 'Winter wheat' are one class, and the name round-trips through `save_labels` and back.
Case and inner spaces are kept (two classes, warned). Was: the Explorer, tables and text rasters kept 'Winter wheat '
as a class of its own."""
import importlib.util
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.analysis import classify
from alphaearth_nb.core import LabelWarning
from alphaearth_nb.labels import encode_labels, label_values
from alphaearth_nb.supervised import training_set
from alphaearth_nb.testing import embedding_from_array, random_unit


def _emb():
    return embedding_from_array(random_unit((6, 6), seed=2))


@pytest.mark.skipif(importlib.util.find_spec("ipyleaflet") is None, reason="needs the maps extra (ipyleaflet)")
def test_explorer_class_box_names_round_trip(tmp_path):
    from alphaearth_nb.explorer import Explorer
    emb = _emb()
    m = Explorer(emb, basemaps=False)
    for (r, c), name in zip([(0, 0), (0, 1), (4, 4), (4, 5)], ["Winter wheat ", "Winter wheat", " Maize", "Maize\t"]):
        m.add_label(float(emb.x[c]), float(emb.y[r]), name, crs=m.crs)
    assert sorted(set(m.labels["label"])) == ["Maize", "Winter wheat"]
    assert m.status.value.endswith("2 classes")
    path = m.save_labels(tmp_path / "l.geojson")
    _, y = training_set(emb, path)
    assert sorted(set(y.tolist())) == ["Maize", "Winter wheat"]
    assert classify(emb, path, k=1).classes.values.tolist() == ["Maize", "Winter wheat"]


def test_tables_and_text_rasters_trim_names():
    emb = _emb()
    x, y = emb.x.values, emb.y.values
    t = pd.DataFrame({"x": x[[0, 1, 2, 3]], "y": y[[0, 0, 0, 0]],
                      "label": ["Winter wheat ", "Winter wheat", "\u00a0Maize", "Maize"]})   # a spreadsheet's NBSP too
    _, v = training_set(emb, t)
    assert sorted(set(v.tolist())) == ["Maize", "Winter wheat"]
    ras = xr.DataArray(np.full((6, 6), "", "<U16"), dims=("y", "x"), coords={"y": emb.y, "x": emb.x},
                       attrs={"crs": emb.attrs["crs"]})
    ras[0, 0], ras[1, 1], ras[2, 2] = "Winter wheat ", "Winter wheat", "Maize"
    _, v = training_set(emb, ras)
    assert sorted(set(v.tolist())) == ["Maize", "Winter wheat"]
    classes, _ = encode_labels(np.array(["a ", "a", "b"]))
    assert classes.tolist() == ["a", "b"]


def test_case_and_inner_spaces_are_kept_and_named():
    assert label_values(np.array(["  Forest ", "forest"])).tolist() == ["Forest", "forest"]
    with pytest.warns(LabelWarning, match=r"'Winter  wheat', 'winter wheat'.*differ only in case or inner spaces"):
        classes, _ = encode_labels(np.array(["Winter  wheat", "winter wheat "]))
    assert classes.tolist() == ["Winter  wheat", "winter wheat"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert label_values(np.array(["1 ", " 2"])).tolist() == [1, 2]   # number text: numbers, as before
