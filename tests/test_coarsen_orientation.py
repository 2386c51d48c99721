"""`coarsen` counts its blocks from the map's north-west corner however the rows and columns are stored: an official
tile read by rioxarray is stored bottom-up (y ascending), and its blocks were counted from the south edge, so the
same map gave other blocks (a partial one at the north) than the north-up read, with other vectors at every place."""
import numpy as np
import pytest

from alphaearth_nb.cubes import coarsen
from alphaearth_nb.embeddings import as_embedding, from_official
from alphaearth_nb.quantize import quantize
from alphaearth_nb.testing import embedding_from_array, official_tiff, random_unit


@pytest.mark.parametrize("factor", [2, 3, (3, 2)])
def test_bottom_up_tile_coarsens_like_the_north_up_map(factor):
    q = embedding_from_array(quantize(random_unit((7, 8), seed=4)))
    q.values[0, 0] = -128                                     # one pixel of no data
    north = from_official(official_tiff(q, bottom_up=False))
    stored = official_tiff(q, bottom_up=True)                 # rows south-first, y ascending, as the mirrors store them
    for e in (as_embedding(stored), stored, north.isel(x=slice(None, None, -1))):
        c, ref = coarsen(e, factor), coarsen(north, factor)
        np.testing.assert_array_equal(c.y.values, ref.y.values)
        np.testing.assert_array_equal(c.x.values, ref.x.values)
        np.testing.assert_allclose(c.values, ref.values, atol=1e-6)


def test_cube_stored_bottom_up():
    e = embedding_from_array(random_unit((5, 4), seed=5))
    cube = as_embedding(e).expand_dims(time=2).copy()
    a, b = coarsen(cube.isel(y=slice(None, None, -1)), 2), coarsen(cube, 2)
    np.testing.assert_array_equal(a.y.values, b.y.values)
    np.testing.assert_allclose(a.values, b.values, atol=1e-6)
