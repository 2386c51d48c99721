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


def test_read_cog_reads_gdal_virtual_paths(tmp_path):
    rasterio = pytest.importorskip("rasterio")
    pytest.importorskip("rioxarray")
    from alphaearth_nb.exports import read_cog, to_cog
    from alphaearth_nb.testing import embedding_from_array
    e = embedding_from_array(random_unit((16, 16), seed=3))
    want = read_cog(to_cog(e, tmp_path / "e.tif", blocksize=16))
    with rasterio.io.MemoryFile((tmp_path / "e.tif").read_bytes(), filename="e.tif") as mem:
        assert mem.name.startswith("/vsimem/")
        got = read_cog(mem.name)
        np.testing.assert_array_equal(got.values, want.values)


def test_is_remote():
    from alphaearth_nb.geo import is_remote
    assert is_remote("/vsimem/a.tif") and is_remote("/vsizip/a.zip/b.tif")
    assert is_remote("/vsis3/bucket/a.tif") and is_remote("https://x/a.tif") and not is_remote("/data/vsi/a.tif") and not is_remote("a.tif")


def test_named_class_map_cast_to_uint8_keeps_its_names(tmp_path):
    rasterio = pytest.importorskip("rasterio")
    pytest.importorskip("geopandas")
    import json
    from alphaearth_nb.exports import map_to_cog, vectorize
    ids = np.array([[0, 1, -1, 2], [2, 2, -1, 0], [1, 1, 0, 0]], np.int16)
    names = ["crop", "forest", "water"]
    m = xr.DataArray(ids, dims=("y", "x"), coords={"y": 100.0 - 10 * np.arange(3), "x": 10.0 * np.arange(4)},
                     name="class", attrs={"crs": "EPSG:32631", "class_names": names})
    u8 = m.astype(np.uint8).assign_attrs(m.attrs, nodata=255)          # -1 -> 255, declared no data
    with rasterio.open(map_to_cog(u8, tmp_path / "c.tif")) as f:
        got, tags = f.read(1), f.tags(1)
    assert json.loads(tags["class_names"]) == names and (got[ids < 0] == 255).all()
    g = vectorize(u8, name="class")
    assert sorted(set(g["class"])) == names and sorted(set(g["class_id"])) == [0, 1, 2]


def _table_with_short_and_zero_rows(n=40, seed=0):
    "Unit rows, one of length 0.9, one of length 3: a baseline for check_xy (an all-zero row is a fill row, refused)."
    x = random_unit((n,), seed=seed).reshape(n, EMBED_DIM).astype(np.float32)
    x[1] *= 0.9
    x[2] *= 3.0
    return x


def test_evaluate_folds_keep_the_tables_check():
    from alphaearth_nb.evaluate import check_xy, evaluate_embeddings, evaluate_regression
    x = _table_with_short_and_zero_rows()
    y = np.arange(len(x)) % 2
    check_xy(x, y)                                     # the whole table passes: a baseline, taken as given
    t = evaluate_embeddings(x, y, shots=(1, 10), folds=20, methods=("linear",))
    assert (t["folds"] == 20).all() and np.isfinite(t["balanced_accuracy"]).all()
    # regression: a target linear in the features is fitted exactly by the probe in every fold (R^2 1)
    x = _table_with_short_and_zero_rows(n=100, seed=1)
    target = x[:, :3].astype(np.float64) @ np.array([1.0, -2.0, 0.5]) + 3.0
    got = evaluate_regression(x, target, n_train=(80,), folds=5, methods=("linear",))
    assert got["folds"].iloc[0] == 5 and got["r2"].iloc[0] > 0.999 and got["mae"].iloc[0] < 1e-3


def test_points_at_nodata_matches_the_stored_value_of_a_packed_raster():
    da, v = _described_tiff()
    packed = np.arange(20, dtype=np.int16).reshape(4, 5) * 100 - 700      # -7.00 .. 11.00 in units (scale 0.01)
    packed[1, 2] = packed[3, 0] = -32768                                   # the file's fill, not declared
    lab = xr.DataArray(packed, dims=("y", "x"), coords={"y": da.y, "x": da.x},
                       attrs={"scale_factor": 0.01, "add_offset": 0.0})
    X, y = points_at(da, lab, nodata=-32768, positive=False)
    keep = packed.ravel() != -32768
    assert len(y) == 18 and np.isclose(y.min(), -7.0)
    np.testing.assert_allclose(y, packed.ravel()[keep] * 0.01, atol=1e-5)
    np.testing.assert_allclose(X, v.reshape(-1, EMBED_DIM)[keep], atol=1e-6)


def test_a_band_named_twice_is_refused_not_picked():
    from alphaearth_nb.core import DimensionError
    v = random_unit((3, 4), seed=5)
    ds = xr.Dataset({b: (("y", "x"), v[..., i]) for i, b in enumerate(band_names())},
                    coords={"y": [30.0, 20.0, 10.0], "x": [0.0, 10.0, 20.0, 30.0]})
    np.testing.assert_allclose(from_official(ds).values, v, atol=1e-6)
    dup = ds.assign(A1=(("y", "x"), -v[..., 1]))                      # band 1 twice: A01 and A1
    for read in (from_official, as_embedding):
        with pytest.raises(DimensionError, match="twice.*A01 and A1"): read(dup)
    from alphaearth_nb.embeddings import a_positions
    names = band_names() + ["A1"]
    assert a_positions(names) is None and a_positions(band_names()[::-1]) == list(range(63, -1, -1))


def test_a_lazy_map_is_told_by_its_values_through_a_central_window():
    from alphaearth_nb.features import _embedding_like
    v = random_unit((160, 160), seed=7)
    coords = {"y": 1000.0 - 10 * np.arange(160), "x": 10.0 * np.arange(160), "band": np.arange(1, EMBED_DIM + 1)}
    emb = xr.DataArray(v, dims=("y", "x", "band"), coords=coords)
    hole = emb.where((np.abs(emb.y - 200) > 400) | (np.abs(emb.x - 800) > 400))   # no data over the whole centre
    dn = emb.copy(data=np.random.default_rng(0).integers(0, 4000, v.shape).astype(np.float32))
    for da, want in ((emb, True), (hole, True), (dn, False)):
        assert _embedding_like(da) is want and _embedding_like(da.chunk({"y": 40, "x": 40})) is want
