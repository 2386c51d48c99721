"""The demo's report says in words where a mean of 1 - dot has no pixels: no pixel changed its land cover, none kept
it, or a transition's pixels hold no data. Was: `np.nanmean` of an empty selection, NaN in report.json ('nan' in
report.md) and numpy's 'RuntimeWarning: Mean of empty slice'."""
import json
import warnings

import numpy as np
import xarray as xr

from alphaearth_nb import demo
from alphaearth_nb.testing import embedding_from_array, random_unit


def _inputs(n=12):
    "Three bands of classes (48 pixels each), vectors near each class's centre; the same labels both years."
    rng = np.random.default_rng(0)
    lab = np.repeat(np.arange(3), n * n // 3).reshape(n, n)
    vec = random_unit((3,), seed=1).reshape(3, 64)[lab] + 0.3 * rng.standard_normal((n, n, 64))
    e = embedding_from_array((vec / np.linalg.norm(vec, axis=-1, keepdims=True)).astype(np.float32))
    labels = xr.DataArray(np.stack([lab, lab]), dims=("year", "y", "x"),
                          coords={"year": [2023, 2024], "y": e.y, "x": e.x})
    return {2023: e, 2024: e}, (e.isel(band=0) * 0).rename("change"), labels


def _run(tmp_path, embs, ch, labels):
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)   # 'Mean of empty slice' was one
        rep = demo._report(tmp_path, embs, ch, labels, [{"loss": 1.0}] * 12, 12, 2, 0, 0.0, train_seconds=3.0)
    return rep, (tmp_path / "report.md").read_text(), json.loads((tmp_path / "report.json").read_text())


def test_no_pixel_changed_is_said_so(tmp_path):
    embs, ch, labels = _inputs()                        # the same labels both years; change 0 everywhere
    rep, md, saved = _run(tmp_path, embs, ch, labels)
    assert rep["change_cleared"] is None and saved["change_cleared"] is None and rep["cleared_pixels"] == 0
    assert rep["change_elsewhere"] == 0.0
    assert "none (no pixel with data changed its land cover) where the land cover changed (0 px)" in md
    assert "nan" not in md.lower()


def test_every_pixel_changed_and_a_transition_without_data_are_said_so(tmp_path):
    embs, ch, labels = _inputs()
    lab = labels.values.copy(); lab[1] = (lab[0] + 1) % 3            # every pixel moves to the next class
    ch = ch.copy(data=np.where(lab[0] == 0, np.nan, 0.25))          # class 0's move: no data
    rep, md, saved = _run(tmp_path, embs, ch, labels.copy(data=lab))
    assert rep["change_elsewhere"] is None and saved["change_elsewhere"] is None
    assert rep["change_cleared"] == 0.25                              # the pixels with data: 0.25 each
    by = {(t["from"], t["to"]): t["one_minus_dot"] for t in rep["change_by_transition"]}
    assert sorted(by.values(), key=str) == [0.25, 0.25, None]
    assert "vs none (no pixel with data kept its land cover) elsewhere" in md and "1 - dot none (no data)" in md
    assert "nan" not in md.lower()
