"""The demo's report (report.md's table, report.json's `tenshot` records) shows `same_as` only where a row is marked:
the demo scores 10-shot, where every class trains on 10 points, so kNN k=3 is never kNN k=1 there and the column was
always empty (session 30's finding). `evaluate_embeddings` keeps the column (1-shot marks it)."""
import json

import numpy as np
import pandas as pd
import xarray as xr

from alphaearth_nb import demo
from alphaearth_nb.testing import embedding_from_array, random_unit


def _inputs(n=24):
    rng = np.random.default_rng(0)
    lab = np.repeat(np.arange(3), n * n // 3).reshape(n, n)   # three bands of classes, 192 pixels each
    centres = random_unit((3,), seed=1).reshape(3, 64)
    vec = centres[lab] + 0.3 * rng.standard_normal((n, n, 64)).astype(np.float32)
    vec /= np.linalg.norm(vec, axis=-1, keepdims=True)
    e = embedding_from_array(vec.astype(np.float32))
    labels = xr.DataArray(np.stack([lab, lab]), dims=("year", "y", "x"),
                          coords={"year": [2023, 2024], "y": e.y, "x": e.x})
    return {2023: e, 2024: e}, (e.isel(band=0) * 0).rename("change"), labels


def test_the_demo_report_leaves_out_an_empty_same_as(tmp_path):
    embs, ch, labels = _inputs()
    rep = demo._report(tmp_path, embs, ch, labels, [{"loss": 1.0}] * 12, 12, 2, 0, 0.0)
    assert all("same_as" not in r for r in rep["tenshot"])
    assert "same_as" not in (tmp_path / "report.md").read_text()
    saved = json.loads((tmp_path / "report.json").read_text())
    assert [sorted(r) for r in saved["tenshot"]] == [sorted(r) for r in rep["tenshot"]]
    assert {r["method"] for r in rep["tenshot"]} == {"knn1", "knn3", "linear"}


def test_a_marked_row_keeps_the_column():
    t = pd.DataFrame({"shots": [1, 1], "method": ["knn1", "knn3"], "same_as": ["", "knn1"]})
    assert demo._report_table(t).equals(t)
    assert "same_as" not in demo._report_table(t.assign(same_as="")).columns
