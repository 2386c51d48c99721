"""aef demo's report (newcomer s52, findings 8, 9). Was: `aef demo --steps 3` said 'total loss: 0.8391 (mean of the
first 10 steps) -> 0.8391 (last 10 steps)', both means over the same 3 steps; 'The features from raw bands win here'
was printed when either comparison lost, under lines where the embedding won the other; the change line's 50.0%
did not say that 50% is chance for two classes."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb import demo

REP = dict(steps=200, batch_size=4, change_cleared=0.09, change_elsewhere=0.005, cleared_pixels=2343,
           train_seconds=1.0, seconds=2.0, tenshot_pixels=22500, classes=5)
TABLE = pd.DataFrame({"method": ["knn1"], "balanced_accuracy": [0.658]})


def _cmp(ratio, change_emb, change_base):
    return dict(best_baseline="raw series", embedding_10shot=0.9, best_baseline_10shot=0.95, error_ratio_10shot=ratio,
                landcover_points=667, min_dist=50.0, changed_pixels=2343, change_embedding=change_emb,
                change_best_baseline=change_base)


def _line(text, start): return next(l for l in text.splitlines() if l.startswith(start))


@pytest.mark.parametrize("steps", [1, 3, 7, 20, 50])
def test_the_loss_windows_do_not_overlap(tmp_path, steps, monkeypatch):
    hist = [{"loss": float(100 - i)} for i in range(steps)]   # falling: the first steps' mean is higher
    seen = {}
    monkeypatch.setattr(demo, "_lines", lambda rep, *a: seen.update(rep) or [])
    monkeypatch.setattr(demo.evaluate, "evaluate_embeddings", lambda *a, **k: TABLE.assign(same_as=""))
    monkeypatch.setattr(demo, "_paper_points", lambda *a: {})
    emb = xr.DataArray(np.ones((2, 2, 64), np.float32), dims=("y", "x", "band"))
    labels = xr.DataArray(np.zeros((2, 2, 2), int), dims=("year", "y", "x"), coords={"year": [2023, 2024]})
    demo._report(tmp_path, {2023: emb, 2024: emb}, xr.DataArray(np.zeros((2, 2)), dims=("y", "x")), labels, hist,
                 steps, 4, 0, 0.0)
    n = seen["loss_window"]
    assert 2 * n <= steps and n == min(10, steps // 2)
    if n: assert seen["loss_first10"] == np.mean([h["loss"] for h in hist[:n]]) > seen["loss_last10"]


def test_the_loss_line_names_its_window():
    say = lambda n: _line("\n".join(demo._lines({**REP, "loss_first10": 0.9, "loss_last10": 0.8, "loss_window": n},
                                                {}, TABLE, [2023, 2024])), "- total loss")
    assert "0.9000 (the first step) -> 0.8000 (the last step)" in say(1) and "mean of the first 1" not in say(1)
    assert "first 3 steps) -> 0.8000 (of the last 3)" in say(3) and "one step" in say(0)


def test_each_comparison_says_its_own_winner():
    rep = {**REP, "loss_first10": 0.9, "loss_last10": 0.8}
    text = "\n".join(demo._lines(rep, _cmp(0.8, 0.5, 0.9), TABLE, [2023, 2024]))   # wins 10-shot, loses change
    assert _line(text, "- beside").endswith("the embedding wins")
    change = _line(text, "- change")
    assert change.endswith("the raw-band features win") and "50%: chance" in change
    closing = _line(text, "The features from raw bands win")
    assert "the change comparison" in closing and "10-shot" not in closing
    both = "\n".join(demo._lines(rep, _cmp(2.0, 0.5, 0.9), TABLE, [2023, 2024]))
    assert "the 10-shot comparison and the change comparison" in _line(both, "The features from raw bands win")


def test_an_exact_tie_is_no_win():
    "An error ratio of exactly 1 and equal change scores were reported as 'the embedding wins' (session 53's review)."
    rep = {**REP, "loss_first10": 0.9, "loss_last10": 0.8}
    text = "\n".join(demo._lines(rep, _cmp(1.0, 0.7, 0.7), TABLE, [2023, 2024]))
    assert _line(text, "- beside").endswith("a tie, neither wins") and _line(text, "- change").endswith("a tie, neither wins")
    assert not [l for l in text.splitlines() if l.startswith("The features from raw bands win")]   # no closing verdict
