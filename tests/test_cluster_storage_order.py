"""`cluster` and `rgb` fit on a sample of pixels taken north-up, so the same map stored in another order (an official
tile read by rioxarray: rows south-first) gives the same clusters and colours at every place. The sample was taken
in storage order: other k-means starts, other clusters (same seed, same map)."""
import numpy as np
import pytest

from alphaearth_nb.analysis import cluster, rgb
from alphaearth_nb.embeddings import as_embedding, from_official
from alphaearth_nb.geo import north_up
from alphaearth_nb.quantize import quantize
from alphaearth_nb.testing import embedding_from_array, official_tiff, random_unit


@pytest.fixture(scope="module")
def tile():
    c = random_unit((4,), seed=8)
    v = c[np.random.default_rng(9).integers(0, 4, (12, 10))] + 0.6 * random_unit((12, 10), seed=10)
    q = embedding_from_array(quantize(v / np.linalg.norm(v, axis=-1, keepdims=True)))
    return official_tiff(q, bottom_up=True)            # rows south-first, as the mirrors store them


@pytest.mark.parametrize("max_samples", [50_000, 40])
def test_same_map_other_order(tile, max_samples):
    north = from_official(tile)                         # north-up
    for other in (as_embedding(tile), north.isel(x=slice(None, None, -1))):
        a = cluster(north, 4, max_samples=max_samples).cluster
        b = north_up(cluster(other, 4, max_samples=max_samples).cluster)
        np.testing.assert_array_equal(b.values, a.values)
        np.testing.assert_allclose(north_up(rgb(other, max_samples=max_samples)).values,
                                   rgb(north, max_samples=max_samples).values, atol=1e-5)
