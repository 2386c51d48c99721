"The embedding form: as_embedding, int8 quantisation, the official product's forms (xee, GeoTIFF)."
import importlib.util

import dask.array as dsa
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import DimensionError, DTypeError, MissingDependencyError, band_names
from alphaearth_nb.embeddings import (as_embedding, dequantize_embedding, from_official, quantize_embedding,
                                      read_official_tiff)
from alphaearth_nb.testing import embedding_from_array, official_tiff, random_unit


# --- quantisation -----------------------------------------------------------------------------------------------

def test_quantize_roundtrip_on_official_codes():
    codes = np.random.default_rng(0).integers(-127, 128, (5, 4, 64)).astype(np.int8)
    codes[1, 2] = -128
    q = embedding_from_array(codes)
    f = dequantize_embedding(q)
    assert f.dtype == np.float32 and f.dims == ("y", "x", "band")
    assert np.isnan(f.values[1, 2]).all() and np.isfinite(np.delete(f.values.reshape(-1, 64), 6, 0)).all()
    back = quantize_embedding(f)
    assert back.dtype == np.int8 and back.attrs["crs"] == "EPSG:32631"
    np.testing.assert_array_equal(back.values, codes)  # exact, NoData included
    np.testing.assert_array_equal(back.x.values, q.x.values)
    # the accessor and as_embedding dequantise int8 too
    np.testing.assert_array_equal(q.aef.dequantize().values, f.values)
    np.testing.assert_array_equal(as_embedding(q).values, f.values)


def test_quantize_rejects_int_and_dequantize_rejects_float(emb):
    with pytest.raises(DTypeError, match="already float"):
        dequantize_embedding(emb)
    with pytest.raises(DTypeError, match="already quantised"):
        quantize_embedding(quantize_embedding(emb))


# --- the official product ----------------------------------------------------------------------------------------

def _xee_like(e, dims, dtype=None):
    "A Dataset shaped like xee's output for the official collection: variables A00..A63 over `dims`."
    names = {"X": "x", "lon": "x", "x": "x", "Y": "y", "lat": "y", "y": "y"}
    a = e.expand_dims(time=[np.datetime64("2024-01-01", "ns")])
    data = {}
    for b in band_names():
        v = a.sel(band=b).rename({"x": [d for d in dims if names.get(d) == "x"][0], "y": [d for d in dims if names.get(d) == "y"][0]})
        data[b] = v.transpose(*dims).drop_vars("band")
    ds = xr.Dataset(data, attrs={"crs": "EPSG:32631", "system:index": "x"})
    return ds if dtype is None else ds.astype(dtype)


def test_from_official_xee_layouts_agree(emb):
    want = emb.values
    for dims in [("time", "X", "Y"), ("time", "lon", "lat"), ("time", "y", "x"), ("time", "x", "y")]:
        e = from_official(_xee_like(emb, dims))
        assert e.dims == ("y", "x", "band") and e.dtype == np.float32 and e.attrs["crs"] == "EPSG:32631", dims
        assert e.attrs["time"] == "2024-01-01T00:00:00"
        np.testing.assert_array_equal(e.values, want, err_msg=str(dims))
        np.testing.assert_array_equal(e.y.values, emb.y.values)
    # as_embedding on the Dataset converts the same way
    np.testing.assert_array_equal(as_embedding(_xee_like(emb, ("time", "X", "Y"))).values, want)


def test_from_official_geotiff_flipped_int8(emb):
    q = quantize_embedding(emb)
    want = dequantize_embedding(q).values
    # GeoTIFF as rioxarray reads the public mirror: (band, y, x), bands numbered 1..64, rows bottom-up, int8
    tif = q.transpose("band", "y", "x").isel(y=slice(None, None, -1)).assign_coords(band=np.arange(1, 65))
    tif.attrs = {"_FillValue": -128, "scale_factor": 1.0, "AREA_OR_POINT": "Area"}
    tif = tif.assign_coords(spatial_ref=xr.DataArray(0, attrs={"crs_wkt": "PROJCS[...32631...]"}))
    assert tif.y.values[1] > tif.y.values[0]
    e = from_official(tif)
    assert e.dims == ("y", "x", "band") and "_FillValue" not in e.attrs
    np.testing.assert_array_equal(e.values, want)
    np.testing.assert_array_equal(e.y.values, emb.y.values)
    # masked and scaled read: float32 codes with NaN; and an xee int8 Dataset: all the same
    masked = tif.where(tif != -128).astype(np.float32)
    np.testing.assert_array_equal(from_official(masked).values, want)
    np.testing.assert_array_equal(from_official(_xee_like(q, ("time", "X", "Y"))).values, want)
    # a lazy GeoTIFF stays lazy
    lazy = from_official(tif.chunk({"y": 4}))
    assert isinstance(lazy.data, dsa.Array)
    np.testing.assert_array_equal(lazy.values, want)


def test_from_official_errors(emb):
    ds = _xee_like(emb, ("time", "y", "x"))
    with pytest.raises(DimensionError, match="lacks bands"):
        from_official(ds.drop_vars("A07"))
    two = xr.concat([ds, ds.assign_coords(time=[np.datetime64("2025-01-01", "ns")])], "time")
    with pytest.raises(DimensionError, match="isel\\(time=0\\)"):
        from_official(two)
    with pytest.raises(DimensionError, match="64-long `band`"):
        from_official(emb.isel(band=slice(0, 3)))


def test_embedding_errors(emb):
    with pytest.raises(DimensionError, match="64-long `band` dimension"):
        emb.rename(band="c").aef.similarity(np.ones(64))


def test_read_official_tiff_flipped_mirror():
    emb = embedding_from_array(random_unit((4, 5), seed=3))
    emb[1, 1] = np.nan
    Y = emb.y.values
    q = quantize_embedding(emb)
    top_down = q.transpose("band", "y", "x").assign_coords(band=np.arange(1, 65))
    mirror = top_down.isel(y=slice(None, None, -1))  # bottom-up rows, y ascending
    a = read_official_tiff("a.tif", reader=lambda p, c: top_down)
    b = read_official_tiff("b.tif", reader=lambda p, c: mirror)
    np.testing.assert_array_equal(a.values, b.values)
    np.testing.assert_array_equal(b.y.values, Y)
    assert np.isnan(b.values[1, 1]).all()
    # a mirror file whose coordinates do not say it is flipped: flip=True
    wrong = mirror.assign_coords(y=Y)
    np.testing.assert_array_equal(read_official_tiff("c.tif", flip=True, reader=lambda p, c: wrong).values, a.values)


@pytest.mark.skipif(importlib.util.find_spec("rioxarray") is not None, reason="rioxarray is installed")
def test_missing_rioxarray_names_the_install():
    with pytest.raises(MissingDependencyError, match=r"pip install 'alphaearth_nb\[ee\]'"):
        read_official_tiff("x.tif")
