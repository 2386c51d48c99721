"""Labels on pixels without data are left out with a word, and a class lost so is named (kinds A and C).

A labelled point on a NaN pixel (a cloud gap of the official product, the map's edge, an all-zero fill) has no vector
to train on. `training_set` dropped it without a word, so a class whose only labels lay there vanished from the
class map (classes {1, 2} from labels {1, 2, 3}) and a regression lost its points silently."""
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.supervised import training_set
from alphaearth_nb.core import NoDataWarning
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture(scope="module")
def emb():
    v = random_unit((6, 7), seed=1); v[2, 2] = np.nan; v[4, 1] = 0.0   # a gap and an all-zero fill
    return embedding_from_array(v)


def test_a_class_whose_labels_lie_on_no_data_is_named(emb):
    X, Y = emb.x.values, emb.y.values
    pts = pd.DataFrame({"x": X[[0, 6, 2, 1, 3]], "y": Y[[0, 5, 2, 4, 1]], "label": [1, 2, 3, 3, 1]})
    with pytest.warns(NoDataWarning, match=r"2 of 5 labelled points.*every label of class 3 \(2 labels\)"):
        c = emb.aef.classify(pts, k=1)["class"].values
    assert set(np.unique(c).tolist()) == {-1, 1, 2}
    lab = xr.DataArray(np.full((6, 7), -1), dims=("y", "x"), coords={"y": emb.y, "x": emb.x}, attrs={"crs": "EPSG:32631"})
    lab[0, 0], lab[5, 6], lab[2, 2] = 1, 2, 3
    with pytest.warns(NoDataWarning, match=r"class 3 \(1 label\)"):
        emb.aef.classify(lab, k=1)


def test_points_on_no_data_are_counted_and_a_raster_over_gaps_is_quiet(emb):
    X, Y = emb.x.values, emb.y.values
    pts = pd.DataFrame({"x": X[[0, 6, 2]], "y": Y[[0, 5, 2]], "value": [1.0, 2.0, 3.0]})
    with pytest.warns(NoDataWarning, match="1 of 3 labelled points"):
        Xv, v = training_set(emb, pts, column="value", numbers=True)
    assert v.tolist() == [1.0, 2.0]
    full = xr.DataArray(np.arange(42).reshape(6, 7) % 2, dims=("y", "x"), coords={"y": emb.y, "x": emb.x},
                        attrs={"crs": "EPSG:32631"})   # a land-cover raster over the gaps: every class stays
    with warnings.catch_warnings():
        warnings.filterwarnings("error", "(?s).*labelled", NoDataWarning)   # the all-zero fill's own NoDataWarning
        Xr, vr = training_set(emb, full)                                    # ('1 of 42 pixels are not ...') is said
    assert len(vr) == 40


def test_training_set_reads_the_official_int8_codes_as_vectors():
    "The function points_at's message names for points gave the official map's raw int8 codes (rows of length ~315)."
    from alphaearth_nb.quantize import dequantize
    e = embedding_from_array(random_unit((4, 4), seed=1))
    q = e.aef.quantize()
    pts = pd.DataFrame({"x": e.x.values[[0, 3]], "y": e.y.values[[0, 2]], "label": [1, 2]})
    X, y = training_set(q, pts)
    np.testing.assert_allclose(X, np.asarray(dequantize(q.values[[0, 2], [0, 3]])), atol=1e-6)
    np.testing.assert_allclose(np.linalg.norm(X, axis=1), 1.0, atol=0.01)
