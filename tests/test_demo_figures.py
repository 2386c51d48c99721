"""`aef demo`'s pictures read as maps of one CRS and its report says what its numbers are. Was (session 36's run):
scene.png on metres from the scene's corner while the other maps drew UTM metres; change_events.png on pixel rows
and columns with its axes off; both change maps' colour bars labelled 'change' or nothing; the report's table of
balanced accuracies with no word of what balanced accuracy is or where guessing lies, and 'the baselines win' with
no word of how long the model must train to win."""
import numpy as np
import pandas as pd

from alphaearth_nb import demo, scene, train
from alphaearth_nb.testing import embedding_from_array, random_unit

# the sample scene (its config): 150 x 150 pixels of 10 m in EPSG:32631, x 640000 .. 641500, y 5618500 .. 5620000
X, Y, XLABEL, YLABEL = (640000.0, 641500.0), (5618500.0, 5620000.0), "easting (m, EPSG:32631)", "northing (m)"


def _maps(ax):
    return ax.get_xlabel(), ax.get_ylabel(), tuple(ax.get_xlim()), tuple(sorted(ax.get_ylim()))


def test_every_map_of_the_demo_is_on_the_crs_metres(tmp_path, monkeypatch):
    saved = {}
    monkeypatch.setattr(demo, "_save", lambda fig, path: saved.setdefault(path.name, fig))
    monkeypatch.setattr(train, "plot_history", lambda hist, path: None)
    stack = scene.load_scene()[0]
    embs = {y: _on_scene(stack, y) for y in (2023, 2024)}
    ch = demo._pictures(tmp_path, stack, embs, [{"loss": 1.0}])
    cleared = np.zeros((150, 150), bool); cleared[50:80, 60:90] = True
    saved["change_events.png"] = demo._events_figure(ch, cleared, [2023, 2024])
    for name in ("scene.png", "embedding_rgb.png"):
        assert [_maps(ax) for ax in saved[name].axes] == [(XLABEL, YLABEL, X, Y)] * 2, name
    for name in ("change.png", "change_events.png"):
        m, bar = saved[name].axes   # the map and its colour bar
        assert _maps(m) == (XLABEL, YLABEL, X, Y) and m.axison, name
        assert bar.get_ylabel() == "1 - dot of the years' unit embeddings\n(0 same, 2 opposite)", name
        assert "2023 -> 2024" in m.get_title(), name
    assert [ax.get_title() for ax in saved["scene.png"].axes] == [f"Sentinel-2 median {y} (true colour)" for y in (2023, 2024)]
    assert len(saved["change_events.png"].axes[0].collections) >= 1   # the outline of the land-cover change


def _on_scene(stack, year):
    "A random unit embedding on the sample scene's grid (its x, y and CRS)."
    s2 = stack["sentinel2"].to_dataset()
    e = embedding_from_array(random_unit((150, 150), seed=year))
    return e.assign_coords(x=s2["x"].values, y=s2["y"].values).assign_attrs(crs=stack.attrs["crs"])


def test_the_report_says_what_balanced_accuracy_is_and_how_long_to_win():
    rep = dict(loss_first10=0.8, loss_last10=0.4, steps=200, batch_size=4, change_cleared=0.09, change_elsewhere=0.005,
               cleared_pixels=2343, train_seconds=298.8, seconds=596.7, tenshot_pixels=22500, classes=5)
    cmp = dict(best_baseline="raw series", embedding_10shot=0.645, best_baseline_10shot=0.994, error_ratio_10shot=59.2,
               landcover_points=667, min_dist=50.0, changed_pixels=2343, change_embedding=0.54,
               change_best_baseline=0.987, unchanged_1dot=0.005, changed_1dot=0.09)
    text = "\n".join(demo._lines(rep, cmp, pd.DataFrame({"method": ["knn1"], "balanced_accuracy": [0.658]}), [2023, 2024]))
    assert "for each class the share of its pixels named right, averaged over the classes" in text, text
    assert "20.0% (1 in 5 classes): guessing" in text, text   # 1 / 5
    assert "embedding 64.5% vs 99.4% from features designed from the raw bands" in text, text
    assert "(1 - the embedding's) / (1 - the baseline's): 59.20" in text, text
    assert "How many steps the model needs to win here is not known" in text and "--curve" in text, text
