"""stackstac writes pixel top-left corners as x/y by default (`xy_coords='topleft'`) and keeps its affine in
`attrs['transform']`; taken as centres, every vector sat half a pixel off: a point 2 m from the centre of pixel
(2, 3) was looked up in (3, 4). The geotransform says the coordinates are corners: they are moved to the centres."""
import warnings

import numpy as np
import pandas as pd
import pytest
from affine import Affine

from alphaearth_nb.analysis import similarity
from alphaearth_nb.core import GridWarning, band_names
from alphaearth_nb.cubes import sample
from alphaearth_nb.embeddings import as_embedding, from_official
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture(scope="module")
def canon():
    return as_embedding(embedding_from_array(random_unit((5, 6), seed=14)))


def _stackstac(canon, topleft=True):
    "One year of the official product as `stackstac.stack` gives it: (time, band, y, x), float64, spec attrs."
    a = canon.transpose("band", "y", "x").values.astype(np.float64)[None]
    left, top = float(canon.x[0]) - 5, float(canon.y[0]) + 5
    shift = (-5.0, 5.0) if topleft else (0.0, 0.0)
    import xarray as xr
    return xr.DataArray(a, dims=("time", "band", "y", "x"),
                        coords={"time": pd.to_datetime(["2024-01-01"]), "band": band_names(),
                                "x": canon.x.values + shift[0], "y": canon.y.values + shift[1], "epsg": 32631},
                        attrs={"crs": "epsg:32631", "transform": Affine(10, 0, left, 0, -10, top), "resolution": 10.0})


def test_corner_coordinates_are_moved_to_the_centres(canon):
    st = _stackstac(canon)
    with pytest.warns(GridWarning, match="top-left corners"):
        e = as_embedding(st.isel(time=0))
    np.testing.assert_array_equal(e.x.values, canon.x.values); np.testing.assert_array_equal(e.y.values, canon.y.values)
    with pytest.warns(GridWarning, match="top-left corners"):
        f = from_official(st)
    np.testing.assert_allclose(f.values, canon.values, atol=1e-6); np.testing.assert_array_equal(f.x.values, canon.x.values)
    px, py = float(canon.x[3]) + 2, float(canon.y[2]) - 2   # 2 m from the centre of pixel (2, 3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        s = similarity(st, (px, py))
        v = sample(st.isel(time=0), pd.DataFrame({"x": [px], "y": [py]}), crs="EPSG:32631")
    assert float(s.isel(time=0)[2, 3]) == pytest.approx(1.0, abs=1e-6)
    np.testing.assert_allclose(v[band_names()].to_numpy(np.float64)[0], canon.values[2, 3], atol=1e-6)


def test_centres_and_resampled_grids_are_left_alone(canon):
    st = _stackstac(canon, topleft=False)                  # xy_coords='center'
    with warnings.catch_warnings():
        warnings.simplefilter("ignore"); warnings.filterwarnings("error", message=".*top-left corners")   # none
        e = as_embedding(st.isel(time=0))
        c = as_embedding(st.isel(time=0).coarsen(x=2, y=5, boundary="trim").mean())   # the old transform kept
    np.testing.assert_array_equal(e.x.values, canon.x.values)
    np.testing.assert_allclose(c.x.values, canon.x.values[:6].reshape(3, 2).mean(1))


def test_a_stackstac_label_raster_with_corners(canon):
    "A label raster read by stackstac (corners, its transform beside them): on the map's pixels; was half a pixel off."
    import xarray as xr
    from alphaearth_nb.analysis import classify
    from alphaearth_nb.evaluate import points_at
    L = np.random.default_rng(15).choice([10, 20, 30], size=canon.shape[:2]).astype(np.float64)
    left, top = float(canon.x[0]) - 5, float(canon.y[0]) + 5
    lab = xr.DataArray(L[None, None], dims=("time", "band", "y", "x"),
                       coords={"time": pd.to_datetime(["2021-01-01"]), "band": ["map"], "x": canon.x.values - 5,
                               "y": canon.y.values + 5, "epsg": 32631},
                       attrs={"crs": "epsg:32631", "transform": Affine(10, 0, left, 0, -10, top)})
    with pytest.warns(GridWarning, match="top-left corners"):
        c = classify(canon, lab, k=1)
    np.testing.assert_array_equal(c["class"].values, L.astype(np.int64))
    with pytest.warns(GridWarning, match="top-left corners"):
        X, y = points_at(canon, lab.squeeze(drop=True))
    np.testing.assert_allclose(X, canon.values.reshape(-1, 64), atol=1e-6); np.testing.assert_array_equal(y, L.ravel())
