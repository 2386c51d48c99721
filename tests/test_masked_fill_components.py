"""A GeoTIFF of official vectors that declares no data 0 (`gdal_translate -a_nodata 0`, QGIS' export), read by a masking
reader (rioxarray `masked=True`, `xr.open_dataset(tif, engine="rasterio")`, `band_as_variable` masked): the reader
masks value by value, so every component exactly 0 (int8 code 0; 0.1 to 0.7% of the official vectors in
../shared/data/aef_samples have one) became NaN and its pixel was refused as 'not an embedding vector' (warned when
eager, silent NaN when lazy). A pixel of no data is 0 in every band; the others are data, their masked components 0."""
import warnings

import numpy as np
import pytest
import xarray as xr

rioxarray = pytest.importorskip("rioxarray")
import rasterio
from rasterio.transform import from_origin

from alphaearth_nb.core import band_names
from alphaearth_nb.embeddings import as_embedding, from_official
from alphaearth_nb.gate import gate_vectors
from alphaearth_nb.quantize import dequantize, quantize
from alphaearth_nb.testing import random_unit

ZERO = [(1, 2), (3, 4), (4, 0)]   # pixels with a component exactly 0 (code 0)
EMPTY = (0, 0)                    # no data: 0 in every band


def _codes():
    v = random_unit((5, 6), seed=3)
    for k, (r, c) in enumerate(ZERO):   # one (two) components exactly 0, the rest rescaled to unit length
        v[r, c, [7 + k, 40]] = 0.0
        v[r, c] /= np.linalg.norm(v[r, c])
    q = np.asarray(quantize(v), np.int8)
    q[EMPTY] = 0
    return q


@pytest.fixture(scope="module", params=["int8", "float32"])
def tile(request, tmp_path_factory):
    q = _codes()
    want = np.asarray(dequantize(q), np.float32)
    want[EMPTY] = np.nan
    a = q if request.param == "int8" else np.where(np.isnan(want), 0, want).astype(np.float32)
    p = tmp_path_factory.mktemp("nodata0") / f"{request.param}.tif"
    with rasterio.open(p, "w", driver="GTiff", width=6, height=5, count=64, dtype=request.param, nodata=0,
                       crs="EPSG:32631", transform=from_origin(500_000, 5_000_050, 10, 10)) as f:
        f.write(np.moveaxis(a, -1, 0))
        for i, b in enumerate(band_names()): f.set_band_description(i + 1, b)
    return p, want


READERS = {"masked": lambda p: rioxarray.open_rasterio(p, masked=True),
           "masked lazy": lambda p: rioxarray.open_rasterio(p, masked=True, chunks={"x": 3, "y": 2}),
           "engine": lambda p: xr.open_dataset(p, engine="rasterio"),
           "band_as_variable": lambda p: rioxarray.open_rasterio(p, band_as_variable=True, masked=True),
           "unmasked": lambda p: rioxarray.open_rasterio(p)}


@pytest.mark.parametrize("read", list(READERS))
def test_components_at_the_fill_are_data(tile, read):
    p, want = tile
    for f in (from_official, as_embedding):
        with warnings.catch_warnings():
            warnings.simplefilter("error", UserWarning)   # nothing refused, nothing to warn
            e = f(READERS[read](p)).compute().transpose("y", "x", "band")
        got = e.values
        assert np.isnan(got[EMPTY]).all()
        for rc in ZERO: assert np.isfinite(got[rc]).all(), (f.__name__, rc)
        np.testing.assert_allclose(got, want, atol=1e-7)
        s = e.aef.similarity(e.isel(y=1, x=2)).values
        assert s[1, 2] == pytest.approx(1.0, abs=1e-6) and np.isnan(s[EMPTY]) and np.isfinite(s).sum() == 29


def test_a_damaged_pixel_stays_refused():
    "NaN components that 0 does not make a unit vector of (half the vector gone) are still no embedding."
    half = random_unit((), seed=5).astype(np.float32); half[:32] = np.nan   # half the components lost
    big = random_unit((), seed=6).astype(np.float32); big[5] = 0.9; big /= np.linalg.norm(big)
    big[5] = np.nan                    # one large component lost: 0 in its place leaves no unit vector
    out, bad = gate_vectors(np.stack([half, big]), fills=(0.0,))
    assert bad.all() and np.isnan(out).all()
