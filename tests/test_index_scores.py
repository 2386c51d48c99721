"Index scores are cosines as similarity gives them: in [-1, 1], the pixel itself 1, not 1.0000001 (field case A4/D)."

import numpy as np
import pytest

from alphaearth_nb.analysis import similarity
from alphaearth_nb.index import build, exact_search
from alphaearth_nb.testing import embedding_from_array, random_unit

pytest.importorskip("usearch")


@pytest.mark.parametrize("quantised", [False, True])
def test_scores_are_cosines_within_one(quantised):
    e = embedding_from_array(random_unit((20, 20), 4).astype(np.float32), crs="EPSG:32631")
    m = e.aef.quantize() if quantised else e
    ix, flat = build(m, threads=1), m.values.reshape(-1, 64)   # one thread: one graph (a concurrent build differs run to run)
    tops = []
    for r, c in [(r, c) for r in range(0, 20, 3) for c in range(0, 20, 3)]:
        q = m.isel(y=r, x=c)
        got = ix.search(q, k=5)
        sim = similarity(m, q).values
        assert got.rows[0] == r and got.cols[0] == c
        np.testing.assert_allclose(got.scores, sim[got.rows, got.cols], atol=2e-7)
        pos, s = exact_search(flat, q, k=5)
        tops.append((got.scores.max(), s.max()))
    tops = np.array(tops)
    assert (tops <= 1.0).all() and (tops >= 1.0 - 1e-6).all(), tops.max(0)
