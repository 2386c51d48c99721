"""`similarity` at a point of a lazy map computed twice: the door's and the gate's sample (`pixels.read_once`), then
`query_vector`'s `values_at` of the gated map, which computed the point's chunk again (on a lazy official cube: the
centre chunk warped twice, 33-44% of the call). The point's pixel is now located before a value is read and read
with the sample in one compute (`read_once(also=)`), and `values_at` of a map the gate made reads the pixels under it
(`pixels.per_pixel`), the vectors the same."""
import threading

import dask.array as dsa
import numpy as np
import pytest
from dask.callbacks import Callback

from alphaearth_nb import analysis, pixels
from alphaearth_nb.embeddings import as_embedding
from alphaearth_nb.quantize import quantize
from alphaearth_nb.testing import embedding_from_array, random_unit

SIDE = 64


class Computes(Callback):
    "Counts the dask computes run while open that read a chunk of `computed` (one over chunks held in memory reads none)."
    def __init__(self, computed):
        super().__init__()
        self.n, self.computed, self.before = 0, computed, 0

    def _start(self, dsk): self.before = len(self.computed)

    def _finish(self, dsk, state, errored): self.n += len(self.computed) > self.before


def _counted(values):
    "`values` (h, w, 64) as a lazy map of SIDE-pixel chunks recording each chunk computed: (map, computed)."
    computed, lock = [], threading.Lock()
    def block(block_info=None):
        (y0, y1), (x0, x1) = block_info[None]["array-location"][:2]
        with lock: computed.append((y0, x0))
        return values[y0:y1, x0:x1]
    h, w = values.shape[:2]
    data = dsa.map_blocks(block, chunks=((SIDE,) * (h // SIDE), (SIDE,) * (w // SIDE), (64,)), dtype=values.dtype)
    m = embedding_from_array(values)
    return m.copy(data=data), computed


@pytest.mark.parametrize("codes", [False, True])
def test_a_point_is_read_with_the_sample_in_one_compute(codes):
    v = random_unit((3 * SIDE, 4 * SIDE), seed=5)
    v = quantize(embedding_from_array(v)).values if codes else v
    m, computed = _counted(v)
    x, y = float(m.x[70]), float(m.y[100])
    with Computes(computed) as c:
        got = analysis.similarity(m, (x, y), crs="EPSG:32631")
    assert c.n == 1, c.n   # was 2: the sample, then the point (now: their chunks held, `pixels.held`)
    assert len(computed) == len(set(computed)), computed   # no chunk read twice
    want = analysis.similarity(m.compute(), (x, y), crs="EPSG:32631")
    np.testing.assert_array_equal(got.values, want.values)
    assert float(got.sel(x=x, y=y)) == pytest.approx(1.0)


def test_values_at_of_a_gated_lazy_map_reads_the_pixels_and_equals_the_eager_gate():
    v = random_unit((2 * SIDE, 2 * SIDE), seed=6) * np.float32(1.0)
    v[5, 7] = 0.0                    # no embedding: NaN through the gate
    v[9, 9] *= np.float32(0.8)       # a mean's length: rescaled
    m, computed = _counted(v)
    with pytest.warns(Warning):
        lazy = as_embedding(m)
    computed.clear()
    r, c = np.array([5, 9, 100]), np.array([7, 9, 90])
    with Computes(computed) as n:
        got = pixels.values_at(lazy, r, c)
    read = sorted(set(computed))   # the chunks under the three pixels
    with pytest.warns(Warning):
        want = as_embedding(m.compute()).values[r, c]
    np.testing.assert_array_equal(got, want)
    assert n.n == 1 and read == [(0, 0), (64, 64)], read
    assert np.isnan(got[0]).all() and np.allclose(np.linalg.norm(got[1:], axis=-1), 1, atol=1e-6)


def test_a_uint8_map_is_not_read_pixel_by_pixel():
    "A uint8 map's bytes are read by a reading decided block by block where the map gives none: no pixel read apart."
    m, _ = _counted(np.full((SIDE, SIDE, 64), 3, np.uint8))
    lazy = pixels.per_pixel(lambda a: a, m, alone=False)
    assert id(lazy.data) not in pixels._ALONE
    assert id(pixels.per_pixel(lambda a: a, m).data) in pixels._ALONE
    with pytest.raises(Exception, match="alone"):
        pixels.per_pixel(lambda a: a, m, alone="yes")
