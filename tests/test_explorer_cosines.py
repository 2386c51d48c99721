"The live map's hits and similarity layer are cosines, as analysis.similarity gives them, on a quantised map too."
import importlib.util
import warnings

import numpy as np
import pytest

from alphaearth_nb import analysis
from alphaearth_nb.embeddings import as_embedding
from alphaearth_nb.explorer import Explorer
from alphaearth_nb.testing import embedding_from_array, random_unit

pytestmark = pytest.mark.skipif(importlib.util.find_spec("ipyleaflet") is None,
                                reason="needs the maps extra (ipyleaflet)")


def test_hits_of_a_quantised_map_are_similarity_over_the_threshold():
    """A quantised map's pixels decode to length 0.994 .. 1.006 and the hits were `v @ query`: the clicked pixel
    itself scored its length (under 0.999) and was no hit at threshold 0.999. Right: the pixels where
    `analysis.similarity(emb, query) >= threshold`, the clicked one first among them."""
    q = embedding_from_array(random_unit((30, 30), 7)).aef.quantize()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        d = as_embedding(q)
        n = np.linalg.norm(d.values.astype(np.float64), axis=-1)
        r, c = np.unravel_index(np.argmin(n), n.shape)   # the shortest decoded vector: its own v @ q is its length
        assert n[r, c] < 0.999
        m = Explorer(q, basemaps=False)
        m.click(float(q.x[c]), float(q.y[r]))
        m.slider.value = 0.999
        hits = set(zip(m.hits["row"].tolist(), m.hits["col"].tolist()))
        s = analysis.similarity(d, m.query).values
    assert (r, c) in hits
    assert hits == set(zip(*(a.tolist() for a in np.nonzero(s >= 0.999))))
    m.slider.value = 0.2
    got = {(a, b): v for a, b, v in zip(m.hits["row"], m.hits["col"], m.hits["similarity"])}
    assert set(got) == set(zip(*(a.tolist() for a in np.nonzero(s >= 0.2))))
    np.testing.assert_allclose([got[k] for k in got], [s[k] for k in got], atol=1e-6)
    img = m._colour_similarity(d.values)   # the layer: hits drawn (alpha 0.9) where the hits are
    assert set(zip(*(a.tolist() for a in np.nonzero(img[..., 3] == 0.9)))) == set(got)
