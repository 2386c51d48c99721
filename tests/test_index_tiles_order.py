"index.build(tile=n) indexes the same blocks, at the same places, whatever order the map is stored in."
import importlib.util

import numpy as np
import pytest

from alphaearth_nb import index as aix
from alphaearth_nb.testing import embedding_from_array, random_unit

INSTALLED = [b for b in aix.BACKENDS if importlib.util.find_spec(b)]
pytestmark = pytest.mark.skipif(not INSTALLED, reason="no ANN backend: pip install 'alphaearth_nb[retrieval]'")


def _by_hand(v, x, y, n):
    "{(x, y) block centre: unit mean vector} of n x n blocks from the north-west corner of a north-up (H, W, 64) map."
    H, W, _ = v.shape
    dx, dy = x[1] - x[0], y[1] - y[0]
    out = {}
    for r in range(0, H, n):
        for c in range(0, W, n):
            m = v[r:r + n, c:c + n].reshape(-1, 64).astype(np.float64).sum(0)
            cx, cy = x[0] - dx / 2 + dx * (c + n / 2), y[0] - dy / 2 + dy * (r + n / 2)   # the whole block's centre
            out[(round(cx, 3), round(cy, 3))] = m / np.linalg.norm(m)
    return out


@pytest.mark.parametrize("order", ["north-up", "south-first", "east-first", "both"])
def test_tiles_are_counted_from_the_north_west_corner(order):
    """A 5 x 7 map, tile=2: blocks were counted from the first stored row and column, so a map stored south-first (a
    bottom-up tile read by rioxarray) or east-first was indexed in other blocks (the best match of a north-up block
    scored 0.72), and the edge block sat at the mean of its pixels' centres (y 4999955, not 4999950). Right: the
    blocks of `cubes.coarsen` (north-west corner, the whole block's centre), the same whatever the storage order."""
    e = embedding_from_array(random_unit((5, 7), 1))
    want = _by_hand(e.values, e.x.values, e.y.values, 2)
    f = e
    if order in ("south-first", "both"): f = f.isel(y=slice(None, None, -1))
    if order in ("east-first", "both"): f = f.isel(x=slice(None, None, -1))
    ix = aix.build(f, tile=2, backend=INSTALLED[0])
    got = {(round(float(x), 3), round(float(y), 3)): v for x, y, v in zip(ix.rows.x, ix.rows.y, ix.rows.vectors)}
    assert set(got) == set(want)
    for k, v in want.items(): np.testing.assert_allclose(got[k], v, atol=1e-6)
    m = ix.search(want[(500010.0, 4999990.0)], k=1)
    assert (float(m.x[0]), float(m.y[0])) == (500010.0, 4999990.0) and m.scores[0] > 1 - 1e-6
