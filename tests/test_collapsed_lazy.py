"""An own model's map opened lazily (its zarr store, the usual route for an own model's embeddings) was never checked
for collapse: `map_checks.warn_collapsed` returned early for every lazy map (session 56's left list). Now it judges
the sample the map's gate read (`pixels.per_pixel_sample`): the same TrainingWarning, and no chunk read more than
the call reads without the check (counted as benchmarks/lazy_reads.py counts them)."""
import re
import warnings
from pathlib import Path

import dask.array as dsa
import numpy as np
import pandas as pd
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb import analysis, map_checks
from alphaearth_nb.core import TrainingWarning
from alphaearth_nb.exports import to_zarr
from alphaearth_nb.pixels import per_pixel_sample
from alphaearth_nb.testing import embedding_from_array

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "lazy_reads.py"


@pytest.fixture(scope="module")
def bench(load_script):
    return load_script(BENCH, "bench_lazy_reads")


def counted_map(reads, spread, model, seed=0, year=2024, side=64, ny=3, nx=4):
    """A lazy map (y, x, band) of 3 x 4 chunks of 64 px whose every chunk read is recorded in `reads`: unit vectors
    about one direction, `spread` apart (0.02: collapsed, median cosine ~0.98), of own model `model` (None: none)."""
    base = np.random.default_rng(seed).normal(size=64)

    def block(block_info=None):
        (y0, y1), (x0, x1) = block_info[None]["array-location"][:2]
        with reads.lock: reads.reads.append((0, y0, x0))
        v = base / np.linalg.norm(base) + spread * np.random.default_rng([seed, y0, x0]).normal(size=(y1 - y0, x1 - x0, 64))
        return (v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32)
    data = dsa.map_blocks(block, chunks=((side,) * ny, (side,) * nx, (64,)), dtype="float32",
                          name=f"collapsed-{id(reads)}-{seed}-{spread}")
    at = {"crs": "EPSG:32631", "period_start": f"{year}-01-01", "period_end": f"{year}-12-31"}
    return xr.DataArray(data, dims=("y", "x", "band"), attrs=at | ({"embedding:model": model} if model else {}),
                        coords={"y": 5e6 + 5 - 10.0 * np.arange(side * ny), "x": 5e5 + 5 + 10.0 * np.arange(side * nx),
                                "band": aef.band_names()})


def _call(door, reads, model, spread=0.02):
    "`door` of counted maps of `model`, computed: (the reads' tally, the TrainingWarnings' words)."
    e = counted_map(reads, spread, model)
    with reads, warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        if door == "similarity": analysis.similarity(e, (5e5 + 15, 5e6 - 5)).compute()
        elif door == "classify":
            lab = pd.DataFrame({"x": e.x.values[[3, 40, 100, 150]], "y": e.y.values[[5, 60, 120, 20]], "label": [1, 1, 2, 2]})
            analysis.classify(e, lab, k=1).compute()
        else: analysis.change(e, counted_map(reads, spread, model, seed=1, year=2025)).compute()
    return reads.tally(), [str(x.message) for x in w if issubclass(x.category, TrainingWarning)]


@pytest.mark.parametrize("door", ["similarity", "classify", "change"])
def test_a_collapsed_lazy_own_map_is_warned_with_no_chunk_read_more(bench, door):
    model = f"alphaearth_nb tiny sha256:lazy-collapsed-{door}"
    checked, said = _call(door, bench.Reads(), model)
    unchecked, quiet = _call(door, bench.Reads(), None)   # no model recorded: not measured, as before
    assert len(said) == 1 and not quiet, said
    assert re.search(rf"model {model}\) are nearly one vector everywhere: median cosine between pixels 0\.9\d\d, of "
                     rf"2,000 pairs of the pixels its gate sampled .*so {door} will tell few places apart.*train it "
                     "longer.*one land cover alone", said[0]), said[0]
    assert checked == unchecked, (checked, unchecked)   # reads and computes: the check reads nothing of its own


def test_a_spread_lazy_own_map_passes_quietly(bench):
    tally, said = _call("similarity", bench.Reads(), "alphaearth_nb small sha256:lazy-spread", spread=1.0)
    assert not said and tally["most"] == 1, tally


def test_the_figure_is_the_gates_sample_through_the_gate(bench):
    "`per_pixel_sample` of a gated lazy map: its sample's vectors as the gate gives them, read once; None otherwise."
    r = bench.Reads()
    e = counted_map(r, 0.02, "alphaearth_nb tiny sha256:sample")
    g = analysis.as_embedding(e)   # the gate reads its sample (nine windows over this 3 x 4 map of 64 px chunks)
    gate_read = len(r.reads)
    x = per_pixel_sample(g)
    assert gate_read == 12 and len(r.reads) == gate_read, r.reads   # read once, by the gate
    assert x.shape == (192, 192, 64) and np.isfinite(x).all()
    np.testing.assert_allclose(np.linalg.norm(x, axis=-1), 1, atol=1e-5)
    assert per_pixel_sample(e) is None and per_pixel_sample(g.compute()) is None   # not made by the gate; numpy
    with pytest.warns(TrainingWarning, match=r"of 2,000 pairs \(the official"):   # numpy: its own sample, as before
        assert map_checks.warn_collapsed(g.compute(), "similarity") > map_checks.COLLAPSED


def test_an_own_models_zarr_store_opened_lazily_is_warned(tmp_path):
    "The usual route: an own model's embeddings written to a store and opened again (lazily) for a map call."
    rng = np.random.default_rng(0)
    v = rng.normal(size=64) + 0.02 * np.linalg.norm(rng.normal(size=64)) * rng.normal(size=(200, 200, 64)) / 8
    v /= np.linalg.norm(v, axis=-1, keepdims=True)
    e = embedding_from_array(v.astype(np.float32)).assign_attrs({"embedding:model": "alphaearth_nb tiny sha256:store",
                                                                 "crs": "EPSG:32631"})
    to_zarr(e, tmp_path / "own.zarr")
    z = aef.stores.open_zarr(tmp_path / "own.zarr")
    assert z.chunks is not None
    with pytest.warns(TrainingWarning, match=r"sha256:store\) are nearly one vector everywhere: median cosine between "
                                             r"pixels 0\.9\d\d, of 2,000 pairs of the pixels its gate sampled"):
        z.aef.similarity((float(z.x[5]), float(z.y[5])))
