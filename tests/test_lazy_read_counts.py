"""Chunk reads of a lazy official cube (benchmarks/lazy_reads.py counts them; every read of xee over Earth Engine, a
zarr store or a mirror of COGs is a network read). xee's form, a Dataset of A00..A63 over several years, was made the
cube by `per_year` (`embeddings.official_cube`, every year gated: its sample read) before classify placed its labels,
so labels off the map, labels in another CRS's numbers and labels of a year the cube lacks were refused after 24 of
its 24 chunks were read; `change(cube)` without `other` after 12 (the DataArray) or 24 (the Dataset). Now each is
refused before a chunk is read: the Dataset's years are laid out without a value read (`per_year._official_form`)
and each year is read by classify itself, labels placed first."""
from pathlib import Path

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb import analysis
from alphaearth_nb.core import ConfigError
from alphaearth_nb.embeddings import from_official, official_cube
from alphaearth_nb.per_year import _official_form as official_form

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "lazy_reads.py"
REFUSED = ("classify, a label off the map (refused)", "classify, labels in lon/lat said metres (refused)",
           "classify, labels of 2019 only (refused)")


@pytest.fixture(scope="module")
def bench(load_script):
    return load_script(BENCH, "bench_lazy_reads")


@pytest.mark.parametrize("dataset", [False, True], ids=["dataarray", "dataset"])
@pytest.mark.parametrize("dtype", ["int8", "float32"])
@pytest.mark.parametrize("case", REFUSED)
def test_a_refused_classify_reads_no_chunk(bench, case, dtype, dataset):
    t = bench.count(dtype, dataset, case)
    assert t["error"] == "LabelError" and (t["reads"], t["computes"]) == (0, 0), t   # was 24 reads (the Dataset)


@pytest.mark.parametrize("dataset", [False, True], ids=["dataarray", "dataset"])
def test_change_without_other_reads_no_chunk(bench, dataset):
    r = bench.Reads()
    cube = bench.counted_cube(r, dataset=dataset)
    with r, pytest.raises(ConfigError, match="change needs `other`"):
        analysis.change(cube)
    assert r.reads == [], r.tally()   # was 12 (the DataArray: the cube's no-data check) or 24 (the Dataset)


def test_the_form_reads_nothing_and_lays_out_the_cube(bench):
    r = bench.Reads()
    ds = bench.counted_cube(r, dataset=True)
    form = official_form(ds)
    assert r.reads == []
    with r: cube = official_cube(ds)
    assert r.reads   # the gated cube reads its samples
    assert form.dims == cube.dims and form.shape == cube.shape and form.dtype == np.int8
    for d in ("time", "y", "x", "band"): np.testing.assert_array_equal(form[d].values, cube[d].values)
    assert {k: form.attrs[k] for k in ("crs", "source")} == {k: cube.attrs[k] for k in ("crs", "source")}
    assert official_form(ds.isel(time=[0])) is None and official_form(from_official(ds.isel(time=[0]))) is None


def test_a_dataset_classified_year_by_year_equals_its_cube(bench):
    "The Dataset, each year read by classify (labels first), gives what its gated cube gives, scores too."
    r = bench.Reads()
    ds = bench.counted_cube(r, dataset=True)
    labels = bench.labels(ds)
    got = analysis.classify(ds, labels, k=3, crs="EPSG:32631").compute()
    want = analysis.classify(official_cube(ds), labels, k=3, crs="EPSG:32631").compute()
    xr.testing.assert_allclose(got, want)
    assert got["class"].sizes["time"] == 2 and (got["class"] >= 0).all()
