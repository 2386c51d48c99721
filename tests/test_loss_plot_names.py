"""The loss plot names what it draws: the CLIP term as the text alignment (not gradient clipping), the reconstruction
per source, the total raw and smoothed, and the spread, which is watched and no loss, on an axis of its own. Was:
legend entries 'clip' and 'spread' on the axis labelled 'loss', the spread's curve among the loss terms. Session 37:
each group of terms on a panel of its own (`loss_plot`)."""

from alphaearth_nb.train import plot_history

TERMS = {"recon": 0.5, "recon/sentinel2": 0.4, "uniformity": 0.2, "spread": 0.9, "consistency": 0.1, "texts": 4.0,
         "clip": 1.5}


def _history(n=12):
    return [{"step": k + 1, "loss": 2.0 / (k + 1), **{t: v / (k + 1) for t, v in TERMS.items()}, "lr": 1e-3,
             "sec": 0.1} for k in range(n)]


def test_every_curve_is_named_for_what_it_is():
    fig = plot_history(_history(), smooth=5)
    total, recon, unif, cons, spread_ax = fig.axes
    names = [[t.get_text() for t in ax.get_legend().get_texts()] for ax in (total, recon, unif, cons)]
    assert names == [["each step", "5-step mean"], ["all sources (weighted mean)", "sentinel2"],
                     ["uniformity", "spread (right axis; not in the loss)"], ["consistency", "CLIP (text alignment)"]]
    assert total.get_ylabel() == "loss" and "spread" in spread_ax.get_ylabel()
    assert [l.get_label() for l in spread_ax.get_lines()] == ["spread (right axis; not in the loss)"]
    assert "spread" not in " ".join(l.get_label() for ax in (total, recon, unif, cons) for l in ax.get_lines())
    assert total.get_yscale() == "log" and spread_ax.get_yscale() == "linear"


def test_a_history_without_spread_has_no_right_axis():
    fig = plot_history([{"step": k + 1, "loss": 1.0 / (k + 1), "mse": 0.5} for k in range(4)], smooth=10)
    assert len(fig.axes) == 2   # the total, and a term of no group (another loss_fn's) on a panel of its own
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["each step", "4-step mean"]
    assert [t.get_text() for t in fig.axes[1].get_legend().get_texts()] == ["mse"]
