"""xee's Dataset of A00..A63 read each chunk once, as the DataArray cube is (benchmarks/lazy_reads.py counts them;
session 56 left these, /work/notes/s56/lazy.md). classify of a Dataset over two years read its 24 chunks 82 times:
`from_official` built its map before the labels were placed, so the hold could not take the labels' chunks and the
gate, the no-data check and the labels each read again; evaluate's read of one year 17 times for 12; a similarity point
off the map was refused after 24 reads (`per_year` made the gated cube before its `first` hook). Now `as_embedding`
holds the map's form after `before_read` (its labels' chunks with its sample's) for both forms, `per_year` judges the
point on the Dataset's form and holds the Dataset once. And `as_embedding` made a held lazy map's form twice
(`_map_form`), so its warnings came twice under 'always'."""
import warnings
from pathlib import Path

import dask.array as dsa
import numpy as np
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.core import GridWarning

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "lazy_reads.py"


@pytest.fixture(scope="module")
def bench(load_script):
    return load_script(BENCH, "bench_lazy_dataset_reads")


@pytest.mark.parametrize("dtype", ["int8", "float32"])
def test_classify_of_xees_dataset_reads_each_chunk_once(bench, dtype):
    t = bench.count(dtype, True, "classify")
    assert t["error"] is None and t["reads"] == t["chunks"] == t["of"] and t["most"] == 1, t   # was 82 reads (most 4)


def test_evaluates_read_of_xees_dataset_reads_each_chunk_once(bench):
    t = bench.count("int8", True, "evaluate's read (training_set, one year)")
    assert t["error"] is None and t["reads"] == t["chunks"] == 12 and t["most"] == 1, t   # was 17 (most 2)


def test_a_point_off_xees_dataset_reads_nothing(bench):
    t = bench.count("int8", True, "similarity, the point off the map (refused)")
    assert t["error"] == "PointError" and (t["reads"], t["computes"]) == (0, 0), t   # was 24 reads


def test_the_dataset_cube_gives_what_its_cube_gives(bench):
    "Each year of the Dataset read by similarity itself equals the similarity of `from_official(ds)`."
    ds = bench.counted_cube(bench.Reads(), dataset=True)
    x, y = ds.x.values, ds.y.values
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = aef.similarity(ds, (x[70], y[70]), crs="EPSG:32631").compute()
        want = aef.similarity(aef.from_official(ds), (x[70], y[70]), crs="EPSG:32631").compute()
    xr.testing.assert_allclose(got, want)


def test_a_held_maps_form_warns_once():
    "A lazy map with corner coordinates (stackstac's, its transform says so): the corner GridWarning once a call."
    rng = np.random.default_rng(0)
    v = rng.normal(size=(64, 64, 64)).astype("float32")
    v /= np.linalg.norm(v, axis=-1, keepdims=True)
    da = xr.DataArray(dsa.from_array(v, chunks=(32, 32, 64)), dims=("y", "x", "band"),
                      coords={"y": 1000. - 10 * np.arange(64), "x": 10. * np.arange(64),
                              "band": [f"A{i:02d}" for i in range(64)]},
                      attrs={"transform": (10.0, 0.0, 0.0, 0.0, -10.0, 1000.0), "crs": "EPSG:32631"})
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        aef.similarity(da, (105., 895.)).compute()
    corner = [str(w.message) for w in said if issubclass(w.category, GridWarning) and "corner" in str(w.message)]
    assert len(corner) == 1, corner   # was 2: the map's form made again after the hold
