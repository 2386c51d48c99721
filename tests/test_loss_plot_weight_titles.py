"""The reconstruction panel's title names the weights of the sources the run reconstructs, no others. Was: every
weighted source of the paper (grace x 0.5, landcover x 0.5, nlcd x 0.5), so `aef train --preset tiny`'s loss.png,
a Sentinel-2 run, named three sources it never had."""
import matplotlib
matplotlib.use("Agg")

from alphaearth_nb import loss_plot
from alphaearth_nb.losses import LossWeights


def _history(sources, n=12):
    return [{"step": s, "loss": 1 / s, "recon": 0.8 / s, **{f"recon/{k}": 0.5 / s for k in sources},
             "uniformity": 0.3, "spread": 0.5, "consistency": 0.1 / s, "clip": 3.0, "lr": 1e-3, "sec": 0.5}
            for s in range(1, n + 1)]


def _recon_title(sources):
    return loss_plot.plot_history(_history(sources), smooth=3).axes[1].get_title()


def test_a_sentinel2_run_names_no_weighted_source():
    title = _recon_title(["sentinel2"])
    assert title.endswith("(each source x 1)"), title
    assert not any(s in title for s, _ in LossWeights().sources)   # grace, landcover, nlcd: not in this run


def test_a_run_with_landcover_names_its_weight_only():
    title = _recon_title(["sentinel2", "landcover", "dem"])
    weights = dict(LossWeights().sources)
    assert f"landcover x {weights['landcover']:g}" in title and "grace" not in title and "nlcd" not in title, title

