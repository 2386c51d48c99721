"""`regress` keeps the targets' precision: float32 targets (and narrower: int16, uint8) give float32 predictions,
targets float32 cannot hold (float64, int32, int64: elevations in mm, epoch seconds, UTM metres) float64 ones, their
digits kept through the fit and the kNN mean (they were cast to float32 first: a target of 1e6 + x lost everything
below 0.06). The same values as float32 or float64 give the same map."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.analysis import regress
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture(scope="module")
def e_w():
    e = embedding_from_array(random_unit((10, 10), seed=3))
    return e, np.random.default_rng(5).normal(size=64)


def _raster(e, v):
    return xr.DataArray(v, dims=("y", "x"), coords={"y": e.y, "x": e.x}, attrs={"crs": e.attrs["crs"]})


def test_float32_and_float64_targets_give_one_map(e_w):
    e, w = e_w
    v = (e.values.astype(np.float64) @ w + 3.0).astype(np.float32)   # values float32 holds exactly
    for m in ("linear", "knn"):
        p32 = regress(e, _raster(e, v), method=m, k=1)
        p64 = regress(e, _raster(e, v.astype(np.float64)), method=m, k=1)
        assert p32.dtype == np.float32 and p64.dtype == np.float64
        np.testing.assert_allclose(p64.values, p32.values, rtol=2e-6, atol=2e-6)
    assert regress(e, _raster(e, np.round(v * 100).astype(np.int16)), method="knn", k=1).dtype == np.float32


@pytest.mark.parametrize("offset", [1e6, 1.7e9])   # metres of a projected CRS, epoch seconds
def test_wide_targets_keep_their_digits(e_w, offset):
    e, w = e_w
    v = e.values.astype(np.float64) @ w
    t = offset + np.round(v, 2)                        # centimetres on a large offset
    knn = regress(e, _raster(e, t), method="knn", k=1)   # k = 1 at a labelled pixel: its own value
    assert knn.dtype == np.float64
    np.testing.assert_allclose(knn.values - offset, t - offset, atol=1e-6)
    lin = regress(e, _raster(e, offset + v), method="linear")   # 100 pixels, 65 unknowns: the plane itself
    np.testing.assert_allclose(lin.values - offset, v, atol=1e-4)
    ids = np.int64(2**40) + np.arange(100).reshape(10, 10)      # int64 ids: whole numbers beyond float32
    assert (regress(e, _raster(e, ids), method="knn", k=1).values == ids).all()


def test_table_and_lazy_maps_keep_the_dtype(e_w):
    e, _ = e_w
    yy, xx = np.meshgrid(e.y.values, e.x.values, indexing="ij")
    df = pd.DataFrame({"x": xx.ravel()[::7], "y": yy.ravel()[::7], "value": 1e6 + np.arange(15) / 100})
    p = regress(e, df, method="knn", k=1)
    assert p.dtype == np.float64
    np.testing.assert_allclose(p.values.ravel()[::7], df["value"].to_numpy(), rtol=0, atol=1e-9)
    lazy = regress(e.chunk({"y": 5}), df, method="knn", k=1)
    assert lazy.chunks is not None and lazy.dtype == np.float64
    np.testing.assert_array_equal(lazy.values, p.values)
    p32 = regress(e, df.astype({"value": np.float32}), method="knn", k=1)
    assert p32.dtype == np.float32
