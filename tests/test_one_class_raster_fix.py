"""A label raster of one class: the error's similarity fix is the mean of the raster's pixels of that class
(`emb.where(labels == 7)`), a call that runs; was `emb.aef.sample(points)`, for points the caller does not have."""
import warnings
import numpy as np
import pytest

from alphaearth_nb.core import LabelError
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_one_class_raster_is_told_the_raster_mean():
    v = random_unit((5, 6), seed=3)
    emb = embedding_from_array(v)
    labels = emb.isel(band=0, drop=True).copy(data=np.full((5, 6), -1))
    labels[1, 2] = labels[3, 4] = 7                                # two pixels of one class, the rest unlabelled
    with pytest.raises(LabelError) as e:
        emb.aef.classify(labels, method="linear")
    said = str(e.value)
    assert "label pixels of another class too" in said and "sample(points)" not in said, said
    call = said.split("`")[-2]
    assert call == "emb.aef.similarity(emb.where(labels == 7).mean(['y', 'x']))", call
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")                            # the prototype's length is said, rightly
        sim = eval(call)
    m = (v[1, 2] + v[3, 4]) / 2
    want = v @ m / np.linalg.norm(v, axis=-1) / np.linalg.norm(m)
    np.testing.assert_allclose(sim.values, want, atol=1e-6)
