"The live map's threshold is a similarity, a cosine in [-1, 1]: one outside is refused by name, not clamped."
import math

import pytest

pytest.importorskip("ipyleaflet")
from alphaearth_nb.core import ConfigError
from alphaearth_nb.explorer import explore
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture(scope="module")
def emb(): return embedding_from_array(random_unit((12, 10), seed=0))


@pytest.mark.parametrize("t", [1.5, -3, 2, math.nan])
def test_threshold_outside_the_cosine_range_is_named(emb, t):
    # was: the slider took it as 1.0 / -1.0 without a word (1.5 -> 1.0: only the query pixel itself a hit)
    with pytest.raises(ConfigError, match=r"threshold=.* is outside \[-1, 1\].*cosine.*threshold=0\.5"):
        explore(emb, threshold=t, basemaps=False)


@pytest.mark.parametrize("t", [-1, -0.25, 0.9, 1])
def test_threshold_in_range_is_kept(emb, t):
    assert explore(emb, threshold=t, basemaps=False).threshold == pytest.approx(t, abs=1e-6)
