"The live map's similarity layer draws as hits exactly the pixels `hits` lists: both are `gate.cosines` (float64)."
import importlib.util

import numpy as np
import pytest

from alphaearth_nb.gate import cosines
from alphaearth_nb.testing import embedding_from_array

pytestmark = pytest.mark.skipif(importlib.util.find_spec("ipyleaflet") is None,
                                reason="needs the maps extra (ipyleaflet)")


def _just_under(t:float) -> np.ndarray:
    "A float32 unit-ish vector (64,) whose float64 cosine with e0 is under `t` by less than float32 can tell."
    for k in range(1, 400):
        c = t - k * 1e-9
        v = np.zeros(64, np.float32); v[0], v[1] = c, np.sqrt(1 - c * c)
        s = float(cosines(v, np.eye(64)[0]))
        if s < t and np.float32(s) >= t: return v
    raise AssertionError("no such vector")


def test_layer_hits_are_the_hits_at_a_threshold_float32_cannot_tell():
    """A pixel of cosine 0.999 - 1e-8 is no hit at threshold 0.999 (`hits`, float64 as `analysis.similarity`), and
    the layer drew it as one: its colours used a float32 copy of the cosine (`_cosines`), which rounds it to 0.999."""
    from alphaearth_nb.explorer import Explorer
    vec = np.zeros((3, 3, 64), np.float32); vec[..., 2] = 1.0   # the rest: orthogonal to the query
    vec[0, 0, 0] = 1.0; vec[0, 0, 2] = 0.0                      # the clicked pixel: the query e0
    vec[1, 1] = _just_under(0.999)
    emb = embedding_from_array(vec)
    m = Explorer(emb, basemaps=False)
    m.click(float(emb.x[0]), float(emb.y[0]), crs=m.crs)
    m.slider.value = 0.999
    hits = set(zip(m.hits["row"].tolist(), m.hits["col"].tolist()))
    assert hits == {(0, 0)}
    img = m._colour_similarity(emb.values)
    drawn = set(zip(*(a.tolist() for a in np.nonzero(img[..., 3] == 0.9))))
    assert drawn == hits, drawn
