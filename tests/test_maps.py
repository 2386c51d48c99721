"Static pictures are downsampled, transparent where there is no data, and labelled; interactive maps need their extra."
import importlib.util

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.analysis import change, cluster, similarity
from alphaearth_nb.testing import embedding_from_array, random_unit
from alphaearth_nb.core import DimensionError, MissingDependencyError
from alphaearth_nb.maps import downsample, ee_layer, explore, extent, plot, plot_classes, plot_heat, plot_rgb, to_rgba


@pytest.fixture(scope="module")
def emb():
    e = embedding_from_array(random_unit((50, 36), seed=0))
    e[:4, :4] = np.nan  # top-left corner without data
    return e


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_downsample_and_extent(emb):
    small = downsample(emb, 10)
    assert max(small.sizes["y"], small.sizes["x"]) <= 10
    assert downsample(emb, 1000) is emb
    left, right, bottom, top = extent(emb)
    assert (right - left, top - bottom) == (36 * 10.0, 50 * 10.0)


def test_plot_rgb_is_small_and_transparent_where_no_data(emb):
    ax = plot_rgb(emb, max_size=25)
    a = ax.get_images()[0].get_array()
    assert a.shape == (25, 18, 4)
    assert a[0, 0, 3] == 0 and a[-1, -1, 3] == 1 and 0 <= np.min(a) and np.max(a) <= 1


def test_plot_is_north_up_for_bottom_up_grids(emb):
    flipped = emb.isel(y=slice(None, None, -1))  # y ascending, like the public mirror's rows
    a = to_rgba(flipped, max_size=25).values
    b = to_rgba(emb, max_size=25).values
    np.testing.assert_allclose(a.astype(int), b.astype(int), atol=1)  # same picture (PCA on the same pixels)
    assert a[3, 0, 0] == 0  # the no-data corner is still top-left


def test_class_map_legend_and_names(emb):
    ds = cluster(emb, 3, max_samples=200)
    ax = plot(ds, max_size=20)
    assert len(ax.get_legend().get_texts()) == 3
    assert ax.get_images()[0].get_array()[0, 0, 3] == 0  # -1 (no data) transparent
    cls = xr.Dataset({"class": ds.cluster}, coords={"classes": ["water", "forest", "crop"]})
    ax = plot_classes(cls, max_size=20)
    assert sorted(t.get_text() for t in ax.get_legend().get_texts()) == ["crop", "forest", "water"]


def test_heat_maps(emb):
    ax = plot(similarity(emb, random_unit((), seed=1)), max_size=20)
    assert len(ax.figure.axes) == 2 and ax.get_title() == "similarity"  # map and colour bar
    ax = plot_heat(change(emb, emb), max_size=20)
    assert ax.get_images()[0].get_cmap().name == "magma"
    ax = emb.aef.plot(band="A10", max_size=20)
    assert ax.get_title() == "A10"


def test_plot_dispatch(emb):
    ax = plot(emb.aef.rgb(), max_size=20)
    assert ax.get_images()[0].get_array().shape == (17, 12, 3)
    ax = plot(cluster(emb, 3, max_samples=200).cluster, max_size=20)  # an integer map is drawn as classes
    assert ax.get_legend() is not None


def test_to_rgba(emb):
    for obj in (emb, similarity(emb, random_unit((), seed=2)), cluster(emb, 3, max_samples=200)):
        img = to_rgba(obj, max_size=20)
        assert img.dtype == np.uint8 and img.dims == ("band", "y", "x") and img.shape == (4, 17, 12)
        assert img.attrs["crs"] == "EPSG:32631"
        assert img.values[3, 0, 0] == 0 and img.values[3, -1, -1] == 255


@pytest.mark.skipif(importlib.util.find_spec("leafmap") is not None, reason="leafmap is installed")
def test_explore_names_the_extra(emb):
    with pytest.raises(MissingDependencyError, match=r"pip install 'alphaearth_nb\[maps\]'"):
        explore(emb)


@pytest.mark.skipif(importlib.util.find_spec("geemap") is not None, reason="geemap is installed")
def test_ee_layer_names_the_extra():
    with pytest.raises(MissingDependencyError, match=r"pip install 'alphaearth_nb\[ee\]'"):
        ee_layer(object())


def test_explore_with_fake_leafmap(monkeypatch, emb):
    "explore's own logic, with stand-ins for leafmap and rioxarray (neither can run here)."
    import importlib.machinery
    import sys
    import types
    added = []
    class Map:
        def __init__(self, **kw): self.kw, self.layers = kw, []
        def add_raster(self, source, layer_name=None): self.layers.append((source, layer_name))
    for name in ("leafmap", "rioxarray"):
        if importlib.util.find_spec(name) is None:
            m = types.ModuleType(name)
            m.__spec__ = importlib.machinery.ModuleSpec(name, None)
            monkeypatch.setitem(sys.modules, name, m)
            added.append(name)
    if "leafmap" in added: sys.modules["leafmap"].Map = Map
    if "rioxarray" in added:
        class Rio:
            def __init__(self, da): self._da = da
            def write_crs(self, crs): return self._da.assign_attrs(written_crs=crs)
        monkeypatch.setattr(xr.DataArray, "rio", property(Rio), raising=False)
    if len(added) < 2: pytest.skip("leafmap and rioxarray are installed: the real ones are not exercised here")
    m = explore(emb, max_size=20, layer_name="emb", zoom=12)  # the static picture (emb.aef.explore is the live map)
    (img, name), = m.layers
    assert name == "emb" and m.kw == {"zoom": 12}
    assert img.dtype == np.uint8 and img.shape == (4, 17, 12) and img.attrs["written_crs"] == "EPSG:32631"
    with pytest.raises(DimensionError, match="needs the grid.s CRS"):
        explore(emb.assign_attrs(crs=None), max_size=20)


def test_a_class_keeps_its_colour_in_every_map():
    "Issue 11 (kind C): the colour of a class does not depend on which other classes a map holds."
    y, x = [25.0, 15.0, 5.0], [5.0, 15.0]
    a = xr.DataArray(np.array([[0, 3], [5, 3], [-1, 0]]), dims=("y", "x"), coords={"y": y, "x": x})
    b = xr.DataArray(np.array([[5, 5], [5, 5], [5, -1]]), dims=("y", "x"), coords={"y": y, "x": x})
    ia, ib = to_rgba(a).values, to_rgba(b).values
    np.testing.assert_array_equal(ia[:, 1, 0], ib[:, 1, 0])  # class 5 in both
    big = xr.DataArray(np.array([[1101000000, 2501000000], [4102000040, -1]], np.int64), dims=("y", "x"),
                       coords={"y": [15.0, 5.0], "x": [5.0, 15.0]})
    img = to_rgba(big).values
    assert (img[3, [0, 0, 1], [0, 1, 0]] == 255).all() and img[3, 1, 1] == 0  # large ids drawn, -1 transparent
    ax = plot_classes(big)
    assert len(ax.get_legend().get_texts()) == 3
    plt.close("all")


def test_to_rgba_of_rgb_colours_as_plot_draws_them(emb):
    "The output of `rgb` (y, x, rgb), also of a y-ascending embedding: was a raw ValueError from transpose."
    from alphaearth_nb.analysis import rgb
    for e in (emb, emb.isel(y=slice(None, None, -1))):
        c = rgb(e)
        img = to_rgba(c)
        assert img.dims == ("band", "y", "x") and img.dtype == np.uint8 and (np.diff(img.y.values) < 0).all()
        up = c.sortby("y", ascending=False).transpose("y", "x", "rgb").values
        np.testing.assert_array_equal(img.values[:3], np.round(np.moveaxis(np.nan_to_num(up), -1, 0) * 255))
        np.testing.assert_array_equal(img.values[3], np.where(np.isfinite(up).all(-1), 255, 0))


def test_declared_nodata_is_transparent_in_pictures():
    "FINDINGS C on the way out: a raster declaring nodata=0 (eo-learn's LULC) drew class 0; a -9999 fill skewed heat."
    import matplotlib.pyplot as plt
    from alphaearth_nb.maps import class_colour, plot_classes, to_rgba
    e = embedding_from_array(random_unit((3, 4), seed=5))
    a = np.array([[0, 3, 3, 0], [0, 3, 8, 8], [1, 1, 0, 8]], np.uint8)
    lab = xr.DataArray(a, dims=("y", "x"), coords={"y": e.y, "x": e.x}, attrs={"nodata": 0, "crs": "EPSG:32631"})
    r = to_rgba(lab).values
    np.testing.assert_array_equal(r[3], np.where(a == 0, 0, 255))
    np.testing.assert_array_equal(r[:, 0, 1], np.round(np.array(class_colour(3)) * 255).astype(np.uint8))
    ax = plot_classes(lab)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["1", "3", "8"]
    plt.close(ax.figure)
    f = np.array([[0.1, 0.5, -9999.0, 0.9], [0.2, 0.3, 0.4, 0.6], [0.7, -9999.0, 0.8, 1.0]], np.float32)
    heat = lab.copy(data=f).assign_attrs(nodata=None, _FillValue=-9999.0)
    r = to_rgba(heat).values
    np.testing.assert_array_equal(r[3], np.where(f == -9999.0, 0, 255))
    np.testing.assert_array_equal(r, to_rgba(lab.copy(data=np.where(f == -9999.0, np.nan, f))).values)  # same stretch


def test_to_rgba_of_a_map_wrapped_at_180_keeps_its_place():
    # an EPSG:4326 map as a reader wraps it at 180: x = 179.99925, 179.99975, -179.99975, -179.99925 (0.0005 deg
    # pixels); the picture's x was those values, so rioxarray's transform for leafmap was 240 deg wide at -120 deg
    pytest.importorskip("rioxarray")
    e = embedding_from_array(random_unit((4, 4), seed=1), crs="EPSG:4326").assign_coords(
        x=[179.99925, 179.99975, -179.99975, -179.99925], y=[10.00075, 10.00025, 9.99975, 9.99925])
    img = to_rgba(e.aef.similarity(e.values[1, 2]))
    np.testing.assert_allclose(img.x.values, [179.99925, 179.99975, 180.00025, 180.00075])
    t = img.rio.write_crs(img.attrs["crs"]).rio.transform()
    np.testing.assert_allclose([t.a, t.c, t.e, t.f], [0.0005, 179.999, -0.0005, 10.001], atol=1e-9)


def test_map_tick_labels_do_not_overlap():
    "The demo's change.png (a 5 x 4 in figure of a 1.5 km UTM map): x labels in full metres, apart, no 1e6 offset."
    from matplotlib.figure import Figure
    ch = xr.DataArray(np.random.default_rng(0).random((150, 150)).astype("float32"), dims=("y", "x"), name="change",
                      coords={"y": 5_620_000 - 5 - 10 * np.arange(150), "x": 640_005 + 10 * np.arange(150)},
                      attrs={"crs": "EPSG:32631"})
    fig = Figure(figsize=(5, 4)); ax = fig.subplots()
    plot_heat(ch, ax=ax, title="embedding change 2023 -> 2024 (1 - dot)")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    canvas = FigureCanvasAgg(fig); canvas.draw(); r = canvas.get_renderer()
    lo, hi = ax.get_xlim()
    labels = [t for t, v in zip(ax.get_xticklabels(), ax.get_xticks()) if lo <= v <= hi and t.get_text()]
    boxes = sorted((b.x0, b.x1) for b in (t.get_window_extent(r) for t in labels))
    assert len(boxes) >= 2 and all(a1 < b0 for (_, a1), (b0, _) in zip(boxes, boxes[1:])), boxes
    assert ax.yaxis.get_offset_text().get_text() == "" and ax.xaxis.get_offset_text().get_text() == ""
    assert any(t.get_text().replace("\N{MINUS SIGN}", "-") == "5619000" for t in ax.get_yticklabels())


def _cube(*embs):
    return xr.concat(embs, "time").assign_coords(time=pd.to_datetime([f"{2022 + i}-01-01" for i in range(len(embs))]))


def test_a_cube_draws_one_panel_per_year_with_one_colour_scale():
    "`.aef.plot()` on a (time, y, x, band) cube refused (extra dims ['time']); `rgb` fitted each year on its own,"
    " so one vector took another colour in a year whose other pixels differed."
    from alphaearth_nb.analysis import rgb
    a = embedding_from_array(random_unit((20, 12), seed=0))
    b = a.copy(); b[:10] = random_unit((10, 12), seed=5)       # 2023: the southern half as in 2022, the rest new
    cube = _cube(a, b)
    cols = rgb(cube).values
    np.testing.assert_allclose(cols[0, 10:], cols[1, 10:], atol=1e-6)   # the same vector, the same colour
    axs = cube.aef.plot(max_size=10)
    assert [ax.get_title() for ax in axs] == ["2022", "2023"] and len(axs[0].figure.axes) == 2
    imgs = [ax.get_images()[0].get_array() for ax in axs]
    assert imgs[0].shape[:2] == (10, 6)
    np.testing.assert_array_equal(imgs[0][5:], imgs[1][5:])
    axs = cube.aef.plot(band="A05", title="A05")
    assert axs[0].get_images()[0].get_clim() == axs[1].get_images()[0].get_clim() and axs[1].get_title() == "A05, 2023"
    sim = similarity(cube, a.values[0, 0])                  # a map per year (time, y, x): one value range
    lo, hi = (ax.get_images()[0].get_clim() for ax in plot(sim))
    assert lo == hi and hi[1] == pytest.approx(1.0)


def test_a_cube_needs_one_axes_per_year():
    cube = _cube(*(embedding_from_array(random_unit((6, 6), seed=s)) for s in range(3)))
    _, ax = plt.subplots()
    with pytest.raises(DimensionError, match=r"pass 3 Axes .*cube.isel\(time=0\)"):
        cube.aef.plot(ax=ax)
    _, axs = plt.subplots(1, 3)
    assert list(cube.aef.plot(ax=axs)) == list(axs)
    classes = cluster(cube, 2)                              # classify/cluster on a cube: classes per year
    axs = plot(classes)
    assert len(axs) == 3 and axs[-1].get_legend() is not None and axs[0].get_legend() is None
