"""Stored floats packed CF-style (`scale_factor` / `add_offset` on a float variable) are unpacked as integers are, as
xarray's decoding does: the official product opened with xee carries `scale_factor` = the pixel size (10 m) in each
band's `encoding`, so `ds.to_zarr` / `ds.to_netcdf` store the vectors divided by 10; read back raw
(`mask_and_scale=False`, `decode_cf=False`) every pixel had length 0.1 and was refused (all NaN; silently when lazy)."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import band_names
from alphaearth_nb.embeddings import as_embedding, from_official
from alphaearth_nb.quantize import dequantize, quantize
from alphaearth_nb.testing import embedding_from_array, fake_official, random_unit


@pytest.fixture(scope="module")
def canon():
    v = dequantize(quantize(random_unit((5, 6), seed=3)))   # official vectors lie on the int8 grid
    v[1, 2] = np.nan
    return as_embedding(embedding_from_array(v))


def _xee_written(canon, path, fmt):
    ds = fake_official(canon)                                # (time, X, Y), A00..A63
    ds = ds.assign({b: ds[b].astype(np.float64) for b in band_names()})
    for b in band_names():                                   # what xee puts in each band's encoding
        ds[b].encoding = {"scale_factor": 10.0, "dtype": np.dtype("float64")}
    if fmt == "zarr": ds.to_zarr(path, zarr_format=2, consolidated=True)
    else: ds.to_netcdf(path)
    return path


@pytest.mark.parametrize("fmt, lazy", [("zarr", True), ("zarr", False), ("nc", False)])
def test_xee_written_read_raw(canon, tmp_path, fmt, lazy):
    p = _xee_written(canon, tmp_path / f"e.{fmt}", fmt)
    ds = xr.open_zarr(p, mask_and_scale=False) if fmt == "zarr" else xr.open_dataset(p, decode_cf=False)
    assert ds["A00"].attrs["scale_factor"] == 10.0 and abs(float(ds["A00"].max())) < 0.2   # stored: vectors / 10
    if not lazy: ds = ds.load()
    for e in (from_official(ds), as_embedding(ds)):
        e = e.compute()
        assert e.dims == ("y", "x", "band") and "scale_factor" not in e.attrs
        np.testing.assert_array_equal(np.isnan(e.values), np.isnan(canon.values))   # the one pixel of no data only
        np.testing.assert_allclose(e.values, canon.values, atol=1e-6)


def test_packed_float_dataarray_and_decoded_alike(canon):
    raw = canon.copy(data=canon.values / 4.0 - 0.25).assign_attrs(scale_factor=4.0, add_offset=1.0)   # v = 4 s + 1
    np.testing.assert_allclose(as_embedding(raw).values, canon.values, atol=1e-6)
    dec = canon.copy()                                     # decoded: packing in encoding only, values as they are
    dec.encoding.update(scale_factor=4.0, add_offset=1.0)
    np.testing.assert_allclose(as_embedding(dec).values, canon.values, atol=1e-6)
