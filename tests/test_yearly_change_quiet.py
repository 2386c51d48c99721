"""yearly_change of a lazy cube (official.open's) with pixels that have no data in some years computes without numpy's
'All-NaN slice encountered' RuntimeWarning. Was: yearly_change silenced it only while it built the dask graph, so
`.compute()` (the official-embeddings tutorial's `cube.aef.yearly_change().compute()`) showed the user a warning
from years.py about a median of the other years where a pixel had none. The values are the eager cube's."""
import warnings

import numpy as np
import xarray as xr

from alphaearth_nb.cubes import yearly_change
from alphaearth_nb.testing import embedding_from_array, random_unit

YEARS = [2022, 2023, 2024]


def _cube():
    maps = [embedding_from_array(random_unit((4, 5), s)) for s in range(3)]
    cube = xr.concat(maps, "time").assign_coords(time=YEARS)
    cube.attrs.pop("time", None)
    v = cube.values.copy()
    v[1:, 0, 0] = np.nan    # data in 2022 only
    v[:, 3, 4] = np.nan     # no data in any year
    v[0, 2, 2] = np.nan     # data in two years of three
    return cube.copy(data=v)


def test_a_lazy_cube_with_gaps_computes_without_a_runtime_warning():
    cube = _cube()
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        lazy = yearly_change(cube.chunk({"y": 2})).compute()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        eager = yearly_change(cube)
    for k in ("distance", "score", "max_score", "year_of_change"):
        np.testing.assert_array_equal(lazy[k].values, eager[k].values)
    assert np.isnan(lazy.score.values[:, 3, 4]).all() and np.isnan(lazy.max_score.values[3, 4])
    assert np.isnan(lazy.score.values[:, 0, 0]).all()   # one year alone: no other year to compare with


def test_the_score_is_the_distance_over_the_other_years_median_plus_floor():
    "By hand: a pixel with all three years, score = d_t / (spread_t + 0.02), spread_t the other two years' distance " \
    "to each other (each one's mean direction without t is the other: leave-one-out, session 55)."
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        out = yearly_change(_cube().chunk({"y": 2})).compute()
    d = out.distance.values[:, 1, 1].astype(np.float64)
    v = _cube().values[:, 1, 1].astype(np.float64)
    u = v / np.linalg.norm(v, axis=-1, keepdims=True)
    pair = lambda t: 1 - float(np.dot(*np.delete(u, t, axis=0)))   # the two other years against each other
    want = [d[t] / (pair(t) + 0.02) for t in range(3)]
    np.testing.assert_allclose(out.score.values[:, 1, 1], want, rtol=1e-5)
