"""aef demo's report says the embedding change on changed and unchanged pixels once: the change line (1 - dot where
the land cover changed vs elsewhere). Was (s44 newcomer): a '- stability: 1 - dot 0.002 on unchanged pixels vs
0.057 on changed ones' line under the comparison repeating the change line's two figures."""
import pandas as pd

from alphaearth_nb import demo

REP = dict(loss_first10=0.8, loss_last10=0.4, steps=200, batch_size=4, change_cleared=0.057, change_elsewhere=0.002,
           cleared_pixels=2343, train_seconds=90.3, seconds=210.3, tenshot_pixels=22500, classes=8)
CMP = dict(best_baseline="raw series", embedding_10shot=0.645, best_baseline_10shot=0.994, error_ratio_10shot=56.03,
           landcover_points=667, min_dist=50.0, changed_pixels=2343, change_embedding=0.5404,
           change_best_baseline=0.9871, unchanged_1dot=0.002, changed_1dot=0.057)
TABLE = pd.DataFrame({"shots": [10], "method": ["knn1"], "balanced_accuracy": [0.658], "std": [0.01]})


def test_the_change_figures_are_said_once():
    text = "\n".join(demo._lines(REP, CMP, TABLE, [2023, 2024]))
    assert "0.057 where the land cover changed (2343 px) vs 0.002 elsewhere" in text, text
    assert text.count("0.057") == 1 and text.count("0.002") == 1 and "stability" not in text, text
    assert "balanced accuracy embedding 54.0% vs best baseline 98.7%" in text, text   # the comparison's own lines stay
