"""The loss plot as panels a newcomer reads: the total, then the terms in groups (reconstruction per source; batch
uniformity with the spread, which is no loss, on a right axis; consistency and CLIP), each titled with its weight in
the paper's total (AEF.md: 1.0 x reconstruction + 0.05 x uniformity + 0.02 x consistency + 0.001 x CLIP). Was
(session 36's demo loss.png): 14 curves, every term of seven sources, in one panel."""
import matplotlib
matplotlib.use("Agg")

from alphaearth_nb import loss_plot, train

SOURCES = ("dem", "era5", "gedi", "landcover", "landsat", "sentinel1", "sentinel2")


def _history(n=40):
    "A demo-like run: the total, reconstruction overall and of seven sources, uniformity, consistency, CLIP, spread."
    return [{"step": s, "loss": 1 / s, "recon": 0.8 / s, **{f"recon/{k}": (i + 1) / (10 * s) for i, k in enumerate(SOURCES)},
             "uniformity": 0.3, "spread": 0.5, "consistency": 0.1 / s, "clip": 3.0, "texts": 30.0, "skipped": 0,
             "lr": 1e-3, "sec": 0.5, "run": "abc"} for s in range(1, n + 1)]


def test_four_panels_with_the_papers_weights():
    fig = train.plot_history(_history(), smooth=10)    # train re-exports it: fit's loss.png
    total, recon, unif, cons, spread = fig.axes
    assert "total loss" in total.get_title()
    assert [l.get_label() for l in total.get_lines()] == ["each step", "10-step mean"]
    assert [l.get_label() for l in recon.get_lines()] == ["all sources (weighted mean)", *SOURCES]
    assert [l.get_label() for l in unif.get_lines()] == ["uniformity"]
    assert [l.get_label() for l in spread.get_lines()] == ["spread (right axis; not in the loss)"]
    assert [l.get_label() for l in cons.get_lines()] == ["consistency", "CLIP (text alignment)"]
    assert recon.get_title().startswith("reconstruction, x 1 in the total") and "landcover x 0.5" in recon.get_title()
    assert "x 0.05 in the total" in unif.get_title()
    assert "x 0.02" in cons.get_title() and "x 0.001" in cons.get_title()
    assert all(ax.get_xlabel() == "step" for ax in fig.axes[:4])
    assert total.get_ylabel() == "loss" and recon.get_ylabel() == "loss term (10-step mean)"
    assert "spread" in spread.get_ylabel() and spread.get_yscale() == "linear"
    assert [ax.get_yscale() for ax in fig.axes[:4]] == ["log"] * 4
    assert fig._suptitle.get_text() == "training loss by step (40 steps)"
    # a moving mean of 10 over 40 steps: 31 points, from step 10 (the terms' raw swings were the tangle)
    assert list(recon.get_lines()[1].get_xdata()[[0, -1]]) == [10, 40] and len(recon.get_lines()[1].get_xdata()) == 31


def test_a_title_of_the_callers_and_the_module_is_the_one_fit_uses():
    assert train.plot_history is loss_plot.plot_history
    fig = loss_plot.plot_history(_history(5), smooth=2, title="training loss, aef demo")
    assert fig._suptitle.get_text() == "training loss, aef demo"
