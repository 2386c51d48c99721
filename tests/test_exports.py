"Safe writes of `exports` (field cases E1, E2): no silent replace, user folders untouched, failures keep the old file."
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import DTypeError, MissingDataError, NotOursError, OutputExistsError, PointError
from alphaearth_nb.files import MARKER, is_ours
from alphaearth_nb.exports import map_to_cog, open_zarr, read_cog, to_cog, to_zarr, vectorize
from alphaearth_nb.quantize import dequantize, quantize
from alphaearth_nb.testing import disk_full, embedding_from_array, random_unit

pytest.importorskip("rasterio")


def _emb(seed):  # on the int8 grid, so a round trip is exact
    return embedding_from_array(np.asarray(dequantize(quantize(random_unit((16, 16), seed=seed))), np.float32))


def _cls(seed):
    e = _emb(seed)
    return xr.DataArray((e.values[..., 0] > 0).astype(np.int16), dims=("y", "x"), coords={"y": e.y, "x": e.x},
                        name="class", attrs={"crs": "EPSG:32631"})


def _listing(d): return sorted(p.name for p in d.iterdir())


def test_zarr_needs_overwrite_and_replaces(tmp_path):
    s = tmp_path / "e.zarr"
    to_zarr(_emb(1), s)
    assert is_ours(s)
    with pytest.raises(OutputExistsError, match="overwrite=True"): to_zarr(_emb(2), s)
    np.testing.assert_array_equal(open_zarr(s).values, _emb(1).values)
    to_zarr(_emb(2), s, overwrite=True)
    np.testing.assert_array_equal(open_zarr(s).values, _emb(2).values)
    assert _listing(tmp_path) == ["e.zarr"]  # no partial copy or old store left beside it


@pytest.mark.parametrize("overwrite", [False, True])
def test_user_folder_never_touched(tmp_path, overwrite):  # E1
    d = tmp_path / "myproject"; d.mkdir(); (d / "notes.txt").write_text("mine")
    with pytest.raises(NotOursError, match="did not write"): to_zarr(_emb(1), d, overwrite=overwrite)
    with pytest.raises(NotOursError): to_cog(_emb(1), d, blocksize=16, overwrite=overwrite)
    with pytest.raises(NotOursError): map_to_cog(_cls(1), d, overwrite=overwrite)
    assert _listing(d) == ["notes.txt"] and (d / "notes.txt").read_text() == "mine"
    assert _listing(tmp_path) == ["myproject"]


def test_open_zarr_refuses_store_without_marker(tmp_path):  # E2: a store whose write died reads as incomplete
    s = tmp_path / "e.zarr"
    to_zarr(_emb(1), s)
    (s / MARKER).unlink()
    with pytest.raises(MissingDataError, match="check=False"): open_zarr(s)
    np.testing.assert_array_equal(open_zarr(s, check=False).values, _emb(1).values)  # the fix the message gives


@pytest.mark.parametrize("after", [0, 2000])
def test_zarr_disk_full_keeps_old_store(tmp_path, after):  # E2, fault-injecting writer
    s = tmp_path / "e.zarr"
    to_zarr(_emb(1), s, quantized=False)
    with disk_full(tmp_path, after_bytes=after), pytest.raises(OSError, match="No space"):
        to_zarr(_emb(2), s, quantized=False, overwrite=True)
    np.testing.assert_array_equal(open_zarr(s).values, _emb(1).values)
    assert _listing(tmp_path) == ["e.zarr"]


def test_zarr_write_failing_midway_keeps_old_store(tmp_path, monkeypatch):
    s = tmp_path / "e.zarr"
    to_zarr(_emb(1), s)
    def boom(self, store, **kw):  # writes part of the store, then dies
        (tmp_path / "seen").write_text(str(store)); open(f"{store}/zarr.json", "w").write("{}")
        raise RuntimeError("killed")
    monkeypatch.setattr(xr.Dataset, "to_zarr", boom)
    with pytest.raises(RuntimeError, match="killed"): to_zarr(_emb(2), s, overwrite=True)
    monkeypatch.undo()
    assert (tmp_path / "seen").read_text() != str(s)  # the writer never wrote into the target itself
    np.testing.assert_array_equal(open_zarr(s).values, _emb(1).values)


def test_cog_needs_overwrite_replaces_and_survives_disk_full(tmp_path):
    p = tmp_path / "e.tif"
    to_cog(_emb(1), p, blocksize=16)
    with pytest.raises(OutputExistsError, match="overwrite=True"): to_cog(_emb(2), p, blocksize=16)
    np.testing.assert_array_equal(read_cog(p).values, _emb(1).values)
    with disk_full(tmp_path, after_bytes=1000), pytest.raises(OSError, match="No space"):
        to_cog(_emb(2), p, blocksize=16, overwrite=True)
    np.testing.assert_array_equal(read_cog(p).values, _emb(1).values)  # the old file, whole
    assert _listing(tmp_path) == ["e.tif"]
    to_cog(_emb(2), p, blocksize=16, overwrite=True)
    np.testing.assert_array_equal(read_cog(p).values, _emb(2).values)


def test_map_cog_needs_overwrite_and_survives_disk_full(tmp_path):
    import rasterio
    p = tmp_path / "c.tif"
    map_to_cog(_cls(1), p)
    with pytest.raises(OutputExistsError): map_to_cog(_cls(2), p)
    with disk_full(tmp_path, after_bytes=100), pytest.raises(OSError, match="No space"):
        map_to_cog(_cls(2), p, overwrite=True)
    with rasterio.open(p) as f: np.testing.assert_array_equal(f.read(1), _cls(1).values)
    map_to_cog(_cls(2), p, overwrite=True)
    with rasterio.open(p) as f: np.testing.assert_array_equal(f.read(1), _cls(2).values)
    assert _listing(tmp_path) == ["c.tif"]


def test_accessor_passes_overwrite(tmp_path):
    s = tmp_path / "e.zarr"
    _emb(1).aef.to_zarr(s)
    with pytest.raises(OutputExistsError): _emb(2).aef.to_zarr(s)
    _emb(2).aef.to_zarr(s, overwrite=True)
    np.testing.assert_array_equal(open_zarr(s).values, _emb(2).values)


@pytest.mark.parametrize("dtype", ["int64", "uint32", "float64"])
def test_vectorize_keeps_large_class_ids(dtype):
    "Field case C2 on the way out: ewoc codes beyond int32 keep their value in the polygons (were wrapped)."
    pytest.importorskip("geopandas")
    ids = np.array([1101000000, 2501000000, 4102000040])
    a = np.full((4, 5), -1 if dtype != "uint32" else 0, np.int64)
    a[:2, :2], a[2:, :3], a[:2, 3:] = ids
    grid = embedding_from_array(random_unit((4, 5)))
    cm = xr.DataArray(a.astype(dtype), dims=("y", "x"), coords={"y": grid.y, "x": grid.x}, attrs={"crs": "EPSG:32631"})
    if dtype == "float64": cm = cm.where(cm >= 0)
    g = vectorize(cm)
    got = sorted((v, a) for v, a in zip(g["value"], g.geometry.area.round()) if v != 0)  # uint32: 0 is a value
    assert got == [(1101000000, 400.0), (2501000000, 600.0), (4102000040, 400.0)]


def test_a_strip_one_pixel_wide_writes_reads_and_answers_points(tmp_path):
    "A region one pixel wide (a transect, a field edge): written, read back with rioxarray, placed by its 10 m pixels."
    pytest.importorskip("rioxarray")
    from alphaearth_nb.analysis import similarity
    from alphaearth_nb.cubes import sample
    from alphaearth_nb.embeddings import read_official_tiff
    from alphaearth_nb.maps import extent
    col = _emb(3).isel(x=[5])                       # x = 500055, y = 4999995 .. 4999845
    p = to_cog(col, tmp_path / "strip.tif", overviews=False)
    back = read_official_tiff(p)
    assert back.sizes == {"y": 16, "x": 1, "band": 64}
    np.testing.assert_array_equal(back.values, col.values)
    s = similarity(back, (500_058.0, 4_999_975.0))   # 3 m east of row 2's centre: inside its pixel
    assert float(s[2, 0]) == pytest.approx(1.0, abs=1e-6)
    with pytest.raises(PointError, match="outside the grid"):
        similarity(back, (500_061.0, 4_999_975.0))    # 1 m beyond the strip's east edge (500060)
    t = sample(back, ([500_058.0], [4_999_975.0]), crs="EPSG:32631")
    np.testing.assert_array_equal(t[[f"A{i:02d}" for i in range(64)]].to_numpy()[0], col.values[2, 0])
    assert extent(col)[:2] == (500_050.0, 500_060.0)


@pytest.mark.parametrize("turn", [("y",), ("x",), ("y", "x")])
def test_cogs_of_a_grid_stored_turned_are_written_north_up(tmp_path, turn):
    """An embedding (or a map of it) with y ascending (netCDF's lat order) or x descending: the file is north-up, the
    values at their places (y ascending was a GridError 'flip to north-up first'; x descending a file with a negative
    pixel width, which most readers do not take)."""
    rasterio = pytest.importorskip("rasterio")
    e = _emb(5)
    turned = e.isel({d: slice(None, None, -1) for d in turn})
    to_cog(turned, tmp_path / "e.tif", overviews=False)
    m = xr.DataArray(e.values[..., 0] > 0, dims=("y", "x"), coords={"y": e.y, "x": e.x}, attrs={"crs": "EPSG:32631"})
    map_to_cog(m.astype(np.int16).isel({d: slice(None, None, -1) for d in turn}), tmp_path / "m.tif")
    with rasterio.open(tmp_path / "e.tif") as f:
        assert f.transform.a == 10 and f.transform.e == -10 and (f.transform.c, f.transform.f) == (500_000, 5_000_000)
        np.testing.assert_array_equal(np.moveaxis(f.read(), 0, -1), np.asarray(quantize(e.values), np.int8))
    with rasterio.open(tmp_path / "m.tif") as f:
        assert f.transform.a == 10 and f.transform.e == -10
        np.testing.assert_array_equal(f.read(1), m.values.astype(np.int16))


def _on(e, a, **attrs):
    return xr.DataArray(a, dims=("y", "x"), coords={"y": e.y[:a.shape[0]], "x": e.x[:a.shape[1]]},
                        attrs={"crs": "EPSG:32631", **attrs})


def _read(p):
    rasterio = pytest.importorskip("rasterio")
    with rasterio.open(p) as f: return f.nodata, f.read(1), f.read_masks(1) > 0


LULC = np.array([[0, 3, 3, 0], [0, 3, 8, 8], [1, 1, 0, 8]], np.uint8)   # 0: no data (eo-learn's LULC convention)


@pytest.mark.parametrize("key", ["nodata", "_FillValue", "missing_value", "nodatavals"])
def test_declared_label_nodata_stays_no_data_on_the_way_out(tmp_path, key):
    "Field case C1 on the way out: the 0 pixels of a raster declaring nodata=0 were class-0 polygons and COG data."
    pytest.importorskip("geopandas")
    lab = _on(_emb(1), LULC, **{key: (0,) if key == "nodatavals" else 0})
    g = vectorize(lab, name="class")
    assert sorted(g.groupby("class").geometry.apply(lambda s: s.area.sum()).round().items()) == [
        (1, 200.0), (3, 300.0), (8, 300.0)]   # 10 m pixels: 2, 3 and 3 of them; the four 0 pixels drawn nowhere
    nd, a, valid = _read(map_to_cog(lab, tmp_path / "lulc.tif"))
    assert nd == 0 and a.dtype == np.uint8
    np.testing.assert_array_equal(valid, LULC != 0)
    np.testing.assert_array_equal(a, LULC)


def test_declared_nodata_mapped_to_a_given_nodata(tmp_path):
    "An explicit `nodata` (or a second declared fill) is where every declared no-data pixel goes."
    m = np.array([[0, 2, -1], [5, 2, 99]], np.int16)
    lab = _on(_emb(1), m, nodata=0)
    lab.encoding["_FillValue"] = 99                      # declared twice: attrs and encoding (a netCDF reader's)
    nd, a, valid = _read(map_to_cog(lab, tmp_path / "a.tif", nodata=-1))
    assert nd == -1
    np.testing.assert_array_equal(a, [[-1, 2, -1], [5, 2, -1]])
    np.testing.assert_array_equal(valid, [[False, True, False], [True, True, False]])
    nd, a, valid = _read(map_to_cog(lab, tmp_path / "b.tif"))   # the first declared value is the file's
    assert nd == 0
    np.testing.assert_array_equal(a, [[0, 2, -1], [5, 2, 0]])
    assert sorted(vectorize(lab)["value"]) == [2, 5]
    with pytest.raises(DTypeError, match="nodata=300"): map_to_cog(_on(_emb(1), LULC), tmp_path / "c.tif", nodata=300)
    for bad in (float("nan"), float("inf")):   # no integer file holds them: our error, not int()'s ValueError
        with pytest.raises(DTypeError, match="is not a value of the map's int16"):
            map_to_cog(lab, tmp_path / "d.tif", nodata=bad)


def test_float_map_with_a_declared_fill(tmp_path):
    "A float map with _FillValue -9999 (a GIS tool's): the fill is the file's no-data, NaN pixels too; not data."
    m = np.array([[0.5, -9999.0, 0.25], [np.nan, 1.0, -9999.0]], np.float32)
    nd, a, valid = _read(map_to_cog(_on(_emb(1), m, _FillValue=-9999.0), tmp_path / "f.tif"))
    assert nd == -9999.0
    np.testing.assert_array_equal(valid, [[True, False, True], [False, True, False]])
    np.testing.assert_array_equal(a[valid], [0.5, 0.25, 1.0])
    nd, a, valid = _read(map_to_cog(_on(_emb(1), m), tmp_path / "g.tif"))   # nothing declared: NaN, -9999 is data
    assert np.isnan(nd) and valid.sum() == 5
    cls = _on(_emb(1), np.array([[1.0, -9999.0], [2.0, np.nan]]), _FillValue=-9999.0)
    assert sorted(vectorize(cls)["value"]) == [1, 2]


def test_real_lulc_nodata_on_the_way_out(tmp_path, shared_data):
    "The eo-learn LULC raster as `read_eolearn_patch` gives it: its 155 no-data pixels are no data in both exports."
    pytest.importorskip("geopandas")
    from alphaearth_nb.readers import read_eolearn_patch
    _, lulc = read_eolearn_patch(root=shared_data)
    nodata = lulc.values == 0
    assert lulc.attrs["nodata"] == 0 and int(nodata.sum()) == 155
    g = vectorize(lulc, name="class")
    from alphaearth_nb.readers import EOLEARN_LULC   # the reader's CF flags name the classes (N19-7)
    assert set(g["class"]) == {EOLEARN_LULC[int(i)] for i in np.unique(lulc.values[~nodata])}  # no "no_data"
    px = abs(float(lulc.x[1] - lulc.x[0]) * float(lulc.y[1] - lulc.y[0]))
    assert g.geometry.area.sum() == pytest.approx((lulc.size - 155) * px)
    nd, a, valid = _read(map_to_cog(lulc, tmp_path / "lulc.tif"))
    assert nd == 0 and int((~valid).sum()) == 155
    np.testing.assert_array_equal(a, np.asarray(lulc.values))


def test_map_cogs_keep_every_class_and_take_any_spatial_names(tmp_path):
    """A 0/255 mask (uint8) was written with nodata 255: every mask pixel read back as no data. A lat/lon-named map
    was told to 'select one' of its spatial dims; a cluster Dataset to pick a map by hand."""
    rasterio = pytest.importorskip("rasterio")
    from alphaearth_nb.analysis import cluster
    e = _emb(2)
    mask = xr.DataArray(np.where(e.values[..., 0] > 0, 255, 0).astype(np.uint8), dims=("y", "x"),
                        coords={"y": e.y, "x": e.x}, attrs={"crs": "EPSG:32631"})
    for m in (mask, mask.astype(np.uint16), mask.rename(y="lat", x="lon")):
        p = map_to_cog(m, tmp_path / "m.tif", overwrite=True)
        with rasterio.open(p) as f:
            back = f.read(1, masked=True)
        assert not back.mask.any()   # no pixel hidden
        np.testing.assert_array_equal(back.data, mask.values)
        assert len(vectorize(m)) == len(vectorize(mask))
    c = cluster(e, 3)
    with rasterio.open(map_to_cog(c, tmp_path / "c.tif")) as f:
        np.testing.assert_array_equal(f.read(1), c["cluster"].values)


def test_named_classes_keep_their_names_on_the_way_out(tmp_path):
    "C kind on the way out: classify on names numbers them 0..C-1; vectorize, map_to_cog and plot_classes gave 0/1/2."
    import json
    import matplotlib
    matplotlib.use("Agg")
    import pandas as pd
    import rasterio
    from shapely.geometry import Point
    from alphaearth_nb.maps import plot_classes
    e = embedding_from_array(random_unit((5, 5), seed=23))
    pos, names = [(0, 0), (2, 2), (4, 4), (1, 3)], ["forest", "crop", "forest", "water"]
    pts = pd.DataFrame({"x": [float(e.x[c]) for _, c in pos], "y": [float(e.y[r]) for r, _ in pos], "label": names})
    res = e.aef.classify(pts, k=1)
    cls = res["class"]
    assert cls.attrs["class_names"] == ["crop", "forest", "water"]   # sorted: crop 0, forest 1, water 2
    assert [int(cls.values[r, c]) for r, c in pos] == [1, 0, 1, 2]    # k=1: a labelled pixel is its own class
    for m in (cls, res):                                              # the map, or classify's Dataset
        g = vectorize(m, name="class")
        for (r, c), want in zip(pos, names):
            hit = g[g.contains(Point(float(e.x[c]), float(e.y[r])))]
            assert hit["class"].tolist() == [want] and hit["class_id"].tolist() == [["crop", "forest", "water"].index(want)]
    p = map_to_cog(cls, tmp_path / "c.tif")
    with rasterio.open(p) as f:
        got, tags = f.read(1), f.tags(1)
    table = json.loads(tags["class_names"])
    assert [table[got[r, c]] for r, c in pos] == names
    ax = plot_classes(cls)   # the map alone: its legend names the classes
    assert sorted(t.get_text() for t in ax.get_legend().get_texts()) == ["crop", "forest", "water"]
    # ids stay ids: no names recorded, columns as before
    ids = e.aef.classify(pts.assign(label=[7, 3, 7, 5]), k=1)["class"]
    assert "class_names" not in ids.attrs and list(vectorize(ids, name="c").columns) == ["c", "geometry"]


def test_a_packed_map_keeps_its_units_on_the_way_out(tmp_path):
    "C kind on the way out: an int16 map with band scale 0.01 (as rioxarray reads it) was written without its scale."
    import matplotlib
    matplotlib.use("Agg")
    import rasterio
    rioxarray = pytest.importorskip("rioxarray")
    from alphaearth_nb.maps import plot_heat
    raw = np.full((5, 5), -32768, np.int16)
    raw[0, 0], raw[2, 2], raw[1, 1] = 1250, 3000, -725        # 12.5, 30.0 and -7.25 in the map's units
    src = tmp_path / "h.tif"
    with rasterio.open(src, "w", driver="GTiff", width=5, height=5, count=1, dtype="int16", crs="EPSG:32631",
                       transform=rasterio.Affine(10, 0, 500_000, 0, -10, 5_000_000), nodata=-32768) as d:
        d.write(raw[None]); d.scales, d.offsets = (0.01,), (0.0,)
    m = rioxarray.open_rasterio(src).squeeze("band", drop=True)
    assert m.dtype == np.int16 and m.attrs["scale_factor"] == 0.01
    p = map_to_cog(m, tmp_path / "out.tif")
    back = rioxarray.open_rasterio(p, mask_and_scale=True).squeeze("band", drop=True).values
    np.testing.assert_allclose([back[0, 0], back[2, 2], back[1, 1]], [12.5, 30.0, -7.25], atol=1e-6)
    assert int(np.isnan(back).sum()) == 22                    # the fill stays no data
    ax = plot_heat(m)                                         # the picture's colour scale in the map's units
    np.testing.assert_allclose(ax.images[0].get_clim(), (-7.25, 30.0), atol=1e-6)


def test_read_cog_places_bands_by_their_descriptions(tmp_path):
    "B/A kind: read_cog named the bands by position, so a GeoTIFF described A0, A1, A10, ... (text order) scrambled."
    import rasterio
    from alphaearth_nb.core import GridError
    codes = np.asarray(quantize(random_unit((4, 5), seed=35)), np.int8)
    text = sorted(range(64), key=lambda i: f"A{i}")       # the third band stored is A10
    prof = dict(driver="GTiff", width=5, height=4, count=64, dtype="int8", crs="EPSG:32631", nodata=-128)
    p = tmp_path / "t.tif"
    with rasterio.open(p, "w", transform=rasterio.Affine(10, 0, 500_000, 0, -10, 5_000_000), **prof) as d:
        d.write(np.moveaxis(codes[..., text], -1, 0)); d.descriptions = tuple(f"A{i}" for i in text)
    e = read_cog(p)
    np.testing.assert_array_equal(e.values, dequantize(codes))
    np.testing.assert_array_equal(e.sel(band="A10").values, dequantize(codes)[..., 10])
    r = tmp_path / "r.tif"
    with rasterio.open(r, "w", transform=rasterio.Affine(10, 2, 500_000, 2, -10, 5_000_000), **prof) as d:
        d.write(np.moveaxis(codes, -1, 0))
    with pytest.raises(GridError, match="rotated grid"):
        read_cog(r)


# --- G18-7: a blocksize that is no COG tiling is a ConfigError at once (-1 looped for ever in overview_factors) -----
@pytest.mark.parametrize("bs", [-1, 0, 100, 8, 16.5, True, "512"])
def test_blocksize_is_checked_before_any_work(tmp_path, bs):
    import signal
    from alphaearth_nb.core import ConfigError
    e = _emb(1)
    sim = e.aef.similarity(e.values[0, 0])
    signal.signal(signal.SIGALRM, lambda *a: (_ for _ in ()).throw(TimeoutError("hung")))
    signal.alarm(20)   # was: -1 never returned, its memory growing
    try:
        for write in (lambda: to_cog(e, tmp_path / "e.tif", blocksize=bs),
                      lambda: map_to_cog(sim, tmp_path / "s.tif", blocksize=bs)):
            with pytest.raises(ConfigError, match=rf"blocksize={bs!r}: .*multiple of 16 .*blocksize=512"): write()
    finally: signal.alarm(0)
    assert list(tmp_path.iterdir()) == []    # nothing written, nothing beside
    assert read_cog(to_cog(e, tmp_path / "ok.tif", blocksize=16)).shape == e.shape   # 16: the smallest tiling


def test_an_integral_float_blocksize_is_its_int(tmp_path):   # 512.0 from a JSON config
    e = _emb(1)
    assert read_cog(to_cog(e, tmp_path / "e.tif", blocksize=32.0)).shape == e.shape


@pytest.mark.parametrize("lazy", [False, True])
def test_a_cog_of_an_embedding_without_data_is_refused_and_nothing_written(tmp_path, lazy):  # was an empty COG
    from alphaearth_nb.core import NoValidDataError
    empty = _emb(1).copy(data=np.full((16, 16, 64), np.nan, np.float32))
    empty = empty.chunk({"y": 8}) if lazy else empty
    with pytest.raises(NoValidDataError, match="no pixel with data"): to_cog(empty, tmp_path / "e.tif", blocksize=16)
    assert _listing(tmp_path) == []                                    # no file, no stage left beside it
    to_cog(_emb(2), tmp_path / "e.tif", blocksize=16)
    old = (tmp_path / "e.tif").read_bytes()
    with pytest.raises(NoValidDataError): to_cog(empty, tmp_path / "e.tif", blocksize=16, overwrite=True)
    assert (tmp_path / "e.tif").read_bytes() == old and _listing(tmp_path) == ["e.tif"]   # the old file kept
    one = _emb(3).copy(); one.values[1:] = np.nan; one.values[0, 1:] = np.nan   # one pixel with data: written
    back = read_cog(to_cog(one, tmp_path / "one.tif", blocksize=16))
    assert int(np.isfinite(back.values).all(-1).sum()) == 1


@pytest.mark.parametrize("kind", ["float", "classes", "declared"])
def test_a_map_cog_without_data_is_refused(tmp_path, kind):   # all NaN, all -1 (classify's no data), all declared
    from alphaearth_nb.core import NoValidDataError
    c = _cls(1)
    m = {"float": c.astype(np.float32) * np.nan, "classes": c * 0 - 1,
         "declared": (c * 0).assign_attrs(nodata=0)}[kind]
    with pytest.raises(NoValidDataError, match="no pixel with data"): map_to_cog(m, tmp_path / "m.tif", blocksize=16)
    assert _listing(tmp_path) == []


@pytest.mark.parametrize("lazy,quantized", [(False, True), (True, True), (False, False)])
def test_a_store_of_an_embedding_without_data_is_refused_and_nothing_written(tmp_path, lazy, quantized):
    from alphaearth_nb.core import NoValidDataError
    empty = _emb(1).copy(data=np.full((16, 16, 64), np.nan, np.float32))
    empty = empty.chunk({"y": 8}) if lazy else empty
    with pytest.raises(NoValidDataError, match="no pixel with data"): to_zarr(empty, tmp_path / "e.zarr", quantized=quantized)
    assert _listing(tmp_path) == []                                    # no store, no partial copy beside it
    to_zarr(_emb(2), tmp_path / "e.zarr")
    with pytest.raises(NoValidDataError): to_zarr(empty, tmp_path / "e.zarr", quantized=quantized, overwrite=True)
    np.testing.assert_array_equal(open_zarr(tmp_path / "e.zarr").values, _emb(2).values)   # the old store kept
    one = _emb(3).copy(); one.values[1:] = np.nan; one.values[0, 1:] = np.nan   # one pixel with data: written
    back = open_zarr(to_zarr(one.chunk({"y": 8}) if lazy else one, tmp_path / "one.zarr", quantized=quantized))
    assert int(np.isfinite(back.values).all(-1).sum()) == 1


def test_a_store_keeps_its_band_names_in_a_type_zarr_v3_specifies_and_reads_without_a_word(tmp_path):
    import json
    import warnings
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        to_zarr(_emb(1), tmp_path / "e.zarr")
        back = open_zarr(tmp_path / "e.zarr")
    meta = json.loads((tmp_path / "e.zarr" / "band" / "zarr.json").read_text())
    assert meta["data_type"] == "string"   # was fixed_length_utf32: "may be unreadable by other Zarr implementations"
    assert [str(x.message)[:60] for x in w] == []   # no zarr warning about it, nor about our completion marker
    assert list(back.band.values[[0, 63]]) == ["A00", "A63"]


def test_stac_item_across_180_is_one_span_in_geojson_form(tmp_path):
    # RFC 7946 section 5.2: a bbox across 180 deg has west > east; was -180 .. 180 (the whole latitude band) for a
    # UTM zone 60 tile, and a lon/lat tile past 180 kept lon 180.001 (not GeoJSON)
    pytest.importorskip("pystac")
    from alphaearth_nb.exports import lonlat_bounds, stac_item
    from alphaearth_nb.geo import to_crs
    x, y = to_crs([180.0], [-17.0], "EPSG:4326", "EPSG:32760")
    u = embedding_from_array(random_unit((40, 40), seed=23)).assign_coords(
        x=np.round(x[0]) - 195 + 10 * np.arange(40), y=np.round(y[0]) + 195 - 10 * np.arange(40))
    u.attrs["crs"] = "EPSG:32760"
    b = stac_item(to_cog(u, tmp_path / "u60.tif", overviews=False), year=2024).bbox
    half = 200 / (111_320 * np.cos(np.radians(17)))   # 200 m of longitude at 17 deg S: 0.00188 deg (to 5 m: UTM scale)
    assert abs(b[0] - (180 - half)) < 5e-5 and abs(b[2] - (-180 + half)) < 5e-5
    ll = embedding_from_array(random_unit((4, 4), seed=24), crs="EPSG:4326").assign_coords(
        x=[179.99925, 179.99975, -179.99975, -179.99925], y=[10.00075, 10.00025, 9.99975, 9.99925])
    it = stac_item(to_cog(ll, tmp_path / "ll.tif", overviews=False)).to_dict()
    np.testing.assert_allclose(it["bbox"], [179.999, 9.999, -179.999, 10.001])
    lons = [p[0] for poly in it["geometry"]["coordinates"] for ring in poly for p in ring]
    assert it["geometry"]["type"] == "MultiPolygon" and max(map(abs, lons)) <= 180
    assert lonlat_bounds("EPSG:3031", -200, -200, 200, 200)[::2] == (-180.0, 180.0)   # round the pole


def test_read_cog_unpacks_integer_bands_with_a_scale(tmp_path):
    # int16 x 1e-4 (gdal_translate -ot Int16 -a_scale 1e-4, an Earth Engine export of scaled integers): read_cog gave
    # the stored integers (up to 4351 where the vector holds 0.4351), as no other reader of the package does
    import rasterio
    from rasterio.transform import from_origin
    v = random_unit((6, 5), seed=31)
    codes = np.round((v + 0.5) / 2e-4).astype(np.int16); codes[1, 2] = -32768   # offset -0.5; one pixel no data
    p = tmp_path / "i16.tif"
    with rasterio.open(p, "w", driver="GTiff", width=5, height=6, count=64, dtype="int16", crs="EPSG:32631",
                       transform=from_origin(500000, 5000000, 10, 10), nodata=-32768) as d:
        d.write(np.moveaxis(codes, -1, 0)); d.scales = (2e-4,) * 64; d.offsets = (-0.5,) * 64
    a = read_cog(p).values
    assert np.isnan(a[1, 2]).all() and int(np.isnan(a).all(-1).sum()) == 1
    ok = ~np.isnan(a).all(-1)
    assert np.abs(a[ok] - v[ok]).max() <= 1.0001e-4     # half a step of 2e-4


def test_case_C19_float_class_map_overviews_keep_the_classes(tmp_path):
    "A label raster read masked (float32, NaN): its overviews hold its classes 1 and 3, never a mean such as 2."
    rasterio = pytest.importorskip("rasterio")
    v = np.random.default_rng(19).choice(np.array([1.0, 3.0], np.float32), (64, 64))
    v[:3, :3] = np.nan                                                        # no data
    m = xr.DataArray(v, dims=("y", "x"), coords={"y": 5e6 - 10 * np.arange(64) - 5, "x": 5e5 + 10 * np.arange(64) + 5},
                     attrs={"crs": "EPSG:32631"}, name="lulc")
    sim = (m / 4).rename("similarity")                                        # 0.25 / 0.75: a continuous map
    got = {}
    for arr in (m, sim):
        p = map_to_cog(arr, tmp_path / f"{arr.name}.tif", blocksize=16)
        with rasterio.open(p) as s:
            assert s.overviews(1) == [2, 4]
            o = s.read(1, out_shape=(32, 32))
        got[arr.name] = set(np.unique(o[np.isfinite(o)]).tolist())
    assert got["lulc"] == {1.0, 3.0}, got["lulc"]
    assert got["similarity"] - {0.25, 0.75}                                   # averaged: 0.5 and others too


def test_stac_item_names_a_crs_without_an_epsg_code(tmp_path):
    # was proj:code None and nothing else for ESRI:102003 or a proj string: the item named no CRS at all
    pytest.importorskip("pystac")
    from pyproj import CRS
    from alphaearth_nb.exports import stac_item
    near = dict(x=100005.0 + 10 * np.arange(4), y=200035.0 - 10 * np.arange(4))   # inside Albers' domain (Kansas)
    esri = embedding_from_array(random_unit((4, 4), seed=1), crs="ESRI:102003").assign_coords(near)
    assert stac_item(to_cog(esri, tmp_path / "esri.tif", overviews=False)).properties["proj:code"] == "ESRI:102003"
    aea = "+proj=aea +lat_0=23 +lon_0=-96 +lat_1=29.5 +lat_2=45.5 +datum=WGS84 +units=m"
    props = stac_item(to_cog(embedding_from_array(random_unit((4, 4), seed=2), crs=aea).assign_coords(near),
                             tmp_path / "aea.tif", overviews=False)).properties
    assert props["proj:code"] is None and CRS.from_wkt(props["proj:wkt2"]) == CRS.from_user_input(aea)
    utm = stac_item(to_cog(_emb(3), tmp_path / "utm.tif", overviews=False)).properties
    assert utm["proj:code"] == "EPSG:32631" and "proj:wkt2" not in utm


def test_stac_item_of_a_relative_path_finds_its_file_once_saved(tmp_path, monkeypatch):
    # stac_item("emb.tif") wrote href 'emb.tif'; pystac reads a relative href against the item's own folder, so the
    # item saved in catalog/items/ pointed at catalog/items/emb.tif, which is not there
    pytest.importorskip("pystac")
    from alphaearth_nb.exports import stac_item
    to_cog(_emb(1), tmp_path / "emb.tif", overviews=False)
    monkeypatch.chdir(tmp_path)
    it = stac_item("emb.tif", year=2024)
    it.set_self_href(str(tmp_path / "catalog" / "items" / "emb.json"))
    assert it.assets["embedding"].get_absolute_href() == str(tmp_path / "emb.tif")


def test_read_cog_of_a_float_file_with_nodata_0_keeps_vectors_with_one_zero_component(tmp_path):
    # nodata=0 (GDAL's usual -a_nodata 0) was masked band by band: a vector with one component exactly 0.0 (int8 code
    # 0, about 1 pixel in 500) got a NaN band, so similarity and classify lost it; a pixel is no data when ALL its
    # bands hold the fill, as every other reader of the package has it
    import rasterio
    from rasterio.transform import from_origin
    v = np.asarray(dequantize(quantize(random_unit((6, 5), seed=7))), np.float32)
    v[2, 3, 10] = 0.0                   # one component exactly 0 (was 0.0199): still a vector, length 0.997
    v[4, 1] = 0.0                       # every band 0: no data
    p = tmp_path / "f0.tif"
    with rasterio.open(p, "w", driver="GTiff", width=5, height=6, count=64, dtype="float32", crs="EPSG:32631",
                       transform=from_origin(500000, 5000000, 10, 10), nodata=0) as d:
        d.write(np.moveaxis(v, -1, 0))
    a = read_cog(p).values
    assert np.isnan(a).any(-1).sum() == 1 and np.isnan(a[4, 1]).all()
    assert a[2, 3, 10] == 0.0 and np.isfinite(a[2, 3]).all()


@pytest.mark.parametrize("ids, dtype, nodata, want, want_nd", [
    ([0, 8], "int64", None, np.uint8, 255),               # classify's 9 classes (Python int labels): was Int64; a
    ([0, 8], "int64", 255, np.uint8, 255),                 # colour table needs Byte / UInt16 (S20), so not int16 -1
    ([0, 300], "int32", None, np.uint16, 65535),
    ([0, 60000], "int64", 65535, np.uint16, 65535),
    ([0, 70000], "int64", None, np.int32, -1),
    ([1101000000, 4102000040], "int64", None, np.int64, -1),   # WorldCereal codes need int64 (with -1)
    ([0, 8], "int8", None, np.uint8, 255),                 # never widened (one byte, unsigned for its colour table)
])
def test_map_cog_takes_the_smallest_integer_type(tmp_path, ids, dtype, nodata, want, want_nd):  # N19-3
    "A class map is written in the smallest of uint8/uint16/int16/uint32/int32 holding its ids and no-data."
    a = np.resize(np.array(ids + [ids[0]] * 10, dtype), (3, 4))
    a[2, 3] = -1 if np.dtype(dtype).kind == "i" and nodata is None else a[0, 0]
    m = _on(_emb(1), a, **({} if nodata is None else {"nodata": nodata}))
    nd, got, valid = _read(map_to_cog(m, tmp_path / "m.tif"))
    assert got.dtype == want and nd == want_nd
    np.testing.assert_array_equal(got[valid], a[a != -1])             # every id kept


@pytest.mark.parametrize("kind", ["classes", "score"])
def test_read_cog_refuses_a_one_band_map(tmp_path, kind):  # N19-6
    "A `map_to_cog` file (one band: class ids 0..8, or a float score) is no embedding: it came back as band A00."
    from alphaearth_nb.core import DimensionError
    e = _emb(1)
    m = (e[..., 0] * 4 + 4).round().astype(np.int64) if kind == "classes" else e[..., 0]
    p = map_to_cog(m.rename("class" if kind == "classes" else "score"), tmp_path / "m.tif")
    with pytest.raises(DimensionError, match="one band.*a map.*open_rasterio"): read_cog(p)
    assert read_cog(to_cog(e, tmp_path / "e.tif")).sizes["band"] == 64   # an embedding still reads


@pytest.mark.parametrize("form", ["twos", "offset"])
def test_read_cog_reads_int8_codes_stored_as_uint8(tmp_path, form):
    # int8 codes in a Byte file (two's complement, as GDAL < 3.7 wrote Int8; or + 128, as some tools store them), the
    # reading every other reader of the package finds: read_cog gave the bytes as floats, then NaN for every pixel
    import rasterio
    from rasterio.transform import from_origin
    q = np.asarray(quantize(random_unit((6, 5), seed=7)), np.int8); q[3, 4] = -128   # one pixel no data
    b, nd = (q.view(np.uint8), 128) if form == "twos" else ((q.astype(np.int16) + 128).astype(np.uint8), 0)
    p = tmp_path / f"{form}.tif"
    with rasterio.open(p, "w", driver="GTiff", width=5, height=6, count=64, dtype="uint8", crs="EPSG:32631",
                       transform=from_origin(500000, 5000000, 10, 10), nodata=nd) as d:
        d.write(np.moveaxis(b, -1, 0))
    for chunks in (None, {"y": 3}):
        a = np.asarray(read_cog(p, chunks=chunks).values)
        assert np.isnan(a).any(-1).sum() == 1 and np.isnan(a[3, 4]).all()
        np.testing.assert_array_equal(np.delete(a.reshape(30, 64), 19, 0), np.delete(np.asarray(dequantize(q)).reshape(30, 64), 19, 0))


def test_open_zarr_of_another_tools_float_store_reads_its_fill_as_no_data(tmp_path):
    # xarray's to_zarr with encoding _FillValue -9999 (another tool's float store, read with check=False): the no-data
    # pixel came back as a vector of 64 x -9999
    e = embedding_from_array(random_unit((6, 5), seed=1)); e.values[2, 2] = np.nan
    ds = xr.Dataset({"embedding": e.drop_vars("spatial_ref", errors="ignore")}, attrs={"crs": "EPSG:32631"})
    ds.to_zarr(tmp_path / "other.zarr", encoding={"embedding": {"_FillValue": -9999.0}}, zarr_format=3, consolidated=False)
    back = open_zarr(tmp_path / "other.zarr", check=False)
    a = back.values
    assert np.isnan(a[2, 2]).all() and int(np.isnan(a).any(-1).sum()) == 1
    np.testing.assert_allclose(np.nan_to_num(a), np.nan_to_num(e.values), atol=1e-6)
    assert back.dims == ("y", "x", "band")


@pytest.mark.parametrize("quantized", [True, False])
def test_a_to_zarr_store_opens_in_plain_xarray_without_warnings(tmp_path, quantized):  # N19-2
    "`xr.open_zarr` of our store warned twice (no consolidated metadata; `.aef-complete` is no zarr node)."
    import warnings
    p = to_zarr(_emb(1), tmp_path / "e.zarr", quantized=quantized)
    with warnings.catch_warnings():
        warnings.simplefilter("error")                 # -W error: it failed
        back = xr.open_zarr(p)["embedding"].load()
        np.testing.assert_array_equal(open_zarr(p).values, _emb(1).values)
    assert back.dtype == (np.int8 if quantized else np.float32) and list(back.band.values[[0, -1]]) == ["A00", "A63"]


# --- S20 outputs: an int8 COG names its scheme for GDAL / QGIS users (no scale/offset can), our readers read it ----
def test_an_int8_cog_names_its_non_linear_scheme_for_gdal_users(tmp_path):
    # the file had AEF_QUANTIZATION='sign(q)*(q/127.5)^2' only: no source, no no-data, nothing gdalinfo or QGIS shows
    import rasterio
    from alphaearth_nb.embeddings import OFFICIAL_COLLECTION, read_official_tiff
    e = _emb(40); e.values[2, 3] = np.nan
    p = to_cog(e.assign_attrs(source=OFFICIAL_COLLECTION), tmp_path / "e.tif", blocksize=16)
    with rasterio.open(p) as f:
        tags, nd, codes = f.tags(), f.nodata, f.read()
    assert nd == -128 and tags["AEF_NODATA"] == "-128" and tags["AEF_QUANTIZATION"] == "official-int8-sqrt"
    assert tags["AEF_SCHEME_SOURCE"] == "https://developers.google.com/earth-engine/guides/aef_on_gcs_readme"
    assert "no scale/offset" in tags["TIFFTAG_IMAGEDESCRIPTION"] and "-128 is no data" in tags["TIFFTAG_IMAGEDESCRIPTION"]
    formula = tags["AEF_DEQUANTIZE"].split(" for ")[0].split("=", 1)[1].replace("^", "**")   # what a user types
    q = codes[codes != -128].astype(np.float64)
    np.testing.assert_allclose(eval(formula, {"sign": np.sign, "q": q}), dequantize(codes[codes != -128]), rtol=1e-6)
    assert tags["AEF_SOURCE"] == OFFICIAL_COLLECTION            # a re-written official tile says so
    with rasterio.open(to_cog(e, tmp_path / "f.tif", dtype="float32")) as f:
        assert f.tags()["AEF_QUANTIZATION"] == "none" and "NaN is no data" in f.tags()["TIFFTAG_IMAGEDESCRIPTION"]
    # our readers read the tags, not carry them: read_official_tiff named our file Google's collection
    r = read_official_tiff(tmp_path / "f.tif")
    assert r.attrs["source"] == "alphaearth_nb exports.to_cog" and not any(k.startswith("AEF_") for k in r.attrs)
    np.testing.assert_array_equal(r.values, e.values)
    assert read_official_tiff(p).attrs["source"] == OFFICIAL_COLLECTION


def test_a_float_copy_of_our_int8_cog_reads_as_codes(tmp_path):
    # `gdal_translate -ot Float32` of our file: the codes as floats, no-data -128 and the tags kept
    import rasterio
    from alphaearth_nb.embeddings import read_official_tiff, tiff_scheme
    e = _emb(41); e.values[0, 0] = np.nan
    p = to_cog(e, tmp_path / "e.tif", overviews=False)
    with rasterio.open(p) as f: prof, a, tags = f.profile, f.read(), f.tags()
    with rasterio.open(tmp_path / "f.tif", "w", **{**prof, "dtype": "float32"}) as d:
        d.write(a.astype(np.float32)); d.update_tags(**tags)
    for read in (read_cog, read_official_tiff):
        np.testing.assert_array_equal(read(tmp_path / "f.tif").values, e.values)
    assert tiff_scheme({"AEF_QUANTIZATION": "sign(q)*(q/127.5)^2"}) == "int8"   # files written before this name
    assert tiff_scheme({"AEF_QUANTIZATION": "none"}) == "float" and tiff_scheme({}) is None


# --- S20 outputs: a class COG carries a colour table (the colours the maps draw) and its names ---------------------
def test_a_class_cog_carries_the_colours_the_maps_draw(tmp_path):
    # map_to_cog wrote no colour table: QGIS showed class ids in grey. classify's map (-1 no data) was int16, which
    # GDAL gives no colour table; it is uint8 with 255 now, its names in the band's tags
    import json
    import pandas as pd
    import rasterio
    from alphaearth_nb.maps import to_rgba
    e = embedding_from_array(random_unit((6, 5), seed=23))
    pts = pd.DataFrame({"x": [float(e.x[c]) for c in (0, 2, 4)], "y": [float(e.y[r]) for r in (0, 2, 4)],
                        "label": ["forest", "crop", "water"]})
    cls = e.aef.classify(pts, k=1)["class"]; cls.values[0, 1] = -1            # one pixel without data
    lulc = _on(e, LULC, nodata=0)                                              # ids 1, 3, 8; 0 declared no data
    big = _on(e, np.resize(np.array([0, 300, 7], np.int32), (3, 4)))           # uint16
    for m, dtype, nd in ((cls, np.uint8, 255), (lulc, np.uint8, 0), (big, np.uint16, 65535)):
        p = map_to_cog(m, tmp_path / "m.tif", overwrite=True)
        with rasterio.open(p) as f:
            a, cmap, tags = f.read(1), f.colormap(1), f.tags(1)
            assert np.dtype(f.dtypes[0]) == dtype and f.nodata == nd and f.colorinterp[0].name == "palette"
        drawn = to_rgba(m).values                                              # what the maps draw, (4, y, x)
        ok = a != nd
        np.testing.assert_array_equal(np.array([cmap[int(v)] for v in a[ok]]), drawn[:, ok].T)
        assert cmap[nd][3] == 0 and (drawn[3, ~ok] == 0).all()                 # no data: transparent in both
        np.testing.assert_array_equal(a[ok], np.asarray(m.values)[ok])          # the ids themselves
    p = map_to_cog(cls, tmp_path / "c.tif", overwrite=True)
    with rasterio.open(p) as f: tags, a = f.tags(1), f.read(1)
    assert tags["flag_meanings"] == "crop forest water" and tags["flag_values"] == "{0,1,2}"
    assert a[0, 1] == 255 and [json.loads(tags["class_names"])[a[r, c]] for r, c in ((0, 0), (2, 2), (4, 4))] == \
        ["forest", "crop", "water"]
    with rasterio.open(map_to_cog(cls, tmp_path / "s.tif", nodata=-1)) as f:   # -1 asked for: signed, no table
        assert f.dtypes[0] == "int16" and f.nodata == -1
    g = embedding_from_array(random_unit((20, 20), seed=24))               # 400 heights in metres: no classes
    dem = _on(g, (np.arange(400).reshape(20, 20) * 7).astype(np.int16))
    with rasterio.open(map_to_cog(dem, tmp_path / "d.tif")) as f:
        assert f.dtypes[0] == "int16" and f.nodata == -1 and f.colorinterp[0].name == "gray"


def test_every_writer_returns_the_path_it_wrote(tmp_path, embed_standin):
    "One convention: each writer returns a `pathlib.Path`, `~` expanded (to_zarr and embed_to_zarr gave a str, to_cog "
    "and map_to_cog a Path); given a str or a Path alike."
    from pathlib import Path
    from alphaearth_nb.embed import embed_to_zarr
    from alphaearth_nb.files import write_text
    st = embed_standin.make_stack(8, 8)
    for kind in (str, Path):
        d = tmp_path / kind.__name__
        got = [to_zarr(_emb(1), kind(d / "e.zarr")), to_cog(_emb(1), kind(d / "e.tif")),
               map_to_cog(_cls(1), kind(d / "m.tif")), write_text(kind(d / "t.txt"), "x"),
               embed_to_zarr(st, embed_standin.model_on(st), 2024, kind(d / "s.zarr"), progress=False)]
        assert [type(p) for p in got] == [type(Path())] * 5, got
        assert [p.name for p in got] == ["e.zarr", "e.tif", "m.tif", "t.txt", "s.zarr"] and all(p.exists() for p in got)
