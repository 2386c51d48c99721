"""`composite_features` gives float32 on both paths (the embeddings' type; documented), computed in float64: a band
far from zero (1e7 + a spread of a few units: epoch seconds, UTM metres, offset DNs) standardises as float64 would
(it was cast to float32 first, so its z-scores came in steps of a whole unit of the band)."""
import numpy as np
import pandas as pd
import xarray as xr

from alphaearth_nb.features import composite_features


def _stack(v):
    t = pd.date_range("2024-01-01", periods=v.shape[0], freq="30D").values
    ds = xr.Dataset({"B": (("time", "y", "x"), v)}, coords={"time": t, "y": [25., 15., 5.], "x": [5., 15., 25., 35.]})
    return xr.DataTree.from_dict({"s": ds})


def test_both_paths_float32_and_standardised_in_float64():
    rng = np.random.default_rng(0)
    v = 1e7 + rng.normal(0, 2.0, (6, 3, 4))            # float64, spacing of float32 at 1e7: 1.0
    v[0, 0, 0] = np.nan
    raw, z = composite_features(_stack(v), standardize=False), composite_features(_stack(v))
    assert raw.dtype == z.dtype == np.float32
    with np.errstate(all="ignore"):
        p = np.moveaxis(np.nanpercentile(v, (10, 25, 50, 75, 90), axis=0), 0, -1)
    want = (p - p.mean((0, 1))) / p.std((0, 1))
    np.testing.assert_allclose(z.values, want, rtol=1e-5, atol=1e-5)
    np.testing.assert_array_equal(raw.values, p.astype(np.float32))   # raw units, float32 as documented
    small = composite_features(_stack((v - 1e7).astype(np.float32)))    # the same band without its offset
    np.testing.assert_allclose(z.values, small.values, rtol=1e-4, atol=1e-4)
