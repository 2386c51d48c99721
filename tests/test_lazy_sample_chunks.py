"""A lazy map's gates judge a sample (`pixels.map_sample`) whose cost is the chunks under it, each computed whole. On
a map of big chunks (an official cube: 3 x 4 chunks of 512 px, each its tiles decoded and warped) the nine windows
spread over the map fell in 9 of its 12 chunks, so a similarity at one point cost about the whole map. Where the
chunks under the spread windows hold more than `SAMPLE_PIXELS` pixels the windows now lie in the map's centre chunk:
one chunk for the sample, one for the query's pixel; the gate still judges (and refuses) what it judged before."""
import re
import threading

import dask.array as dsa
import numpy as np
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.core import DTypeError
from alphaearth_nb.embeddings import as_embedding
from alphaearth_nb.pixels import map_sample
from alphaearth_nb.quantize import quantize
from alphaearth_nb.testing import embedding_from_array, warned

SAMPLE_PIXELS = aef.pixels.SAMPLE_PIXELS if hasattr(aef.pixels, "SAMPLE_PIXELS") else 1 << 19   # the bound
SIDE = 256   # chunk side; 3 x 4 chunks, as official.open's 512 px chunks over a 1,536 x 2,048 area
CENTRE = (SIDE, 2 * SIDE)   # (y0, x0) of the chunk holding the 768 x 1,024 map's middle row and column (384, 512)


def _counted(values=lambda u: u, dtype="float32", h=3 * SIDE, w=4 * SIDE, time=False):
    """A lazy h x w map (a cube of 2 years with `time`) of SIDE-pixel chunks that records each chunk computed:
    `(map, computed)`, `computed` a list of (year, y0, x0). Its vectors: one unit vector per chunk (cheap to make)."""
    computed, lock = [], threading.Lock()
    def block(block_info=None):
        loc = block_info[None]["array-location"]
        (t0, _), (y0, y1), (x0, x1) = ((0, 1), *loc[:2]) if not time else loc[:3]
        with lock: computed.append((t0, y0, x0))
        v = np.random.default_rng(t0 * 10_000 + y0 * 100 + x0 // SIDE).normal(size=64).astype("float32")
        u = np.broadcast_to(v / np.linalg.norm(v), (y1 - y0, x1 - x0, 64))
        return values(u).astype(dtype).reshape((1,) * time + (y1 - y0, x1 - x0, 64))
    chunks = ((SIDE,) * (h // SIDE), (SIDE,) * (w // SIDE), (64,))
    data = dsa.map_blocks(block, chunks=((1, 1),) * time + chunks, dtype=dtype)
    m = embedding_from_array(np.zeros((1, 1, 64), dtype))   # its coordinates' form, on the big grid
    coords = {"y": 5e6 - 10.0 * np.arange(h), "x": 5e5 + 10.0 * np.arange(w), "band": m.band.values}
    if time: coords["time"] = np.array(["2023-01-01", "2024-01-01"], "datetime64[ns]")
    return xr.DataArray(data, dims=("time",) * time + ("y", "x", "band"), coords=coords, attrs=m.attrs), computed


def test_the_spread_windows_of_a_map_of_big_chunks_hold_more_than_the_bound():
    "The case itself: the nine spread windows lie in all 12 chunks (786,432 pixels), over `SAMPLE_PIXELS`."
    m, _ = _counted()
    spread = {k: aef.gate.window_rows(m.sizes[k]) // SIDE for k in ("y", "x")}
    assert len(set(spread["y"])) * len(set(spread["x"])) * SIDE ** 2 > SAMPLE_PIXELS
    s = map_sample(m)
    assert s.sizes["y"] * s.sizes["x"] <= 9 * 64 * 64
    assert set(np.round((5e6 - s.y.values) / 10) // SIDE) == {1} and set(np.round((s.x.values - 5e5) / 10) // SIDE) == {2}


def test_a_similarity_at_a_point_computes_two_chunks_not_the_map():
    m, computed = _counted()
    s = aef.similarity(m, (float(m.x[100]), float(m.y[100])))   # a pixel in chunk (0, 0): not the centre's
    assert s.chunks is not None   # still lazy
    assert sorted(computed) == [(0, 0, 0), (0, *CENTRE)], sorted(computed)   # the query's, the sample's
    computed.clear()
    np.testing.assert_allclose(s.isel(y=slice(0, 8), x=slice(90, 98)).values, 1.0, atol=1e-9)   # its own chunk
    assert computed == [], computed   # held since the query read it (`pixels.held`): was read again


def test_change_of_two_lazy_maps_computes_their_centre_chunks_only():
    a, ca = _counted()
    b, cb = _counted(lambda u: -u)
    out = aef.change(a, b)
    assert out.chunks is not None
    assert ca == [(0, *CENTRE)] and cb == [(0, *CENTRE)], (ca, cb)


def test_a_cube_computes_its_centre_chunk_of_each_year():
    c, computed = _counted(time=True)
    v = c.isel(time=0, y=300, x=300).values   # the query vector, read here
    computed.clear()
    aef.similarity(c, v)   # no pixel read for the query
    assert sorted(computed) == [(0, *CENTRE), (1, *CENTRE)], sorted(computed)


def test_the_gate_still_refuses_a_map_scaled_by_100_from_its_centre_chunk():
    m, computed = _counted(lambda u: np.round(100 * u), "int16")
    with pytest.raises(DTypeError, match=r"unit vectors scaled by 100"): as_embedding(m, dequantize=False)
    assert set(computed) == {(0, *CENTRE)}, computed
    f, computed = _counted(lambda u: 100 * u)
    lazy, said = warned(lambda: as_embedding(f))
    assert any(re.search(r"of \d+ sampled pixels are not embedding vectors .*scaled by 100", s) for s in said), said
    assert set(computed) == {(0, *CENTRE)} and lazy.chunks is not None, computed


def test_the_int8_form_and_its_no_data_are_read_in_one_chunk():
    q, computed = _counted(lambda u: np.asarray(quantize(u)), "int8")
    q.attrs["valid_min"] = -127
    out, said = warned(lambda: as_embedding(q, dequantize=False))
    assert said == [] and out.dtype == np.int8 and out.chunks is not None
    assert computed == [(0, *CENTRE)], computed


def test_a_map_of_small_chunks_keeps_its_spread_windows():
    "Under the bound (a 1,000 x 1,000 store of 100 px chunks: 16 chunks of 10,000) the windows stay spread."
    m = xr.DataArray(dsa.zeros((1000, 1000, 64), np.float32, chunks=(100, 100, 64)), dims=("y", "x", "band"),
                     coords={"y": np.arange(1000), "x": np.arange(1000)})
    s = map_sample(m)
    assert np.array_equal(s.y.values, aef.gate.window_rows(1000)) and np.array_equal(s.x.values, s.y.values)


def test_aggregate_of_a_zone_in_one_chunk_computes_that_chunk_and_the_sample():
    "The zones' row blocks were read across the map's width: a field in chunk (0, 0) computed the 4 chunks of its rows."
    gpd = pytest.importorskip("geopandas")
    shapely = pytest.importorskip("shapely")
    pytest.importorskip("rasterio")
    m, computed = _counted()
    field = shapely.box(float(m.x[10]), float(m.y[60]), float(m.x[60]), float(m.y[10]))
    zones = gpd.GeoDataFrame(geometry=[field], crs=m.attrs["crs"])
    out = aef.cubes.aggregate(m, zones)
    assert sorted(computed) == [(0, 0, 0), (0, *CENTRE)], sorted(computed)   # the field's chunk, the sample's
    corner = aef.cubes.aggregate(m.isel(y=slice(0, SIDE), x=slice(0, SIDE)).compute(), zones)   # that chunk in memory
    assert out["n_pixels"].iloc[0] == corner["n_pixels"].iloc[0] > 2000
    np.testing.assert_allclose(out[aef.band_names()].values, corner[aef.band_names()].values, atol=1e-6)
