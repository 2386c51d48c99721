"""aef demo's report writes shares as a reader reads them: per cent with one decimal (guessing among 8 classes is
12.5%, 1 in 8), balanced accuracies of the table and of the comparisons too; report.json keeps the fractions. Was:
'0.12 (8 classes): guessing' for 1/8 (two decimals cut 0.125), and balanced accuracies as 0.658371."""
import pandas as pd

from alphaearth_nb import demo

REP = dict(loss_first10=0.8, loss_last10=0.4, steps=200, batch_size=4, change_cleared=0.09, change_elsewhere=0.005,
           cleared_pixels=2343, train_seconds=90.3, seconds=210.3, tenshot_pixels=22500, classes=8)
CMP = dict(best_baseline="raw series", embedding_10shot=0.645, best_baseline_10shot=0.994, error_ratio_10shot=56.03,
           landcover_points=667, min_dist=50.0, changed_pixels=2343, change_embedding=0.5404,
           change_best_baseline=0.9871, unchanged_1dot=0.005, changed_1dot=0.09)
TABLE = pd.DataFrame({"shots": [10, 10], "method": ["knn1", "linear"], "balanced_accuracy": [0.658371, 0.451931],
                      "std": [0.013901, 0.031307]})


def test_shares_are_written_in_per_cent():
    text = "\n".join(demo._lines(REP, CMP, TABLE, [2023, 2024]))
    assert "12.5% (1 in 8 classes): guessing" in text and "0.12" not in text, text   # 100 / 8
    assert "(100%: all right;" in text, text
    assert "65.8%" in text and "45.2%" in text and "1.4%" in text and "0.658371" not in text, text   # the table
    assert "embedding 64.5% vs 99.4% from features designed" in text, text
    assert "balanced accuracy embedding 54.0% vs best baseline 98.7%" in text, text
    assert "56.03" in text and "1 - dot): 0.090 where" in text, text   # a ratio and 1 - dot: no shares
    assert list(TABLE.balanced_accuracy) == [0.658371, 0.451931]   # the caller's table left as it was (report.json's)


def test_guessing_without_a_class_count_is_said_in_words():
    text = "\n".join(demo._lines({**REP, "classes": None}, {}, TABLE, [2023, 2024]))
    assert "100% / the number of classes: guessing" in text, text
