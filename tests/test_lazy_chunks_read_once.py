"""Each chunk of a lazy map read once by a call that succeeds (benchmarks/lazy_reads.py counts them: on xee over Earth
Engine, a zarr store or a mirror of COGs each read is a network request). On 906bfade a counted cube of 2 years x 3 x 4
chunks (24) was read 58 times by classify, 49 by similarity, 48 by change of its two years, 42 by aggregate, and
training_set of one year (12 chunks) 17 times: the gate's sample
(`pixels.map_sample`, every chunk of this small map), then the labelled or query pixels, then the map. Now the door holds
the chunks its sample and its pixels read (`pixels.held`) and the map takes them from there; a point off the map is
refused from its coordinates before any chunk is read (it read year 0's 12 chunks first)."""
from pathlib import Path

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb import analysis
from alphaearth_nb.core import PointError
from alphaearth_nb.pixels import held, map_sample

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "lazy_reads.py"
ONCE = ("classify", "similarity", "change of the two years", "aggregate")


@pytest.fixture(scope="module")
def bench(load_script):
    return load_script(BENCH, "bench_lazy_reads_once")


@pytest.mark.parametrize("dtype", ["int8", "float32"])
@pytest.mark.parametrize("case", ONCE)
def test_a_call_reads_each_chunk_once(bench, case, dtype):
    t = bench.count(dtype, False, case)
    assert t["error"] is None and t["chunks"] == t["of"], t
    assert t["reads"] <= t["chunks"] and t["most"] == 1, t   # was 58, 49, 48, 42 reads of 24 chunks (most 3, 3, 2, 2)


@pytest.mark.parametrize("case", ONCE)
def test_xees_dataset_read_each_chunk_once(bench, case):
    "xee's Dataset of A00..A63 alike (classify: tests/test_lazy_dataset_reads.py)."
    t = bench.count("int8", True, case)
    assert t["error"] is None and t["reads"] == t["chunks"] == t["of"] and t["most"] == 1, t   # was 82, 73, 72, 54 reads


@pytest.mark.parametrize("dtype", ["int8", "float32"])
def test_evaluates_read_reads_each_chunk_once(bench, dtype):
    "`training_set` of one year (`aef evaluate`'s read): the labels' chunks held with its sample's."
    t = bench.count(dtype, False, "evaluate's read (training_set, one year)")
    assert t["error"] is None and t["reads"] == t["chunks"] == 12 and t["most"] == 1, t   # was 17 reads of 12 chunks


def test_a_point_off_the_map_reads_nothing(bench):
    t = bench.count("int8", False, "similarity, the point off the map (refused)")
    assert t["error"] == "PointError" and (t["reads"], t["computes"]) == (0, 0), t   # was 12 reads (year 0's no data)


def test_one_map_off_point_refused_before_a_read(bench):
    "One year's map (no cube): the point judged by its coordinates first, its PointError before the map's no-data read."
    r = bench.Reads()
    one = bench.counted_cube(r).isel(time=0)
    with r, pytest.raises(PointError):
        analysis.similarity(one, (float(one.x[-1]) + 1e4, float(one.y[3])), crs="EPSG:32631")
    assert r.reads == [], r.tally()


@pytest.mark.parametrize("dtype", ["int8", "float32"])
def test_lazy_equals_eager(bench, dtype):
    "The held chunks change no value: classify, similarity and change of the lazy cube equal those of it in memory."
    lazy = bench.counted_cube(bench.Reads(), dtype)
    eager = lazy.compute()
    x, y = lazy.x.values, lazy.y.values
    lab = bench.labels(lazy)
    calls = {"classify": lambda c: analysis.classify(c, lab, k=1, crs="EPSG:32631"),
             "similarity": lambda c: analysis.similarity(c, (x[70], y[70]), crs="EPSG:32631"),
             "change": lambda c: analysis.change(c.isel(time=0), c.isel(time=1))}
    for name, call in calls.items():
        got, want = call(lazy), call(eager)
        assert got.chunks if isinstance(got, xr.DataArray) else got["class"].chunks, name   # still lazy
        xr.testing.assert_equal(got.compute(), want)


def test_held_reads_the_sample_chunks_once(bench):
    "`held`: the chunks under the sample and a pixel's read in one compute; its sample and that pixel then read nothing."
    r = bench.Reads()
    m = bench.counted_cube(r, ny=9, nx=9).isel(time=0)   # 81 chunks of 64 px: the sample's windows in 3 x 3 of them
    with r: h = held(m, ([575], [575]))   # the pixel in the last chunk, outside the sample's
    assert len(r.reads) == len(set(r.reads)) == 10 and r.computes == 1, r.tally()
    with r:
        np.testing.assert_array_equal(map_sample(h).values, map_sample(m).values)
        assert h[575, 575].values.tolist() == m[575, 575].values.tolist()
    assert len(r.reads) == 10 + 9 + 1, r.tally()   # only `m`'s own reads: the held map's came from memory
    with r: h.values
    assert len(r.reads) == 20 + 81 - 10, r.tally()   # the whole held map: the 71 chunks it does not hold
