"""A class named 'unknown' says its cells hold no class (`labels.NO_DATA_NAME`): the Copernicus Global Land Service's
100 m land cover (CGLS-LC100) writes 0 "Unknown. No or not enough satellite data available." in its
discrete_classification class table (Earth Engine's catalogue, COPERNICUS/Landcover/100m/Proba-V-C3/Global), so a
label raster whose CF flag_values / flag_meanings name 0 'unknown' leaves those cells out, silently as for 'no_data'
(the raster said it): no class 0 is trained, predicted or scored. 'unknown crop' holds the word and is a class. Was
(main 44c31170): 0 trained and predicted as a class (field case C1-v39: classes [0, 1, 2, 3, 4, 8], points_at n 10100
of 9945 labelled)."""
import warnings

import numpy as np
import pytest

from alphaearth_nb.analysis import classify, training_set
from alphaearth_nb.evaluate import points_at
from alphaearth_nb.labels import labelled_cells, says_no_data
from alphaearth_nb.linear import fill_like_names
from alphaearth_nb.testing import embedding_from_array, random_unit

E = embedding_from_array(random_unit((6, 6), seed=2))   # 10 m, EPSG:32631


def _lc100(meanings="unknown shrubs herbaceous_vegetation"):
    "LC100's ids on E: 0 (unknown) in half the cells, 20 and 30 a quarter each, named by CF flags."
    v = np.zeros((6, 6), np.uint8)
    v[:3, :3], v[3:, 3:] = 20, 30
    lab = E.isel(band=0, drop=True).copy(data=v)
    lab.attrs = {"flag_values": np.array([0, 20, 30], np.uint8), "flag_meanings": meanings}
    return lab


@pytest.mark.parametrize("first", ["unknown", "Unknown", "UNKNOWN"])
def test_cells_named_unknown_are_no_data(first):
    lab = _lc100(f"{first} shrubs herbaceous_vegetation")
    assert int(labelled_cells(lab).sum()) == 18
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # nothing to say: the raster said it
        x, y = training_set(E, lab)
        out = classify(E, lab, k=1)["class"].values
        _, yp = points_at(E, lab)
    assert sorted(set(y.tolist())) == [20, 30] and len(x) == 18
    assert set(np.unique(out).tolist()) <= {20, 30, -1} and (out != 0).all()
    assert sorted(set(np.asarray(yp).tolist())) == [20, 30] and len(yp) == 18


def test_only_the_whole_name_says_it():
    assert all(says_no_data(n) for n in ("unknown", "Unknown (0)", "0: unknown", "_UNKNOWN_"))
    assert not any(says_no_data(n) for n in ("unknown crop", "unknown_forest", "known"))
    assert [g[0] for g in fill_like_names(np.array(["maize", "unknown", "unknown crop"], object))] == ["unknown"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # 0 below 20..30 looks like a no-data code: said, rightly
        _, y = training_set(E, _lc100("unknown_crop shrubs herbaceous_vegetation"))   # a class: trained
    assert sorted(set(y.tolist())) == [0, 20, 30]
