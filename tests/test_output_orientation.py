"""Every mapping tool answers in the input's orientation (kind B: georeferencing by meaning).

`as_embedding` keeps the storage order on purpose: the same map stored north-up, south-first (an official tile read
by rioxarray), east-first or both gives, at every map point, the same value, and the output's y/x coordinates are the
input's, in the input's order. Tables (label_table, tile_zones, aggregate) are the same rows whatever the order;
a COG is written north-up and reads back north-up; a Zarr store keeps the order it was given."""
import warnings

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import xarray as xr
from shapely.geometry import box

from alphaearth_nb.analysis import change, classify, cluster, regress, rgb, similarity
from alphaearth_nb.cubes import aggregate, label_table, tile_zones, yearly_change
from alphaearth_nb.embeddings import from_official
from alphaearth_nb.exports import open_zarr, read_cog, to_cog, to_zarr
from alphaearth_nb.quantize import quantize
from alphaearth_nb.testing import embedding_from_array, official_tiff, random_unit

ORDERS = {"north-up": {}, "south-first": {"y": slice(None, None, -1)}, "east-first": {"x": slice(None, None, -1)},
          "both": {"y": slice(None, None, -1), "x": slice(None, None, -1)}}


def _map(seed, shape=(5, 6)):
    c = random_unit((3,), seed=seed + 100)   # three groups of vectors: clusters and classes to find
    v = c[np.random.default_rng(seed).integers(0, 3, shape)] + 0.5 * random_unit(shape, seed=seed)
    e = embedding_from_array((v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32))
    e.values[0, 1] = np.nan   # one pixel of no data, at the north edge
    return e


@pytest.fixture(scope="module")
def maps():
    return _map(1), _map(2)


def _same_place(out, m, ref):
    """`out` (computed on `m`) has `m`'s y/x in `m`'s order, and at every map point the value `ref` (north-up) has."""
    np.testing.assert_array_equal(out.y.values, m.y.values)
    np.testing.assert_array_equal(out.x.values, m.x.values)
    np.testing.assert_allclose(out.sel(y=ref.y, x=ref.x).transpose(*ref.dims).values, ref.values, atol=1e-6)


def _points(e):
    y, x = e.y.values, e.x.values
    rc = [(0, 0), (1, 4), (2, 2), (3, 5), (4, 1), (4, 3), (2, 0), (0, 5)]
    return pd.DataFrame({"x": [x[c] for _, c in rc], "y": [y[r] for r, _ in rc], "label": [1, 2, 1, 2, 3, 3, 1, 2],
                         "value": [0.5, 1.5, 0.2, 3.0, -1.0, 2.0, 0.7, 1.1]})


@pytest.mark.parametrize("order", list(ORDERS))
def test_maps_answer_in_the_input_orientation(maps, order):
    e, f = maps
    m, n = e.isel(ORDERS[order]), f.isel(ORDERS[order])
    pts = _points(e)
    q = e.values[2, 3]
    _same_place(similarity(m, q), m, similarity(e, q))
    _same_place(similarity(m, (float(e.x[3]), float(e.y[2]))), m, similarity(e, q))
    _same_place(change(m, n), m, change(e, f))
    _same_place(change(m, f), m, change(e, f))           # `other` stored north-up: the answer in `m`'s order
    _same_place(change(e, n), e, change(e, f))
    for method in ("knn", "linear"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            got, ref = classify(m, pts, method=method, k=1), classify(e, pts, method=method, k=1)
        _same_place(got["class"], m, ref["class"])
        _same_place(got["scores"], m, ref["scores"])
    _same_place(regress(m, pts, column="value"), m, regress(e, pts, column="value"))
    got, ref = cluster(m, 3), cluster(e, 3)
    _same_place(got.cluster, m, ref.cluster)
    np.testing.assert_allclose(got.centres.values, ref.centres.values, atol=1e-6)
    _same_place(rgb(m), m, rgb(e))


@pytest.mark.parametrize("order", list(ORDERS))
def test_label_rasters_in_another_order(maps, order):
    e, _ = maps
    m = e.isel(ORDERS[order])
    lab = xr.DataArray(np.full(e.shape[:2], -1), dims=("y", "x"), coords={"y": e.y, "x": e.x})
    for (r, c), v in zip([(0, 0), (1, 4), (2, 2), (3, 5), (4, 1), (4, 3)], [1, 2, 1, 2, 3, 3]): lab[r, c] = v
    ref = classify(e, lab, k=1)["class"]
    for labels in (lab, lab.isel(ORDERS[order])):   # the labels in either order, the map in this one
        _same_place(classify(m, labels, k=1)["class"], m, ref)


@pytest.mark.parametrize("order", list(ORDERS))
def test_yearly_change_keeps_the_order(order):
    cube = xr.concat([_map(s) for s in (3, 4, 5, 6)], "time").assign_coords(
        time=pd.to_datetime([f"{y}-01-01" for y in (2021, 2022, 2023, 2024)]))
    got, ref = yearly_change(cube.isel(ORDERS[order])), yearly_change(cube)
    m = cube.isel(ORDERS[order])
    for v in ("distance", "score", "year_of_change", "max_score"):
        _same_place(got[v], m, ref[v])


@pytest.mark.parametrize("order", list(ORDERS))
def test_tables_are_the_same_rows(maps, order):
    e, _ = maps
    m = e.isel(ORDERS[order])
    x, y = e.x.values, e.y.values
    polys = gpd.GeoDataFrame({"label": ["a", "b"]}, crs="EPSG:32631",
                             geometry=[box(x[0] - 5, y[2] - 5, x[2] + 5, y[0] + 5), box(x[3] - 5, y[4] - 5, x[5] + 5, y[3] + 5)])
    pd.testing.assert_frame_equal(label_table(m, polys), label_table(e, polys))
    pd.testing.assert_frame_equal(label_table(m, polys, polygons="sample", per_polygon=3),
                                  label_table(e, polys, polygons="sample", per_polygon=3))
    a, b = tile_zones(m, 2), tile_zones(e, 2)
    pd.testing.assert_frame_equal(a.drop(columns="geometry"), b.drop(columns="geometry"))
    assert a.geometry.geom_equals(b.geometry).all()
    for kw in ({"tile": 2}, {"zones": polys}):
        a, b = aggregate(m, **kw), aggregate(e, **kw)
        pd.testing.assert_frame_equal(pd.DataFrame(a.drop(columns="geometry")), pd.DataFrame(b.drop(columns="geometry")),
                                      atol=1e-6)


@pytest.mark.parametrize("order", list(ORDERS))
def test_files_round_trip(maps, order, tmp_path):
    e, _ = maps
    m = e.isel(ORDERS[order])
    pytest.importorskip("rioxarray")
    got = read_cog(to_cog(m, tmp_path / "m.tif", dtype="float32", overviews=False))
    _same_place(got, e, e)          # written north-up, read back north-up: the same vectors at the same places
    for quantized in (False, True):
        got = open_zarr(to_zarr(m, tmp_path / f"m{quantized}.zarr", quantized=quantized)).compute()
        np.testing.assert_array_equal(got.y.values, e.y.values)   # written north-up as the COG (was: m's order)
        np.testing.assert_array_equal(got.x.values, e.x.values)
        np.testing.assert_allclose(got.sel(y=e.y, x=e.x).values, e.values, atol=0.02 if quantized else 1e-6)


def test_official_tile_as_read_and_cubes_over_time(maps):
    """A mirror tile as rioxarray reads it ((band, y, x) int8 codes, rows south-first) answers south-first; a cube
    (time, y, x, band) stored in another order answers in its order, year by year."""
    e, f = maps
    tile, north = official_tiff(quantize(e)), from_official(official_tiff(quantize(e), bottom_up=False))
    q = e.values[2, 3]
    for fn in (lambda a: similarity(a, q), lambda a: change(a, from_official(official_tiff(quantize(f)))),
               lambda a: rgb(a), lambda a: cluster(a, 3).cluster):
        got, ref = fn(tile), fn(north)
        assert got.dims[:2] == ("y", "x")
        _same_place(got, tile, ref)
    cube = xr.concat([e, f], "time").assign_coords(time=pd.to_datetime(["2023-01-01", "2024-01-01"]))
    other = xr.concat([f, e], "time").assign_coords(time=cube.time)
    for order in ("south-first", "both"):
        m = cube.isel(ORDERS[order])
        _same_place(similarity(m, q), m, similarity(cube, q))
        _same_place(change(m, other), m, change(cube, other))
        _same_place(classify(m, _points(e), k=1)["class"], m, classify(cube, _points(e), k=1)["class"])
