"Mends of the session-18 review: each test holds the right value the reviewed code got wrong."
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import EMBED_DIM, band_names
from alphaearth_nb.embeddings import as_embedding, from_official
from alphaearth_nb.features import points_at
from alphaearth_nb.testing import random_unit


def _described_tiff(h=4, w=5, seed=0):
    "A GeoTIFF as rioxarray reads it: bands 1..64, descriptions A63..A00 (file band i holds A(63 - i))."
    v = random_unit((h, w), seed=seed)                                # (h, w, 64) in the order A00..A63
    da = xr.DataArray(np.moveaxis(v[..., ::-1], -1, 0), dims=("band", "y", "x"),
                      coords={"band": np.arange(1, EMBED_DIM + 1), "y": 100.0 - 10 * np.arange(h),
                              "x": 10.0 * np.arange(w)},
                      attrs={"long_name": tuple(f"A{EMBED_DIM - 1 - i:02d}" for i in range(EMBED_DIM))})
    return da, v


def test_band_descriptions_order_bands_in_as_embedding_as_in_from_official():
    da, v = _described_tiff()
    for e in (as_embedding(da), from_official(da), as_embedding(as_embedding(da))):
        assert list(e.band.values) == band_names()
        np.testing.assert_allclose(e.transpose("y", "x", "band").values, v, atol=1e-6)


def test_band_descriptions_order_bands_in_points_at():
    da, v = _described_tiff()
    lab = xr.DataArray(np.arange(20).reshape(4, 5) % 3, dims=("y", "x"), coords={"y": da.y, "x": da.x})
    X, y = points_at(da, lab)
    np.testing.assert_allclose(X, v.reshape(-1, EMBED_DIM), atol=1e-6)
