"""A SIGTERM or Ctrl-C whose raise Python swallowed (`aef`'s handler notes it: `runlock.ask_stop`) was acted on only
once a map's whole compute was done: `map_to_cog` of a lazy map (a similarity or class map of a lazy cube: each chunk
a network read) read every chunk before `cog_stage` stopped it, and `embed` in memory (`aef demo`'s loop,
`embed.tile_sums`) ran every batch of tiles. Now `map_to_cog` reads a lazy map rows of chunks at a time
(`map_files.map_values`) with a stop point before each, `to_cog` one before each window, `tile_sums` one before
each batch: the stop is raised there, nothing written."""
import threading

import dask.array as dsa
import numpy as np
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.map_files import map_values
from alphaearth_nb.exports import map_to_cog
from alphaearth_nb.runlock import Terminated, ask_stop, clear_stop, stop_asked
from alphaearth_nb.stacks import toy_stack

pytest.importorskip("rasterio")
SIDE = 256


@pytest.fixture(autouse=True)
def no_stop_left():
    clear_stop()
    yield
    clear_stop()


def _lazy_map(read, stop_at=None, rows=4, cols=1):
    "A lazy float map (y, x) of SIDE-pixel chunks recording each read; the read of chunk `stop_at` asks a stop."
    lock = threading.Lock()
    def block(block_info=None):
        (y0, y1), (x0, x1) = block_info[None]["array-location"]
        with lock: read.append((y0, x0))
        if (y0 // SIDE, x0 // SIDE) == stop_at: ask_stop()   # the handler ran inside this read; its raise swallowed
        return np.random.default_rng(y0 + x0).random((y1 - y0, x1 - x0)).astype("float32")
    data = dsa.map_blocks(block, chunks=((SIDE,) * rows, (SIDE,) * cols), dtype="float32")
    coords = {"y": 5e6 - 10.0 * np.arange(SIDE * rows), "x": 5e5 + 10.0 * np.arange(SIDE * cols)}
    return xr.DataArray(data, dims=("y", "x"), coords=coords, name="similarity", attrs={"crs": "EPSG:32631"})


def test_map_to_cog_of_a_lazy_map_stops_at_the_next_rows(tmp_path):
    read = []
    path = tmp_path / "sim.tif"
    with pytest.raises(Terminated):
        map_to_cog(_lazy_map(read, stop_at=(0, 0)), path)
    assert sorted(read) == [(0, 0), (SIDE, 0)], read   # its first 512 rows; was: all 4 chunks read, then stopped
    assert not stop_asked() and list(tmp_path.iterdir()) == []   # the stop taken; no file, no stage left


def test_map_values_reads_each_chunk_once_and_equals_the_map():
    read = []
    m = _lazy_map(read, cols=2)
    got = map_values(m, rows=SIDE)
    np.testing.assert_array_equal(got, m.values)
    assert len(read) == 2 * 8 and len(set(read)) == 8   # once each in map_values, once in m.values
    assert map_values(m.compute()).dtype == np.float32


def test_a_lazy_map_written_whole_without_a_stop(tmp_path):
    read = []
    out = map_to_cog(_lazy_map(read), tmp_path / "sim.tif")
    assert out.exists() and sorted(read) == sorted(set(read)) and len(read) == 4   # each chunk once


@pytest.mark.filterwarnings("ignore")
def test_embed_in_memory_stops_before_its_next_batch():
    ask_stop()   # asked as the stack was read: its raise swallowed
    with pytest.raises(Terminated):
        aef.embed(toy_stack(size=32), aef.model.init("tiny"), 2021, progress=False)
    assert not stop_asked()   # taken by tile_sums; was: every batch embedded, the map returned
