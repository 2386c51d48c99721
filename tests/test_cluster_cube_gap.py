"cluster of a cube: one set of centres for all its years, so an id means the same in each; a year of no data is -1."
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb import analysis
from alphaearth_nb.core import NoDataWarning
from alphaearth_nb.embeddings import quantize_embedding
from alphaearth_nb.testing import embedding_from_array, random_unit


def _assigned(emb, centres):
    v = np.asarray(emb.values, np.float64)
    return np.where(np.isfinite(v).all(-1), np.argmax(np.nan_to_num(v) @ centres.T, -1), -1)


def test_a_missing_year_is_no_data_not_an_attribute_error():
    """A 3-year cube whose 2020 is all NaN (a year not in the product): cluster raised AttributeError ('Dataset' object
    has no attribute 'dtype') while similarity and rgb gave that year NaN. Right: a NoDataWarning naming 2020, its
    `cluster` -1 everywhere, the other years assigned to the centres fitted on them."""
    es = [embedding_from_array(random_unit((4, 5), s)) for s in range(3)]
    es[1] = es[1] * np.nan
    cube = xr.concat(es, "time").assign_coords(time=[2019, 2020, 2021])
    with pytest.warns(NoDataWarning, match="cluster: no data for time 2020"):
        got = analysis.cluster(cube, 2)
    assert (got["cluster"].isel(time=1).values == -1).all() and got["cluster"].dtype.kind == "i"
    assert got["centres"].dims == ("cluster_id", "band") and np.isfinite(got["centres"].values).all()
    for i in (0, 2):
        np.testing.assert_array_equal(got["cluster"].isel(time=i).values, _assigned(es[i], got["centres"].values))


@pytest.mark.parametrize("quantised", [False, True])
def test_one_vector_has_one_cluster_in_every_year(quantised):
    """Fitted per year, cluster ids had no meaning across years: the fields unchanged from 2022 to 2023 (the southern
    half) came out under other ids in 2023, so a map per year compared like with unlike (as `rgb` per year did)."""
    a = random_unit((12, 10), seed=0)
    b = a.copy(); b[:6] = random_unit((6, 10), seed=5)   # 2023: the north new, the south as in 2022
    cube = xr.concat([embedding_from_array(a), embedding_from_array(b)], "time").assign_coords(
        time=pd.to_datetime(["2022-01-01", "2023-01-01"]))
    if quantised: cube = xr.concat([quantize_embedding(cube.isel(time=i)) for i in range(2)], "time")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = analysis.cluster(cube, 5, seed=1)["cluster"].values
    np.testing.assert_array_equal(got[0, 6:], got[1, 6:])


def test_cluster_fits_a_cube_on_the_pixels_rgb_fits():
    """cluster sampled a cube year by year and pooled the samples by a rule of its own, where rgb hands the cube to
    sample_pixels: two rules for 'fitted on all its years'. Now both fit on `sample_pixels(cube)`: the centres are
    those fitted on a map holding exactly those rows."""
    cube = xr.concat([embedding_from_array(random_unit((30, 20), s)) for s in range(2)], "time").assign_coords(
        time=[2022, 2023])
    x = analysis.sample_pixels(cube, 300, seed=3)
    assert len(x) == 300
    flat = embedding_from_array(x[:, None, :])   # (300, 1): sampled whole, in order, with no choice
    np.testing.assert_array_equal(analysis.sample_pixels(flat, len(x), seed=3), x)
    got = analysis.cluster(cube, 4, seed=3, max_samples=300)["centres"].values
    want = analysis.cluster(flat, 4, seed=3, max_samples=len(x))["centres"].values
    np.testing.assert_allclose(got, want, atol=1e-6)
