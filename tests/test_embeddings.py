"The embedding form: as_embedding, int8 quantisation, the official product's forms (xee, GeoTIFF)."
import importlib.util
import warnings

import dask.array as dsa
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import (EMBED_DIM, DimensionError, DTypeError, GridError, GridWarning, MissingDependencyError,
                               NoDataWarning, UnitsWarning, band_names)
from alphaearth_nb.embeddings import (as_embedding, dequantize_embedding, from_official, quantize_embedding,
                                      read_official_tiff)
from alphaearth_nb.geo import crs_of
from alphaearth_nb.quantize import NODATA, dequantize, quantize
from alphaearth_nb.testing import embedding_from_array, fake_official, official_tiff, random_unit


# --- quantisation -----------------------------------------------------------------------------------------------

def test_quantize_roundtrip_on_official_codes():
    codes = np.asarray(quantize(random_unit((5, 4), seed=0)))  # the codes of unit vectors (the gate refuses others)
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
    q = quantize_embedding(emb)                       # an int8 map in the official form is its own codes (1ee93ef)
    again = quantize_embedding(q)
    assert again.dtype == np.int8 and np.array_equal(again.values, q.values)


# --- the official product ----------------------------------------------------------------------------------------

def _xee_like(e, dims, dtype=None):
    "A Dataset shaped like xee's output for the official collection: variables A00..A63 over `dims`."
    names = {"X": "x", "lon": "x", "x": "x", "Y": "y", "lat": "y", "y": "y"}
    a = e.expand_dims(time=[np.datetime64("2024-01-01", "ns")])
    data = {}
    for b in band_names():
        xd, yd = ([d for d in dims if names.get(d) == k][0] for k in ("x", "y"))
        v = a.sel(band=b).rename({"x": xd, "y": yd})
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
    tiles = xr.concat([ds, ds.assign_coords(time=[np.datetime64("2024-07-01", "ns")])], "time")   # two of 2024
    with pytest.raises(DimensionError, match="2 images of 2024.*mosaic"):
        from_official(tiles)
    with pytest.raises(DimensionError, match="without dates or years"):
        from_official(tiles.drop_vars("time"))
    with pytest.raises(DimensionError, match="64-long `band`"):
        from_official(emb.isel(band=slice(0, 3)))


def test_case_A19_official_product_over_several_years_is_a_cube():
    "xee over 2023-2024 (one image per year): the cube (time, y, x, band), each year its own vectors (was refused)."
    v23, v24 = random_unit((4, 5), seed=23), random_unit((4, 5), seed=24)
    v24[1, 2] = np.nan                                                                  # a pixel masked in 2024 only
    e = embedding_from_array(v23)
    ds = xr.concat([fake_official(e, time="2023-01-01"), fake_official(e.copy(data=v24), time="2024-01-01")], "time")
    cube = from_official(ds)
    assert cube.dims == ("time", "y", "x", "band") and "time" not in cube.attrs
    np.testing.assert_array_equal(cube.time.values, np.array(["2023-01-01", "2024-01-01"], "datetime64[ns]"))
    np.testing.assert_array_equal(cube.values[0], v23)
    np.testing.assert_array_equal(cube.values[1], v24)
    s = cube.aef.similarity(v24[2, 3]).values                                           # per year, as any cube
    assert abs(s[1, 2, 3] - 1.0) < 1e-12 and np.isnan(s[1, 1, 2]) and not np.isnan(s[0, 1, 2])  # float64 (a7f27aa)
    np.testing.assert_allclose(s[0], np.einsum("yxc,c->yx", v23.astype(np.float64), v24[2, 3]), rtol=1e-5, atol=1e-6)
    q = from_official(xr.concat([fake_official(e.aef.quantize(), time=t) for t in ("2023-01-01", "2024-01-01")], "time"),
                      dequantize=False)                                                 # int8 codes kept per year
    assert q.dtype == np.int8 and q.dims == ("time", "y", "x", "band")
    with pytest.raises(DimensionError, match="holds 2 years.*from_official"):
        as_embedding(ds)                                                                # one map: a year picked
    by_int = from_official(ds.assign_coords(time=[2023, 2024]))                         # years as numbers
    assert by_int.time.values.tolist() == [2023, 2024]
    np.testing.assert_array_equal(by_int.values, cube.values)
    cf = pytest.importorskip("cftime")
    by_cf = from_official(ds.assign_coords(time=[cf.DatetimeNoLeap(y, 7, 1) for y in (2023, 2024)]))  # cftime dates
    np.testing.assert_array_equal(by_cf.values, cube.values)
    one = from_official(fake_official(e).assign_coords(time=[cf.DatetimeNoLeap(2024, 1, 1)]))   # one year, cftime
    assert one.attrs["time"] == "2024-01-01 00:00:00"                                   # was a raw AttributeError


def test_embedding_errors(emb):
    with pytest.raises(DimensionError, match="64-long `band` dimension"):   # unlabelled: not taken on a guess
        emb.rename(band="c").drop_vars("c").aef.similarity(np.ones(64))


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


# --- issue 11, kind A: one validity gate for embedding vectors (../shared/cases/README.md) ------------------------

def _xee_float(vec, fill_pixels=(), fill=2147483647.0, **attrs):
    "An xee-shaped Dataset A00..A63 (float32) of `vec` (H, W, 64), with `fill` in every band at `fill_pixels`."
    v = vec.copy()
    for r, c in fill_pixels: v[r, c] = fill
    return fake_official(embedding_from_array(v)).assign_attrs(**attrs)


def test_case_A1_huge_integer_fill_in_float_bands():
    vec = random_unit((8, 6), seed=11)
    bad = [(0, 0), (3, 2), (5, 5), (7, 1)]
    with pytest.warns(NoDataWarning, match="4 of 48 pixels are not embedding vectors"):
        e = from_official(_xee_float(vec, bad))
    for r, c in bad: assert np.isnan(e.values[r, c]).all()
    keep = np.ones((8, 6), bool)
    keep[tuple(np.array(bad).T)] = False
    np.testing.assert_array_equal(e.values[keep], vec[keep])  # the 44 others unchanged


@pytest.mark.parametrize("fill", [2147483647.0, 65535.0, -9999.0, 1e20, np.inf, -32768.0])
def test_other_undeclared_fill_values_are_no_data(fill):
    vec = random_unit((4, 5), seed=12)
    with pytest.warns(NoDataWarning, match="2 of 20"):
        e = from_official(_xee_float(vec, [(0, 1), (2, 3)], fill=fill))
    assert np.isnan(e.values[0, 1]).all() and np.isnan(e.values[2, 3]).all()
    assert np.isfinite(e.values[1]).all()


def test_case_A2_declared_float_fill_value():
    vec = random_unit((4, 5), seed=13)
    vec[[0, 2, 3], [1, 4, 0]] = -1.0
    tif = embedding_from_array(vec).transpose("band", "y", "x").rename(None).assign_attrs(_FillValue=-1.0)
    for obj in (tif, tif.transpose("y", "x", "band")):  # from_official and as_embedding honour it alike
        e = (from_official if obj.dims[0] == "band" else as_embedding)(obj)
        assert np.isnan(e.values[[0, 2, 3], [1, 4, 0]]).all()
        assert np.isfinite(e.values).all(-1).sum() == 17
        assert "_FillValue" not in e.attrs


@pytest.mark.parametrize("dtype,scale,offset,fill", [("int16", 1e-4, 0.0, -32768), ("int16", 2e-5, 0.1, -9999),
                                                      ("uint16", 1 / 30000, -1.0, 65535)])
def test_cf_packed_integers_are_unpacked(dtype, scale, offset, fill):
    "A float embedding packed CF-style and read without decoding (`mask_and_scale=False`): values, fill NaN (kind A)."
    vec = random_unit((4, 5), seed=15)
    p = np.round((vec - offset) / scale).astype(dtype)
    p[1, 2] = fill
    da = embedding_from_array(p).assign_attrs(scale_factor=scale, add_offset=offset, _FillValue=fill)
    tif = da.transpose("band", "y", "x").rename(None)
    ds = da.to_dataset("band")
    for b in ds.data_vars: ds[b].attrs = dict(da.attrs)   # an xee/netCDF Dataset declares it per variable
    for e in (as_embedding(da), from_official(tif), from_official(ds), as_embedding(ds)):
        assert e.dtype == np.float32 and "scale_factor" not in e.attrs
        assert np.isnan(e.values[1, 2]).all() and np.isfinite(e.values).all(-1).sum() == 19
        np.testing.assert_allclose(e.values[0], vec[0], atol=abs(scale))
    s = da.aef.similarity(embedding_from_array(vec).isel(y=0, x=0)).values
    assert abs(s[0, 0] - 1) < 1e-3 and np.isnan(s[1, 2])
    assert as_embedding(embedding_from_array(vec).assign_attrs(scale_factor=1.0, add_offset=0.0)).identical(
        as_embedding(embedding_from_array(vec)))   # scale 1, offset 0 (rioxarray's default attrs): as it is


def test_fill_in_some_bands_is_data_fill_in_all_is_no_data():
    vec = random_unit((3, 4), seed=31)
    vec[0, 0, 5] = 0.0; vec[0, 0] /= np.linalg.norm(vec[0, 0])  # a valid unit vector with one component 0 (code 0)
    vec[1, 1] = 0.0                                            # the fill in every band: no data, silently
    vec[2, 2, :32] = 0.0                                       # the fill in half the bands: not a unit vector
    da = embedding_from_array(vec).assign_attrs(_FillValue=0.0)
    with pytest.warns(NoDataWarning, match="1 of 12"):
        e = as_embedding(da)
    np.testing.assert_array_equal(e.values[0, 0], vec[0, 0])
    assert np.isnan(e.values[1, 1]).all() and np.isnan(e.values[2, 2]).all()
    assert np.isfinite(e.values).all(-1).sum() == 10


@pytest.mark.parametrize("where,key,fill", [("attrs", "_FillValue", -9999.0), ("attrs", "missing_value", -9999.0),
                                            ("attrs", "nodata", 0.5), ("encoding", "_FillValue", -2.0),
                                            ("attrs", "nodatavals", (-3.0,))])
def test_other_declared_fill_conventions(where, key, fill):
    vec = random_unit((3, 3), seed=14)
    vec[1, 1] = fill if np.ndim(fill) == 0 else fill[0]
    da = embedding_from_array(vec)
    getattr(da, where)[key] = fill
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # declared no-data is silent
        e = as_embedding(da)
    assert np.isnan(e.values[1, 1]).all() and np.isfinite(e.values).all(-1).sum() == 8


def test_case_A3_all_zero_vectors_are_no_data():
    vec = random_unit((6, 6), seed=15)
    zero = [(0, 0), (1, 3), (2, 2), (4, 5), (5, 0), (5, 5)]
    for r, c in zero: vec[r, c] = 0.0
    with pytest.warns(NoDataWarning, match="6 of 36"):
        e = as_embedding(embedding_from_array(vec))
    assert np.isnan(e.values[tuple(np.array(zero).T)]).all() and np.isfinite(e.values).all(-1).sum() == 30


def test_codes_read_as_float_and_int_codes_with_other_fills():
    vec = random_unit((4, 4), seed=16)
    q = np.asarray(quantize(vec))
    q[0, 0] = -128
    want = dequantize_embedding(embedding_from_array(q)).values
    as_float = embedding_from_array(q.astype(np.float32))  # rioxarray with mask_and_scale=False then astype
    masked = embedding_from_array(np.where(q == -128, np.nan, q).astype(np.float32))
    masked.encoding["dtype"] = np.dtype("int8")  # what rioxarray records with mask_and_scale=True
    for obj in (as_float, masked):
        np.testing.assert_array_equal(as_embedding(obj).values, want)
    q16 = q.astype(np.int16)
    q16[1, 1] = 999  # an int16 file with a declared fill outside int8
    e = as_embedding(embedding_from_array(q16).assign_attrs(_FillValue=999))
    assert np.isnan(e.values[1, 1]).all() and np.isnan(e.values[0, 0]).all()
    assert np.isfinite(e.values).all(-1).sum() == 14


def test_gate_is_lazy_for_dask_input():
    vec = random_unit((6, 4), seed=17)
    vec[2, 2] = 0.0
    lazy = embedding_from_array(vec).chunk({"y": 3})
    e = as_embedding(lazy)
    assert isinstance(e.data, dsa.Array)
    assert np.isnan(e.values[2, 2]).all() and np.isfinite(e.values).all(-1).sum() == 23


def test_quantize_of_a_map_with_fill_values_writes_nodata_codes():
    vec = random_unit((3, 3), seed=18)
    vec[0, 0] = 2147483647.0
    with pytest.warns(NoDataWarning, match="1 of 9"):
        q = quantize_embedding(embedding_from_array(vec))
    assert (q.values[0, 0] == -128).all() and (q.values[1:] != -128).all()


# --- issue 11, kind B: the flip keeps coordinates right ----------------------------------------------------------

def test_case_B1_flip_keeps_coordinates_right():
    emb = embedding_from_array(random_unit((5, 4), seed=19))
    q = quantize_embedding(emb)
    stored = official_tiff(q, bottom_up=False).isel(y=slice(None, None, -1)).assign_coords(y=emb.y.values)
    assert stored.y.values[0] > stored.y.values[1]  # labels north-first over south-first rows
    e = read_official_tiff("t.tif", flip=True, reader=lambda p, c: stored)
    np.testing.assert_array_equal(e.y.values, emb.y.values)  # y still descending
    want = dequantize_embedding(q)
    for y in emb.y.values:
        for x in emb.x.values:
            np.testing.assert_array_equal(e.sel(y=y, x=x).values, want.sel(y=y, x=x).values)
    # the mirror's own layout (rows and labels both south-first) needs no flag and gives the same
    np.testing.assert_array_equal(read_official_tiff("m.tif", reader=lambda p, c: official_tiff(q)).values, e.values)


def test_outputs_carry_spatial_ref_for_rio_and_odc():
    pytest.importorskip("rioxarray")
    pytest.importorskip("odc.geo.xr")  # registers .odc
    e = as_embedding(embedding_from_array(random_unit((3, 4), seed=20)))
    assert e.rio.crs.to_epsg() == 32631 and e.odc.crs.epsg == 32631
    assert "spatial_ref" in e.coords and e.attrs["crs"] == "EPSG:32631"


# --- kind B1: flip=True can never turn a tile south-up ---------------------------------------------------------

def _with_transform(t, e):
    "`t` as rioxarray reads it: a `spatial_ref` with the GDAL geotransform whose pixel height is `e`."
    y0 = float(t.y.max()) + 5 if e < 0 else float(t.y.min()) - 5
    gt = f"{float(t.x.min()) - 5} 10.0 0.0 {y0} 0.0 {e}"
    return t.assign_coords(spatial_ref=xr.DataArray(0, attrs={"crs_wkt": "EPSG:32631", "GeoTransform": gt}))


def _same_vectors_at_same_places(e, want):
    assert (np.diff(e.y.values) < 0).all()                          # north-up
    np.testing.assert_array_equal(e.y.values, want.y.values)
    np.testing.assert_array_equal(e.values, want.values)            # every vector under its own coordinates


def test_case_B1_flip_under_a_north_up_geotransform_is_obeyed_loudly():
    "Field case B1 as a GeoTIFF: rows written south-first under a north-up geotransform; flip=True mends it, warned."
    emb = embedding_from_array(random_unit((5, 4), seed=40))
    q = quantize_embedding(emb)
    north = _with_transform(official_tiff(q, bottom_up=False), -10.0)
    _same_vectors_at_same_places(read_official_tiff("n.tif", reader=lambda p, c: north), dequantize_embedding(q))
    upside = _with_transform(north.isel(y=slice(None, None, -1)).assign_coords(y=north.y.values), -10.0)
    with pytest.warns(GridWarning, match="flag wins"):
        got = read_official_tiff("u.tif", flip=True, reader=lambda p, c: upside)
    _same_vectors_at_same_places(got, dequantize_embedding(q))
    with pytest.warns(GridWarning, match="flag wins"):  # a truly north-up tile: turned, but never silently
        read_official_tiff("n.tif", flip=True, reader=lambda p, c: north)


@pytest.mark.parametrize("flip", [None, False, True])
def test_case_B1_flip_agrees_with_a_south_up_file(flip):
    "Rows south-first with ascending y (the reader honoured the geotransform): flip or not, the same north-up map."
    emb = embedding_from_array(random_unit((5, 4), seed=41))
    q = quantize_embedding(emb)
    for t in (official_tiff(q), _with_transform(official_tiff(q), 10.0)):
        _same_vectors_at_same_places(read_official_tiff("s.tif", flip=flip, reader=lambda p, c: t),
                                     dequantize_embedding(q))


def test_case_B1_south_up_geotransform_under_descending_labels():
    """Labels written north-first over south-first rows beside a south-up geotransform: flip=True mends it, warned
    (the same layout is a bottom-up tile turned north-up in xarray, whose rows are right: tests/test_geotransform_sign);
    without the flag the labels place the rows, silently."""
    emb = embedding_from_array(random_unit((5, 4), seed=42))
    q = quantize_embedding(emb)
    stored = official_tiff(q, bottom_up=False).isel(y=slice(None, None, -1)).assign_coords(y=emb.y.values)
    stored = _with_transform(stored, 10.0)
    with pytest.warns(GridWarning, match="flag's word alone"):
        got = read_official_tiff("t.tif", flip=True, reader=lambda p, c: stored)
    _same_vectors_at_same_places(got, dequantize_embedding(q))
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)
        plain = read_official_tiff("t.tif", reader=lambda p, c: stored)
    np.testing.assert_array_equal(plain.values, got.values[::-1])


def test_case_B1_real_geotiffs(tmp_path):
    rasterio = pytest.importorskip("rasterio")
    pytest.importorskip("rioxarray")
    from rasterio.transform import Affine
    emb = embedding_from_array(random_unit((3, 4), seed=43))
    codes = np.asarray(quantize_embedding(emb).transpose("band", "y", "x").values)
    want = dequantize_embedding(quantize_embedding(emb)).values
    x0, ytop = float(emb.x[0]) - 5, float(emb.y[0]) + 5
    for name, tr, rows in (("n.tif", Affine(10, 0, x0, 0, -10, ytop), codes),
                           ("s.tif", Affine(10, 0, x0, 0, 10, ytop - 30), codes[:, ::-1])):
        with rasterio.open(tmp_path / name, "w", driver="GTiff", height=3, width=4, count=64, dtype="int8",
                           crs="EPSG:32631", transform=tr, nodata=-128) as f:
            f.write(np.ascontiguousarray(rows))
        e = read_official_tiff(tmp_path / name)
        np.testing.assert_allclose(e.y.values, emb.y.values); np.testing.assert_array_equal(e.values, want)
    np.testing.assert_array_equal(read_official_tiff(tmp_path / "s.tif", flip=True).values, want)
    with pytest.warns(GridWarning, match="flag wins"):  # B1: south-first rows under a north-up geotransform
        got = read_official_tiff(tmp_path / "n.tif", flip=True)
    np.testing.assert_array_equal(got.values, want[::-1])


def test_case_B1_flip_without_a_geotransform_is_taken_at_its_word_loudly():
    "No geotransform: a north-up tile and an upside-down one look the same; the flag decides, never silently."
    emb = embedding_from_array(random_unit((5, 4), seed=44))
    q = quantize_embedding(emb)
    stored = official_tiff(q, bottom_up=False).isel(y=slice(None, None, -1)).assign_coords(y=emb.y.values)
    with pytest.warns(GridWarning, match="flag's word alone"):
        e = read_official_tiff("t.tif", flip=True, reader=lambda p, c: stored)
    _same_vectors_at_same_places(e, dequantize_embedding(q))
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # the reader's own layouts need no flag and raise no warning
        read_official_tiff("n.tif", reader=lambda p, c: official_tiff(q, bottom_up=False))
        read_official_tiff("m.tif", flip=True, reader=lambda p, c: official_tiff(q))


def _codes_with_gap(shape, seed, gap):
    "Official int8 codes of random unit vectors with the no-data code at pixel `gap`, and their dequantised floats."
    codes = np.asarray(quantize(random_unit(shape, seed=seed)), np.int8)
    codes[gap] = NODATA
    return codes, dequantize(codes)


def _official_tif(path, codes, order=None, descriptions=True):
    "An int8 (band, y, x) GeoTIFF of `codes` (y, x, 64); band i holds A{order[i]}, described as such when asked."
    rasterio = pytest.importorskip("rasterio")
    order = list(range(EMBED_DIM)) if order is None else list(order)
    prof = dict(driver="GTiff", width=codes.shape[1], height=codes.shape[0], count=EMBED_DIM, dtype="int8",
                crs="EPSG:32631", transform=rasterio.Affine(10, 0, 500_000, 0, -10, 5_000_000), nodata=-128)
    with rasterio.open(path, "w", **prof) as d:
        d.write(np.moveaxis(codes[..., order], -1, 0))
        if descriptions: d.descriptions = tuple(f"A{i:02d}" for i in order)
    return path


def test_an_embedding_held_as_a_dataset_by_other_readers(tmp_path):
    "xr.open_dataset(engine='rasterio') (`band_data`), band_as_variable (band_1..band_64), a netCDF written by xarray."
    rioxarray = pytest.importorskip("rioxarray")
    from alphaearth_nb.analysis import similarity
    codes, want = _codes_with_gap((5, 7), 4, (1, 2))
    p = _official_tif(tmp_path / "a.tif", codes)
    pt = (500_035.0, 4_999_975.0)                       # column 3, row 2
    ref = similarity(read_official_tiff(p), pt)
    for ds in (xr.open_dataset(p, engine="rasterio"), xr.open_dataset(p, engine="rasterio", mask_and_scale=False),
               rioxarray.open_rasterio(p, band_as_variable=True)):
        e = as_embedding(ds)
        np.testing.assert_array_equal(e.values, want)
        assert crs_of(e) == "EPSG:32631"
        np.testing.assert_allclose(similarity(ds, pt).values, ref.values, atol=1e-6)
        np.testing.assert_array_equal(from_official(ds).values, want)
    # band_1..band_64 sorted by number (band_10 after band_9), or by their descriptions where the file has them
    perm = np.random.default_rng(0).permutation(EMBED_DIM)
    for order, desc in ((None, False), (perm, True)):
        q = _official_tif(tmp_path / f"b{desc}.tif", codes, order, desc)
        np.testing.assert_array_equal(as_embedding(rioxarray.open_rasterio(q, band_as_variable=True)).values, want)
    # a netCDF written from an embedding keeps `spatial_ref` as a variable: the CRS comes along
    nc = tmp_path / "e.nc"
    read_official_tiff(p).to_netcdf(nc)
    with xr.open_dataset(nc) as ds:
        e = as_embedding(ds)
        assert crs_of(e) == "EPSG:32631" and np.array_equal(e.values, want, equal_nan=True)
    with pytest.raises(DimensionError, match="band_1..band_64"):
        as_embedding(xr.Dataset({"a": (("y", "x"), np.zeros((2, 2))), "b": (("y", "x"), np.zeros((2, 2)))}))


# --- FINDINGS A (session 17): a mean of embeddings is rescaled, by the map's gate as by the query's -----------------

def _means_map():
    "A 2 x 3 map: a hand-made mean (0.6 e0 + 0.6 e1, length 0.849), 0.9 u, then impossible lengths in a row."
    u = random_unit((6,), seed=31)
    v = np.zeros((2, 3, EMBED_DIM), np.float32)
    v[0, 0, :2] = 0.6                              # -> (e0 + e1) / sqrt(2): 0.70710677 in bands 0 and 1
    v[0, 1] = 0.9 * u[1]                           # -> u[1]
    v[0, 2] = u[2]                                 # a unit vector: as it is
    v[1, 0] = 1.7 * u[3]                           # longer than any mean or cubic warp of unit vectors (1.5625): none
    v[1, 1] = 0.1 * u[4]                           # below MEAN_LENGTH: too short to be a mean of embeddings
    v[1, 2] = -1.0                                 # 64 x -1 (length 8): a fill value
    return embedding_from_array(v), u


def test_mean_of_embeddings_is_rescaled_with_one_warning_impossible_lengths_stay_no_data():
    e, u = _means_map()
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        g = as_embedding(e)
    msgs = [str(x.message) for x in w]
    means = [m for m in msgs if "averaging" in m]
    assert len(means) == 1 and means[0].startswith("2 of 6 pixel(s) of length [0.85..0.90]") and "coarsen" in means[0]
    assert len([m for m in msgs if "fill value" in m and m.startswith("3 of 6 pixels")]) == 1
    np.testing.assert_allclose(g.values[0, 0, :2], [0.70710677] * 2, atol=1e-7)
    assert not g.values[0, 0, 2:].any()
    np.testing.assert_allclose(g.values[0, 1], u[1], atol=1e-6)
    np.testing.assert_array_equal(g.values[0, 2], u[2])
    assert np.isnan(g.values[1]).all()
    lazy = as_embedding(e.chunk({"y": 1}))          # dask: the same rule, computed later
    np.testing.assert_array_equal(lazy.values, g.values)


def test_mean_rule_is_the_same_for_map_and_query():
    "A4's one gate: the mean a map pixel holds and the same vector as a query become the same unit vector."
    from alphaearth_nb.embeddings import gate_query
    e, _ = _means_map()
    g = as_embedding(e.isel(y=[0]))
    for r in range(2):
        with pytest.warns(UnitsWarning, match=r"length \[0\.\d\d\].*averaging"):
            q = gate_query(e.values[0, r])
        np.testing.assert_allclose(q[0], g.values[0, r], atol=1e-7)


def test_what_is_not_a_mean_is_held_to_length_one():
    "A pixel with half its bands at the declared fill: refused as before."
    u = random_unit((2,), seed=32)
    v = u.copy(); v[1, 32:] = 0.0                    # a partial fill (length ~0.7), _FillValue 0 declared
    with pytest.warns(NoDataWarning, match="1 of 2 pixels are not embedding vectors"):
        g = as_embedding(embedding_from_array(v.reshape(1, 2, EMBED_DIM)).assign_attrs(_FillValue=0.0))
    assert np.isnan(g.values[0, 1]).all() and np.isfinite(g.values[0, 0]).all()


def test_int8_codes_of_a_mean_length_are_means():
    """Int8 codes of a short vector (length 0.5) are what a bilinear or average warp of an official tile gives
    (averaged codes): rescaled as float means are, with the warning naming the fix (dequantise first). Were refused
    as 'not embedding vectors' with a hint at the fill value (43 of 50 pixels of a bilinear warp)."""
    u = random_unit((2,), seed=32)
    codes = np.asarray(quantize(u * np.array([[1.0], [0.5]])), np.int8)
    with pytest.warns(UnitsWarning, match="1 of 2 pixel.*int8 codes averaged by resampling.*dequantise before"):
        g = as_embedding(embedding_from_array(codes.reshape(1, 2, EMBED_DIM)))
    assert np.isfinite(g.values).all() and abs(np.linalg.norm(g.values[0, 1]) - 1) < 1e-6
    assert float(g.values[0, 1] @ u[1]) > 0.99


def test_bilinear_warp_of_an_official_tile_keeps_its_pixels():
    "`rio.reproject(..., resampling=bilinear)` of the int8 tile: its mixed pixels rescaled, none refused."
    pytest.importorskip("rioxarray")
    from rasterio.enums import Resampling
    from alphaearth_nb.embeddings import from_official
    from alphaearth_nb.testing import official_tiff
    v = random_unit((6, 7), seed=33)
    q = embedding_from_array(quantize(v))
    t = official_tiff(q, bottom_up=False).rio.write_crs("EPSG:32631").rio.write_nodata(-128)
    for w in (t.rio.reproject("EPSG:32631", resolution=20, resampling=Resampling.average),
              t.rio.reproject("EPSG:4326", resampling=Resampling.bilinear)):
        assert w.dtype == np.int8
        with pytest.warns(UnitsWarning, match="int8 codes averaged by resampling"):
            e = from_official(w)
        ok = (w != -128).all("band").values               # every pixel the warp gave data
        assert ok.sum() >= 10 and np.isfinite(e.values[ok]).all()


def test_coarsened_and_interpolated_real_maps_keep_every_pixel(shared_data):
    "FINDINGS A: a 2 x 2 mean of 64 Amazon forest vectors lost 14 of 16 pixels; a bilinear .interp most of its own."
    import pandas as pd
    from alphaearth_nb.analysis import similarity
    df = pd.read_csv(next((shared_data / "aef_samples").glob("*amazon_forest*.csv")))
    trees = df[band_names()].to_numpy(np.float32)[df.dw_label.to_numpy() == 1][:64]
    e = embedding_from_array(trees.reshape(8, 8, EMBED_DIM))
    c = e.coarsen(y=2, x=2).mean()
    n = np.linalg.norm(c.values, axis=-1)
    short = int((n < 1 - 0.023).sum())
    assert short >= 8 and n.min() > 0.8       # the finding's map: lengths 0.89..0.98
    with pytest.warns(UnitsWarning, match=f"{short} of 16 pixel.*averaging"):
        s = similarity(c, (float(c.x[0]), float(c.y[0])))
    assert not np.isnan(s.values).any() and float(s[0, 0]) == pytest.approx(1.0, abs=1e-6)
    want = np.einsum("yxc,c->yx", c.values / n[..., None], c.values[0, 0] / n[0, 0])
    np.testing.assert_allclose(s.values, want, atol=1e-6)
    mid = e.interp(x=(e.x.values[:-1] + e.x.values[1:]) / 2)   # bilinear between columns
    with pytest.warns(UnitsWarning, match="averaging"): g = as_embedding(mid)
    assert np.isfinite(g.values).all()
    from alphaearth_nb.embeddings import NORM_TOL
    n = np.linalg.norm(g.values, axis=-1)   # means rescaled to 1; lengths within the int8 round trip kept as given
    assert np.abs(n - 1).max() <= NORM_TOL and (np.abs(n - 1) < 1e-6).sum() > 0


# --- session 18 (hunta): band labels read by meaning, not by spelling ---------------------------------------------

def test_band_labels_are_read_by_meaning():
    "A band labelled A10 (or band_11, Band11, number 11 of GDAL's 1..64) is A10 wherever it stands; was by position."
    v = random_unit((3, 4), seed=31)
    perm = np.random.default_rng(31).permutation(EMBED_DIM)
    text = sorted(range(EMBED_DIM), key=lambda i: f"A{i}")   # a text sort of unpadded names: A0, A1, A10, ..., A2, A20
    assert text[:4] == [0, 1, 10, 11] and text[12] == 2
    cases = {"A0..A63 sorted as text": (text, [f"A{i}" for i in text]),
             "a00..a63 lower case, shuffled": (perm, [f"a{i:02d}" for i in perm]),
             "GDAL band numbers 1..64, shuffled": (perm, perm + 1),
             "numbers 0..63, shuffled": (perm, perm),
             "number text '1'..'64', shuffled": (perm, [str(i + 1) for i in perm]),
             "band_N, shuffled": (perm, [f"band_{i + 1}" for i in perm]),
             "BandN, shuffled": (perm, [f"Band{i + 1}" for i in perm])}
    for name, (order, labels) in cases.items():
        da = embedding_from_array(v[..., order]).assign_coords(band=labels)
        e = as_embedding(da)
        np.testing.assert_array_equal(e.values, v, err_msg=name)   # the vector written at each pixel, A00..A63
        assert list(e.band.values) == band_names()
        # the third band stored under the text sort is A10: its values land at A10, not at A02
        np.testing.assert_array_equal(as_embedding(da).sel(band="A10").values, v[..., 10], err_msg=name)
    # the protocol's points_at reads them the same way (a float embedding whose labels say A0..A63 is an embedding)
    from alphaearth_nb.features import points_at
    da = embedding_from_array(v[..., text]).assign_coords(band=[f"A{i}" for i in text])
    lab = xr.DataArray(np.arange(12).reshape(3, 4) % 2, dims=("y", "x"), coords={"y": da.y, "x": da.x})
    np.testing.assert_array_equal(points_at(da, lab)[0], v.reshape(-1, EMBED_DIM))
    # labels that name no band keep the bands as they stand (unlabelled, by position)
    np.testing.assert_array_equal(as_embedding(embedding_from_array(v).assign_coords(
        band=[f"f{i}" for i in perm])).values, v)


def test_band_labels_by_meaning_in_files_and_datasets(tmp_path):
    "GeoTIFF descriptions A0..A63 in text order; a Dataset of A0..A63 (any order); GDAL's netCDF (Band1..Band64)."
    rasterio = pytest.importorskip("rasterio")
    codes, want = _codes_with_gap((4, 5), 32, (2, 1))
    text = sorted(range(EMBED_DIM), key=lambda i: f"A{i}")
    p = _official_tif(tmp_path / "t.tif", codes, text, descriptions=False)
    with rasterio.open(p, "r+") as d: d.descriptions = tuple(f"A{i}" for i in text)
    np.testing.assert_array_equal(read_official_tiff(p).values, want)
    # a Dataset of 64 variables A0..A63 (a tool that dropped the padding), in any order, with a time dim (xee)
    perm = np.random.default_rng(32).permutation(EMBED_DIM)
    e = embedding_from_array(codes)
    ds = xr.Dataset({f"A{i}": (("time", "y", "x"), codes[None, ..., i]) for i in perm},
                    coords={"time": [np.datetime64("2024-01-01", "ns")], "y": e.y.values, "x": e.x.values},
                    attrs={"crs": "EPSG:32631"})
    np.testing.assert_array_equal(from_official(ds).values, want)
    np.testing.assert_array_equal(as_embedding(ds).values, want)
    # the GeoTIFF copied to netCDF by GDAL (gdal_translate -of netCDF): variables Band1..Band64, y ascending
    from rasterio.shutil import copy as gdal_copy
    q = _official_tif(tmp_path / "n.tif", codes, descriptions=False)
    nc = tmp_path / "n.nc"
    gdal_copy(q, nc, driver="netCDF")
    for kw in ({}, {"mask_and_scale": False}):
        with xr.open_dataset(nc, **kw) as ds:
            assert "Band10" in ds and "band" not in ds.dims
            got = as_embedding(ds[[*(f"Band{i + 1}" for i in text), "transverse_mercator"]])  # by number
        assert crs_of(got) == "EPSG:32631" and float(got.y[0]) < float(got.y[1])  # kept as stored: south first
        np.testing.assert_array_equal(got.sortby("y", ascending=False).values, want)


def test_a_rotated_grid_is_refused(tmp_path):
    "A GeoTIFF whose geotransform rotates its grid: no 1-D x/y, every point 'outside'; now a GridError naming the fix."
    rasterio = pytest.importorskip("rasterio")
    rioxarray = pytest.importorskip("rioxarray")
    import pandas as pd
    codes = np.asarray(quantize(random_unit((4, 5), seed=33)), np.int8)
    prof = dict(driver="GTiff", width=5, height=4, count=EMBED_DIM, dtype="int8", crs="EPSG:32631", nodata=-128)
    rot = tmp_path / "rot.tif"          # 10 m pixels turned by atan(2/10) = 11.3 degrees
    with rasterio.open(rot, "w", transform=rasterio.Affine(10, 2, 500_000, 2, -10, 5_000_000), **prof) as d:
        d.write(np.moveaxis(codes, -1, 0))
    opened = (lambda: read_official_tiff(rot), lambda: as_embedding(rioxarray.open_rasterio(rot)),
              lambda: from_official(xr.open_dataset(rot, engine="rasterio")),
              lambda: rioxarray.open_rasterio(rot).aef.sample(pd.DataFrame({"x": [500_012.0], "y": [4_999_988.0]})))
    for read in opened:
        with pytest.raises(GridError, match="rotated grid.*b=2, d=2.*gdalwarp"):
            read()
    # a rotated label raster: classify placed its cells at x = 0..4 ('outside the grid: give it its CRS') and the
    # protocol's points_at paired its cells with the map's by position, silently
    from alphaearth_nb.features import points_at
    lab = tmp_path / "lab.tif"
    with rasterio.open(lab, "w", driver="GTiff", width=5, height=4, count=1, dtype="int16", crs="EPSG:32631",
                       transform=rasterio.Affine(10, 0.5, 500_000, 0.5, -10, 5_000_000), nodata=-1) as d:
        d.write((np.arange(20).reshape(1, 4, 5) % 3).astype(np.int16))
    m = embedding_from_array(dequantize(codes))
    for use in (lambda L: m.aef.classify(L, k=1), lambda L: points_at(m, L)):
        with pytest.raises(GridError, match="label raster lies on a rotated grid"):
            use(rioxarray.open_rasterio(lab))
    # an affine `transform` in attrs (older readers) is read the same way; north-up ones pass, float noise too
    e = embedding_from_array(dequantize(codes))
    with pytest.raises(GridError, match="rotated"):
        as_embedding(e.assign_attrs(transform=(10.0, 0.0, 500_000.0, 0.5, -10.0, 5e6)))
    np.testing.assert_array_equal(as_embedding(e.assign_attrs(transform=(10.0, 1e-13, 5e5, 0.0, -10.0, 5e6))).values,
                                  e.values)
    up = tmp_path / "up.tif"
    with rasterio.open(up, "w", transform=rasterio.Affine(10, 0, 500_000, 0, -10, 5_000_000), **prof) as d:
        d.write(np.moveaxis(codes, -1, 0))
    np.testing.assert_array_equal(read_official_tiff(up).values, dequantize(codes))


def test_case_A18_gate_query_reads_labels_and_casts_object_numbers():
    "gate_query: a Series/dict/DataFrame/DataArray labelled A00..A63 in any order is put in band order; numbers of object dtype cast."
    import pandas as pd
    from alphaearth_nb.embeddings import gate_query
    u, B = random_unit((2,), seed=5), band_names()
    s = pd.Series(u[0], index=B)[B[::-1]]
    for q in (s, s.astype(object), dict(s)):
        np.testing.assert_allclose(gate_query(q)[0], u[0], atol=1e-7)
    df = pd.DataFrame(u, columns=B).iloc[:, ::-1].astype(object)
    np.testing.assert_allclose(gate_query(df), u, atol=1e-7)
    da = xr.DataArray(u[:, ::-1], dims=("q", "band"), coords={"band": B[::-1]}).T   # (band, q), labels reversed
    np.testing.assert_allclose(gate_query(da), u, atol=1e-7)
    with pytest.raises(DimensionError, match="text"): gate_query(pd.Series(["a"] * 64, index=B))


def test_int8_codes_held_as_uint8_are_read_by_meaning(tmp_path):
    "The official int8 bytes read unsigned (GDAL < 3.7: Int8 as Byte) or shifted by 128: every pixel was refused."
    rasterio = pytest.importorskip("rasterio")
    codes, want = _codes_with_gap((4, 5), 34, (1, 3))
    assert codes.view(np.uint8).max() > 127 and codes.view(np.uint8)[1, 3, 0] == 128   # -1 reads 255, -128 reads 128
    p = tmp_path / "byte.tif"   # the file as GDAL before 3.7 hands it over: Byte, no-data 128
    with rasterio.open(p, "w", driver="GTiff", width=5, height=4, count=EMBED_DIM, dtype="uint8", crs="EPSG:32631",
                       transform=rasterio.Affine(10, 0, 500_000, 0, -10, 5_000_000), nodata=128) as d:
        d.write(np.moveaxis(codes.view(np.uint8), -1, 0))
    with pytest.warns(UnitsWarning, match="read unsigned.*astype\\('int8'\\)"):
        np.testing.assert_array_equal(read_official_tiff(p).values, want)
    shifted = (codes.astype(np.int16) + 128).astype(np.uint8)             # -128 (no data) -> 0, 0 -> 128
    for a in (embedding_from_array(shifted), embedding_from_array(shifted).chunk({"y": 2})):
        with pytest.warns(UnitsWarning, match="shifted by 128"):
            np.testing.assert_array_equal(as_embedding(a).values, want)
    # bytes that are no embedding either way stay refused: counts, as nothing says they are codes (was all NaN)
    junk = np.random.default_rng(34).integers(0, 256, (4, 5, EMBED_DIM)).astype(np.uint8)
    with pytest.raises(DTypeError, match="no reading makes int8 codes"):
        as_embedding(embedding_from_array(junk))


def test_a_pixel_of_the_official_dataset_is_a_query():
    "A4 kind: `ds.isel(time=0, X=3, Y=2)` of xee's Dataset as a similarity query was numpy's raw TypeError."
    from alphaearth_nb.analysis import similarity
    from alphaearth_nb.core import NoValidDataError
    v = random_unit((4, 5), seed=3)
    e = embedding_from_array(v)
    ds = fake_official(e)                                   # xee's form: A00..A63 over (time, X, Y)
    m = from_official(ds)
    for q in (ds.isel(time=0, X=3, Y=2), ds.isel(X=3, Y=2), ds.isel(time=0, X=3, Y=2)[band_names()[::-1]]):
        s = similarity(m, q).values
        assert s[2, 3] == pytest.approx(1.0, abs=1e-6) and np.nanmax(s) <= 1.0
        np.testing.assert_allclose(s, np.einsum("yxc,c->yx", v, v[2, 3]), atol=1e-5)
    with pytest.raises(NoValidDataError):                   # a masked pixel is no query, as for a DataArray
        similarity(m, (ds.isel(time=0, X=3, Y=2) * np.nan))
    with pytest.raises(DimensionError, match="A00..A63"):
        similarity(m, xr.Dataset({"a": 1.0, "b": 2.0}))


def test_a_lazy_uint8_map_reads_its_codes_one_way_for_every_block():
    """Codes shifted by 128 in a map of two dask blocks: the east block's vectors are all negative, so its bytes are
    all under 128 and, read block by block, it was taken as codes as they are (all refused) while the west block was
    shifted. One reading for the map, warned once when the map is gated, not in a worker thread."""
    import dask
    west = random_unit((4, 4), seed=7)
    east = -np.abs(random_unit((4, 4), seed=8))                          # unit vectors, every component negative
    codes = quantize(np.concatenate([west, east], axis=1))               # (4, 8, 64) int8
    want = dequantize(codes)
    stored = (codes.astype(np.int16) + 128).astype(np.uint8)             # shifted: -128 -> 0, 0 -> 128
    assert stored[:, 4:].max() <= 127 < stored[:, :4].max()              # hand-checked: the blocks would read apart
    lazy = embedding_from_array(stored).chunk({"x": 4})
    assert len(lazy.chunks[lazy.dims.index("x")]) == 2
    with pytest.warns(UnitsWarning, match="shifted by 128"):
        out = as_embedding(lazy)
    with dask.config.set(scheduler="synchronous"), warnings.catch_warnings():
        warnings.simplefilter("error")                                  # computing warns no more
        got = out.values
    np.testing.assert_array_equal(got, want)
    with pytest.warns(UnitsWarning, match="shifted by 128"):             # in memory: the same reading
        np.testing.assert_array_equal(as_embedding(lazy.compute()).values, want)


def test_a_lazy_uint8_map_with_sea_at_its_centre_is_read_from_a_few_chunks():   # review item 6
    """Shifted codes on a 384 x 384 map of 32 x 32 chunks whose central 128 x 128 is no data (sea, 0 declared): the
    reading is decided from nine 64 x 64 windows, the chunks under them (at most 9 x 9 of 144); every s-th row and
    column read every chunk of the map (a remote map downloaded whole to decide one byte offset)."""
    import dask.array as dsa
    codes = quantize(-np.abs(random_unit((384, 384), seed=5)))           # all negative: bytes < 128 once shifted
    stored = (codes.astype(np.int16) + 128).astype(np.uint8)
    stored[128:256, 128:256] = 0                                         # sea: the declared no-data value
    seen = set()
    def note(block, block_info=None):
        seen.add(tuple(block_info[0]["chunk-location"][:2])); return block
    lazy = embedding_from_array(stored).assign_attrs(nodata=0)
    lazy = lazy.copy(data=dsa.from_array(stored, chunks=(32, 32, 64)).map_blocks(note, dtype=np.uint8))
    with pytest.warns(UnitsWarning, match="shifted by 128"):
        out = as_embedding(lazy)
    assert 0 < len(seen) <= 81, f"{len(seen)} of 144 chunks read to decide the reading"
    np.testing.assert_array_equal(out.isel(y=slice(0, 8), x=slice(0, 8)).values, dequantize(codes[:8, :8]))


def test_as_embedding_refuses_several_years_before_reading_any(monkeypatch):
    "Review b 6: as_embedding built the whole cube (every year dequantised, concatenated) and then refused it."
    from alphaearth_nb import embeddings
    e = embedding_from_array(random_unit((4, 5), seed=3))
    ds = xr.concat([fake_official(e.aef.quantize(), time=f"{y}-01-01") for y in (2022, 2023, 2024)], "time")
    read, real = [], embeddings._official_parts                        # the reading of `from_official` (and as_embedding)
    want = embeddings.from_official(ds).values[2]                      # the cube, read before counting
    monkeypatch.setattr(embeddings, "_official_parts", lambda *a, **k: read.append(1) or real(*a, **k))
    with pytest.raises(DimensionError, match=r"holds 3 years.*ds.sel\(time='2024'\)"):
        as_embedding(ds)
    assert read == []                                                  # no year read, nothing dequantised
    np.testing.assert_array_equal(as_embedding(ds.sel(time=["2024-01-01"])).values, want)   # one year: its map
    assert read == [1]


# --- warnings point at the caller's line -------------------------------------------------------------------------

def test_the_gates_warnings_point_at_the_callers_line():
    """The gate warns deep inside (as_embedding -> gated -> the gate; read_official_tiff -> from_official -> the row
    order), each public function inside core.checks_flags' wrapper: a fixed stacklevel pointed at a line of the
    package or one frame too far up (shown once per session there by Python's default filter). Each names the line
    that called the package."""
    u = random_unit((2, 3), seed=5)
    emb = embedding_from_array(u.copy())
    emb[0, 0] = 0.5 * (u[0, 0] + u[0, 1])                              # a mean: rescaled, warned
    wrong = official_tiff(quantize_embedding(embedding_from_array(u)), bottom_up=False)   # flip=True, no geotransform
    from alphaearth_nb.embeddings import gate_query, gated
    calls = {"as_embedding": lambda: as_embedding(emb), "gated": lambda: gated(emb),
             "gate_query": lambda: gate_query(emb.values[0, 0]),
             "read_official_tiff": lambda: read_official_tiff("t.tif", flip=True, reader=lambda p, c: wrong),
             "from_official": lambda: from_official(wrong, flip=True)}
    for name, call in calls.items():
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            call()
        at = {(x.filename, x.lineno) for x in w}   # the line that calls the package: the lambda's
        assert at == {(__file__, call.__code__.co_firstlineno)}, (name, at)


@pytest.mark.parametrize("call", ["as_embedding", "from_official", "read_official_tiff"])
def test_yes_no_parameters_refuse_text(call):
    "Text is true in Python: dequantize='false' dequantised. Refused at the door, naming the parameter."
    from alphaearth_nb.core import ConfigError
    q = quantize_embedding(embedding_from_array(random_unit((2, 3), seed=6)))
    fn = {"as_embedding": lambda **k: as_embedding(q, **k), "from_official": lambda **k: from_official(fake_official(q), **k),
          "read_official_tiff": lambda **k: read_official_tiff("t.tif", reader=lambda p, c: official_tiff(q), **k)}[call]
    param = "flip" if call == "read_official_tiff" else "dequantize"
    with pytest.raises(ConfigError, match=f"{param}='false' is not True or False"):
        fn(**{param: "false"})
    assert fn(**{param: 0}).dtype == (np.float32 if param == "flip" else np.int8)   # 0 is False


# --- CF valid range: values outside are no data (CF 1.11 S2.5.1), as a declared fill is ---------------------------

def _codes_and_low(vmin=-70):
    "int8 codes of unit vectors (4 x 5) and the pixels holding a code below `vmin` (some, not all)."
    codes = np.asarray(quantize(random_unit((4, 5), seed=31)))
    low = (codes < vmin).any(-1)
    assert 0 < low.sum() < low.size
    return codes, low


def _no_data_exactly_at(e, codes, low):
    v = np.asarray(e.transpose("y", "x", "band").values)
    np.testing.assert_array_equal(np.isnan(v).all(-1), low)
    assert not np.isnan(v[~low]).any()
    np.testing.assert_array_equal(v[~low], dequantize(codes)[~low])
    assert not {"valid_range", "valid_min", "valid_max"} & set(e.attrs)   # applied: no longer declared


@pytest.mark.parametrize("lazy", [False, True])
def test_valid_min_of_int8_codes_is_no_data(lazy):
    codes, low = _codes_and_low()
    q = embedding_from_array(codes).assign_attrs(valid_min=np.int8(-70))
    q = q.chunk({"y": 2}) if lazy else q
    with warnings.catch_warnings():
        warnings.simplefilter("error")                      # declared: no data without a word, as a fill is
        e = as_embedding(q)
    _no_data_exactly_at(e, codes, low)
    i8 = as_embedding(q, dequantize=False)                  # the int8 form: those pixels are -128 in every band
    np.testing.assert_array_equal((i8.values == NODATA).all(-1), low)
    np.testing.assert_array_equal(i8.values[~low], codes[~low])
    _no_data_exactly_at(dequantize_embedding(i8), codes, low)


def test_valid_range_of_float_codes_in_encoding_is_no_data():
    "rioxarray with mask_and_scale=True: float32 codes, the int8 dtype and the range moved to encoding."
    codes, low = _codes_and_low()
    f = embedding_from_array(codes.astype(np.float32))
    f.encoding.update(dtype=np.dtype("int8"), valid_range=np.array([-70, 127], np.int8))
    _no_data_exactly_at(as_embedding(f), codes, low)


def test_valid_min_in_a_geotiffs_encoding_is_no_data():
    codes, low = _codes_and_low()
    t = official_tiff(embedding_from_array(codes))
    t.encoding["valid_min"] = -70
    _no_data_exactly_at(read_official_tiff("t.tif", reader=lambda p, c: t), codes, low)


@pytest.mark.parametrize("form", ["xee", "band_as_variable"])
def test_valid_range_of_each_band_variable_is_no_data(form):
    "A Dataset of band variables, each with its own valid_range: each band masked by its own."
    codes, low = _codes_and_low()
    ds = fake_official(embedding_from_array(codes), layout="v1")
    ds = ds.isel(time=0, drop=True)
    if form == "band_as_variable":
        ds = ds.rename({b: f"band_{i + 1}" for i, b in enumerate(band_names())})
    names = list(ds.data_vars)
    for i, k in enumerate(names):   # band 5's range is wider: its low codes are valid
        ds[k].attrs["valid_range"] = np.array([-128 if i == 5 else -70, 127], np.int8)
    low5 = (np.delete(codes, 5, -1) < -70).any(-1)
    _no_data_exactly_at(as_embedding(ds), codes, low5)
    if form == "xee":
        _no_data_exactly_at(from_official(ds), codes, low5)
        i8 = from_official(ds, dequantize=False)
        np.testing.assert_array_equal((i8.values == NODATA).all(-1), low5)


def test_float_vectors_outside_the_valid_range_are_no_data_silently():
    u = random_unit((3, 4), seed=32)
    e = embedding_from_array(u.copy()).assign_attrs(valid_range=np.array([-1.0, 1.0], np.float32))
    e[0, 0] = -9999.0                                       # an undeclared fill, outside the range
    e[1, 1, 3] = 1.5                                        # one component outside
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        g = as_embedding(e)
    nan = np.isnan(g.values).all(-1)
    assert nan[0, 0] and nan[1, 1] and nan.sum() == 2
    np.testing.assert_allclose(g.values[~nan], u[~nan], atol=1e-6)


# --- CF-packed integer embeddings: a value out of the valid range makes its pixel no data, as the gate's rule -------

def _packed(form):
    "Unit vectors (3 x 4) as int16 x 1e-4 (CF packing, valid_range in stored units), band 3 of pixel (1, 1) at 20000."
    u = random_unit((3, 4), seed=33)
    p = np.round(u * 10_000).astype(np.int16)
    p[1, 1, 3] = 20_000                                      # outside [-10000, 10000]: one component missing
    pack = dict(scale_factor=1e-4, add_offset=0.0, valid_range=np.array([-10_000, 10_000], np.int16))
    if form == "dataarray": return u, embedding_from_array(p).assign_attrs(pack)
    ds = fake_official(embedding_from_array(p), layout="v1").isel(time=0, drop=True)
    for k in ds.data_vars: ds[k].attrs.update(pack)
    return u, ds if form == "xee" else ds.rename({b: f"band_{i + 1}" for i, b in enumerate(band_names())})


@pytest.mark.parametrize("form", ["dataarray", "xee", "band_as_variable"])
def test_packed_value_out_of_range_is_its_pixels_no_data_silently(form):
    "Was: unpacked blanked the one value, and the gate refused the pixel with 'not embedding vectors' (band_1.. also "
    "lost its scale_factor in the stack, so every pixel was refused)."
    u, obj = _packed(form)
    calls = [as_embedding] + ([from_official] if form == "xee" else [])
    for f in calls:
        with warnings.catch_warnings():
            warnings.simplefilter("error")                   # declared: no data without a word
            e = f(obj)
        v = e.transpose("y", "x", "band").values
        nan = np.isnan(v).all(-1)
        assert nan[1, 1] and nan.sum() == 1 and not np.isnan(v[~nan]).any(), f.__name__
        np.testing.assert_allclose(v[~nan], u[~nan], atol=2e-4)


def test_packed_value_at_a_fill_in_some_bands_is_still_refused_aloud():
    "Fills stay value by value (the gate's partial-fill rule): a pixel with one band at the fill is refused, warned."
    u, da = _packed("dataarray")
    da = da.copy(); da[1, 1, 3] = -32768
    da.attrs = {k: v for k, v in da.attrs.items() if k != "valid_range"}   # the fill alone says it
    with pytest.warns(NoDataWarning, match="1 of 12 pixels are not embedding vectors"):
        e = as_embedding(da.assign_attrs(_FillValue=np.int16(-32768)))
    assert np.isnan(e.values).all(-1).sum() == 1


def test_the_official_form_is_told_by_the_one_rule_of_stacks_embedding_field():
    # embeddings had its own, older test of "variables A00..A63" (exactly those numbers): a Dataset with a variable
    # A64 beside them was an embedding field to `stacks.embedding_field` but "not an embedding" to as_embedding and
    # "lacks bands []" to from_official; the forms both read keep their reading
    import pandas as pd
    from alphaearth_nb.stacks import embedding_field
    emb = embedding_from_array(random_unit((4, 3), seed=1))
    xee = fake_official(emb)
    years = xr.concat([xee.assign_coords(time=[pd.Timestamp(f"{y}-01-01")]) for y in (2023, 2024)], "time")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # the int8 forms' codes: read as they are read everywhere
        read = {"float": xee, "int8": fake_official(quantize_embedding(emb)),
                "band dim": emb.transpose("band", "y", "x").to_dataset(name="band_data"),
                "band_N": xr.Dataset({f"band_{i + 1}": emb.isel(band=i, drop=True) for i in range(EMBED_DIM)})}
        for name, ds in read.items():
            assert embedding_field(ds), name
            for f in (as_embedding, from_official):
                np.testing.assert_allclose(f(ds).values, as_embedding(emb).values, atol=2e-2, err_msg=name)
        assert from_official(years).dims == ("time", "y", "x", "band")
    with pytest.raises(DimensionError, match="holds 2 years"):
        as_embedding(years)
    for ds in (xee.assign(A64=xee["A00"]), years.assign(A64=years["A00"])):
        assert embedding_field(ds)
        for f in (as_embedding, from_official):
            with pytest.raises(DimensionError, match=r"beyond A63 \(A64\).*drop_vars\(\['A64'\]\)|holds 2 years"):
                f(ds)
    with pytest.raises(DimensionError, match=r"beyond A63 \(A64\)"):
        as_embedding(xee.assign(A64=xee["A00"]))
    short = xee.drop_vars("A63")
    assert not embedding_field(short)
    with pytest.raises(DimensionError, match="lacks bands \\['A63'\\]"):
        from_official(short)
