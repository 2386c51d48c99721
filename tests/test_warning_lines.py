"""User-facing warnings point at the caller's line (this file), never into the package.

Python's default filter shows a warning once per (file, line): one attributed to a line of alphaearth_nb is shown
once a session, whatever the user calls next, and names no line of theirs. `core.checks_flags` wraps ~60 public
functions in one more frame, so a hand-counted `stacklevel` pointed one frame too high or into the package;
`core.user_stacklevel` counts the frames as the call happens. Each case calls a public function from here, the way a
user does, and asserts the warning's file is this one."""
import ast
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import xarray as xr

import alphaearth_nb as aef   # registers the .aef accessor
from alphaearth_nb.analysis import classify
from alphaearth_nb.embeddings import as_embedding
from alphaearth_nb.samples import SamplerConfig, sample_batch
from alphaearth_nb.testing import embedding_from_array, random_unit, sampler_stack


def _warned_here(call, match:str):
    "The warnings `call()` raises whose message holds `match`: at least one, each attributed to this file."
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        call()
    got = [w for w in rec if match in str(w.message)]
    assert got, f"no warning with {match!r}: {[str(w.message)[:80] for w in rec]}"
    assert all(w.filename == __file__ for w in got), [(w.filename, w.lineno) for w in got]


def _emb(seed=1, shape=(6, 6)):
    return embedding_from_array(random_unit(shape, seed=seed))


def _points(e, rc, labels, **more):
    return pd.DataFrame({"x": [float(e.x[c]) for _, c in rc], "y": [float(e.y[r]) for r, _ in rc], "label": labels,
                         **more})


def _cube(gap=False):
    es = [_emb(s) for s in (1, 2)]
    if gap: es[1] = es[1].copy(); es[1][1, 1] = np.nan
    return xr.concat(es, xr.DataArray(pd.to_datetime(["2023-01-01", "2024-01-01"]), dims="time", name="time"))


# --- gate -------------------------------------------------------------------------------------------------------
def test_gate_mean_rescaled():
    u = random_unit((2, 2), seed=3)
    _warned_here(lambda: as_embedding(embedding_from_array((u + u[::-1]) / 2)), "mean of embeddings")


def test_gate_pixels_refused_through_the_accessor():
    a = random_unit((3, 3), seed=4); a[0, 0] *= 3
    _warned_here(lambda: embedding_from_array(a).aef.similarity(a[1, 1]), "not embedding vectors")


# --- labels -----------------------------------------------------------------------------------------------------
def test_labels_names_differing_in_case():
    e = _emb()
    t = _points(e, [(0, 0), (0, 1), (0, 2), (0, 3)], ["Forest", "forest ", "Water", "water"])
    _warned_here(lambda: classify(e, t, k=1), "differ only in case")


def test_labels_texts_read_as_one_class():
    e = _emb()
    t = _points(e, [(0, 0), (0, 1), (1, 0), (1, 1)], ["1", "01", "2", "2"])
    _warned_here(lambda: e.aef.classify(t, k=1), "read as one class")


def test_labels_raster_of_other_pixels():
    e = _emb()
    fine = xr.DataArray(np.ones((12, 12), np.int64), dims=("y", "x"), attrs={"crs": e.attrs["crs"]},
                        coords={"y": float(e.y[0]) + 2.5 - 5 * np.arange(12), "x": float(e.x[0]) - 2.5 + 5 * np.arange(12)})
    fine[:, 6:] = 2
    _warned_here(lambda: classify(e, fine, k=1), "each map pixel took")


# --- analysis ---------------------------------------------------------------------------------------------------
def test_analysis_conflicting_points():
    e = _emb()
    t = _points(e, [(0, 0), (0, 0), (3, 3)], [1, 2, 2])
    _warned_here(lambda: classify(e, t, method="knn", k=1), "different labels")


def test_analysis_classes_smaller_than_k():
    e = _emb(shape=(10, 10))
    t = _points(e, [(1, 1), (2, 7), (5, 5), (8, 2), (9, 9)], [1, 2, 2, 2, 2])
    _warned_here(lambda: e.aef.classify(t, k=3), "fewer labelled pixels than k=3")


def test_analysis_cube_year_without_data():
    cube = _cube(gap=True)
    _warned_here(lambda: cube.aef.similarity((float(cube.x[1]), float(cube.y[1]))), "no data for time")


def test_analysis_label_years_not_in_the_cube():
    cube = _cube()
    t = _points(cube, [(0, 0), (0, 1), (0, 0), (0, 1), (2, 2)], [1, 2, 2, 1, 1], year=[2023, 2023, 2024, 2024, 2022])
    _warned_here(lambda: classify(cube, t, k=1), "are not years of the cube")


def test_analysis_sample_year_not_in_the_cube():
    cube = _cube()
    t = pd.DataFrame({"x": cube.x.values[[0, 1]], "y": cube.y.values[[0, 0]], "year": [2023, 2019]})
    _warned_here(lambda: cube.aef.sample(t, crs="EPSG:32631"), "that is not a year of the cube")


def test_analysis_unlabelled_points_left_out():
    e = _emb()
    t = _points(e, [(0, 0), (0, 1), (2, 2)], [1, 2, -1])
    _warned_here(lambda: classify(e, t, k=1), "left out")


# --- exports ----------------------------------------------------------------------------------------------------
def test_exports_read_cog_with_non_vectors(tmp_path):
    rasterio = pytest.importorskip("rasterio")
    pytest.importorskip("rioxarray")
    from rasterio.transform import from_origin
    a = random_unit((4, 4), seed=5); a[0, 0] *= 3   # one pixel of length 3: no embedding
    with rasterio.open(tmp_path / "e.tif", "w", driver="GTiff", width=4, height=4, count=64, dtype="float32",
                       crs="EPSG:32631", transform=from_origin(500_000, 5_000_000, 10, 10)) as dst:
        dst.write(np.moveaxis(a, -1, 0))
    _warned_here(lambda: aef.exports.read_cog(tmp_path / "e.tif"), "not embedding vectors")


# --- training ---------------------------------------------------------------------------------------------------
def test_training_stack_of_one_date():
    ds = sampler_stack()["sentinel2"].to_dataset().assign_attrs(source="sentinel2").isel(time=[2])
    cfg = SamplerConfig(patch=4, frames=3, n_texts=0)
    _warned_here(lambda: sample_batch(ds, cfg, 0, 1), "shortest summary period")


def test_training_resume_without_a_checkpoint(tmp_path):
    "Given by checkpoint.check_run_folder before fit calls the data; run_folder gives it past contextlib's frames."
    from alphaearth_nb.checkpoint import run_folder
    from alphaearth_nb.train import fit
    class Stop(Exception): pass
    def data(position): raise Stop   # called after the run folder's checks: stops before any training
    def call():
        with pytest.raises(Stop): fit("tiny", data, steps=1, batch_size=2, out=tmp_path / "run", resume=True, progress=False)
    _warned_here(call, "holds no checkpoint to resume from")
    def held():
        with run_folder(tmp_path / "held", resume=True): pass
    _warned_here(held, "holds no checkpoint to resume from")


def test_every_warning_of_the_package_counts_its_frames():
    "A hand-counted or missing stacklevel points into the package on some path: every warn uses user_stacklevel()."
    bad = []
    for f in sorted(Path(aef.__file__).parent.glob("*.py")):
        for x in ast.walk(ast.parse(f.read_text())):
            if isinstance(x, ast.Call) and ast.unparse(x.func) == "warnings.warn":
                level = next((ast.unparse(k.value) for k in x.keywords if k.arg == "stacklevel"), None)
                if level not in ("user_stacklevel()", "stacklevel or user_stacklevel()"): bad.append(f"{f.name}:{x.lineno}")
    assert not bad, bad
