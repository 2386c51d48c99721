"""A GeoJSON FeatureCollection of several points given as one similarity query is refused naming their mean as code
that runs as written after `import alphaearth_nb as aef` (and numpy as np): `aef.band_names()`, and the mean made
unit, so the similarity it gives says no word of 'a mean of embeddings' and is the cosine with their mean direction.
Was: `v = emb.aef.sample(fc)[band_names()].mean()`: NameError 'band_names', and that mean (length under 1) warned as
resampled embeddings (review44)."""
import re
import warnings

import numpy as np
import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import DimensionError
from alphaearth_nb.testing import embedding_from_array, random_unit

pyproj = pytest.importorskip("pyproj")


def test_the_named_mean_of_several_points_runs_quietly():
    emb = embedding_from_array(random_unit((6, 8), seed=4))
    to_lonlat = pyproj.Transformer.from_crs(emb.attrs["crs"], 4326, always_xy=True).transform
    cells = [(2, 3), (4, 6)]
    fc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": to_lonlat(
            float(emb.x[c]), float(emb.y[r]))}} for r, c in cells]}
    with pytest.raises(DimensionError) as e:
        emb.aef.similarity(fc)
    code = next(c for c in re.findall(r"`([^`]+)`", str(e.value)) if c.startswith("v = "))
    env = {"aef": aef, "np": np, "emb": emb, "fc": fc}
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # a word of resampled embeddings would fail here
        first, last = code.split("; ")
        exec(first, env)
        got = eval(last, env)
    mean = sum(emb.values[r, c] for r, c in cells)
    np.testing.assert_allclose(got.values, emb.values @ (mean / np.linalg.norm(mean)), atol=1e-5)
