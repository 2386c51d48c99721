"""Few-shot labels of one class only (field case: a user who marks where a thing is, never where it is not).

`classify` refused them with 'label more classes', which names no way to map one class. Right: the error names both
ways: a class of what is not it (the background), or `similarity` with the mean of its vectors, a call that runs
without a warning (the mean made unit length: its gate warned of an averaged query, session 48)."""
import warnings

import numpy as np
import pandas as pd
import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import LabelError
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_one_class_names_the_background_and_the_similarity_that_maps_it():
    v = random_unit((5, 6), seed=2)
    emb = embedding_from_array(v)
    pts = pd.DataFrame({"x": emb.x.values[[1, 4]], "y": emb.y.values[[0, 3]], "label": ["solar", "solar"]})
    with pytest.raises(LabelError, match=r"got \['solar'\]: label points of another class too \(a few of what is not "
                                         r"'solar': the background\).*v = emb\.aef\.sample\(points\)") as e:
        emb.aef.classify(pts, k=1)
    ns = {"emb": emb, "points": pts, "aef": aef, "np": np}   # the call as the message writes it
    *first, last = str(e.value).split("`")[-2].split("; ")
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # a mean made unit: no UnitsWarning of an averaged query (was one, session 48)
        for line in first: exec(line, ns)
        sim = eval(last, ns)
    m = (v[0, 1] + v[3, 4]) / 2                                   # the two labelled pixels' mean, by hand
    want = v @ m / np.linalg.norm(v, axis=-1) / np.linalg.norm(m)
    np.testing.assert_allclose(sim.values, want, atol=1e-6)
    lab = emb.isel(band=0).copy(data=np.full((5, 6), 7))          # a raster of one class says so too
    with pytest.raises(LabelError, match=r"got \[7\]: label pixels of another class too"):
        emb.aef.classify(lab, method="linear")
