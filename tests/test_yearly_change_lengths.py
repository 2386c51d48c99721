"cubes.yearly_change measures directions: a vector's length (the int8 codes' 0.994 .. 1.006) is no change."
import warnings

import numpy as np
import xarray as xr

from alphaearth_nb.cubes import yearly_change
from alphaearth_nb.embeddings import as_embedding
from alphaearth_nb.testing import embedding_from_array, random_unit

YEARS = [2019, 2020, 2021, 2022]


def _quiet(fn):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn()


def test_a_pixel_the_same_every_year_has_no_distance():
    """Four years of one quantised map: `distance` was 1 minus the decoded code's length (-0.0026 .. 0.0048, below 0
    too) where nothing changed. Right: about 0 (float noise), never below 0."""
    q = embedding_from_array(random_unit((6, 6), 3)).aef.quantize()
    d = _quiet(lambda: yearly_change(xr.concat([q] * 4, "time").assign_coords(time=YEARS))).distance.values
    assert (d >= 0).all() and d.max() < 1e-12


def test_distance_is_one_minus_cosine_to_the_other_years_mean_direction():
    "By hand in float64: unit vectors, the leave-one-out mean direction, 1 - cos; int8 years as their decoded vectors."
    maps = [embedding_from_array(random_unit((3, 4), s)) for s in range(4)]
    maps[1] = maps[1].aef.quantize()
    cube = xr.concat([m.astype(np.float32) if m.dtype.kind == "f" else m for m in maps], "time").assign_coords(time=YEARS)
    got = _quiet(lambda: yearly_change(cube)).distance.values
    v = np.stack([_quiet(lambda m=m: as_embedding(m)).values.astype(np.float64) for m in maps])   # (T, y, x, 64)
    u = v / np.linalg.norm(v, axis=-1, keepdims=True)
    for t in range(4):
        m = u.sum(0) - u[t]
        m /= np.linalg.norm(m, axis=-1, keepdims=True)
        np.testing.assert_allclose(got[t], 1 - (u[t] * m).sum(-1), atol=1e-6)
