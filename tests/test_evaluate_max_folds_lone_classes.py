"""Three faults of the evaluate protocol's counting and words (note49's Left list).
1. `aef evaluate` (--folds 50, the default) at 'max' claimed 50 folds where the max-trial draw has 2 different training
   sets (`max_trial_split` trains fold f on block f mod b of each class; half a class gives b = 2): the folds column
   and the std counted 25 copies of each. Now the folds are cut to the different sets (the lcm of the classes' blocks),
   each scored once, said under the table.
2. A class of 1 labelled point aborted the whole table ('no level of shots asked can be scored', its clause once for
   each level, '1 labelled points', 'drop them'), while the same class left with one point by --spacing was left out
   with a warning. One rule now (`evaluate.lone_classes_said`): left out, warned, naming the class, its 1 point and what
   would keep it; in Python, under `aef evaluate` of a table, and after --spacing.
3. `evaluate.table_said` raised KeyError on a table without `method` / `train_per_class` columns."""
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb import evaluate
from alphaearth_nb.cli import main
from alphaearth_nb.core import LabelError, LabelWarning, band_names
from alphaearth_nb.draws import max_trial_folds, max_trial_split, nshot_split
from alphaearth_nb.exports import to_zarr
from alphaearth_nb.testing import embedding_from_array, random_unit

LONE = "1 labelled point, which cannot both train and test: left out"


def _toy(sizes, seed=0):
    "Points of 8 features in classes 0, 1, ... of `sizes` points each, the classes apart."
    rng = np.random.default_rng(seed)
    y = np.repeat(np.arange(len(sizes)), sizes)
    return rng.normal(size=(len(y), 8)) + 3 * np.eye(8)[y], y


def test_max_folds_are_the_different_training_sets_by_hand():
    """Class 0 of 4 points trains on 2 ('max': half) and class 1 of 3 on 1: blocks 4 // 2 = 2 and 3 // 1 = 3, so fold
    f draws (f mod 2, f mod 3): 6 different training sets, fold 6 the same as fold 0. 50 folds asked: 6 scored."""
    x, y = _toy([4, 3])
    sets = [tuple(max_trial_split(y, f, seed=[0, 0, 0])[0]) for f in range(12)]
    assert len(set(sets[:6])) == 6 and sets[6:] == sets[:6]
    table, per_fold = evaluate.evaluate_embeddings(x, y, shots=("max",), folds=50, return_folds=True)
    assert table["folds"].tolist() == [6, 6, 6] and table.attrs["folds_cut"] == {"max": (50, 6)}
    assert per_fold.groupby("method").size().tolist() == [6, 6, 6]
    said = evaluate.table_said(table, 2)
    assert "max: 6 folds, not the 50 asked" in said and "6 different training sets" in said, said
    # half of every class (each under 600 points): 2 sets, the case of aef evaluate's default --folds 50
    x, y = _toy([40, 30, 20])
    table = evaluate.evaluate_embeddings(x, y, shots=("max",), folds=50)
    assert set(table["folds"]) == {2} and table.attrs["folds_cut"] == {"max": (50, 2)}
    # fewer asked than there are, or the rule's own count (the most blocks of a class): as asked, nothing cut
    x, y = _toy([4, 3])
    table = evaluate.evaluate_embeddings(x, y, shots=("max",), folds=4)
    assert set(table["folds"]) == {4} and table.attrs["folds_cut"] == {}
    assert set(evaluate.evaluate_embeddings(x, y, shots=("max",))["folds"]) == {max_trial_folds(y)} == {3}
    assert "not the" not in evaluate.table_said(table, 2)


def test_a_class_of_one_point_is_left_out_and_said_once():
    x, y = _toy([12, 12, 1])
    with pytest.warns(LabelWarning) as got:
        table = evaluate.evaluate_embeddings(x, y, shots=(1, 10, "max"), folds=3)
    said = [str(w.message) for w in got if LONE in str(w.message)]
    assert len(said) == 1 and said[0].startswith("class 2 has 1 labelled point,"), [str(w.message) for w in got]
    assert said[0].count("has 1 labelled point") == 1 and "second labelled point of a class" in said[0], said
    assert sorted(map(str, table["shots"].unique())) == ["1", "10", "max"]
    assert table.loc[table.folds > 0, "balanced_accuracy"].notna().all()   # knn3 at 1-shot: 2 points, no vote (NaN)
    assert table.attrs["left_out"] == {2: 1}
    x, y = _toy([12, 12, 1, 1])   # two such classes: plural words
    with pytest.warns(LabelWarning, match=r"classes 2, 3 have 1 labelled point each, which cannot both train"):
        evaluate.evaluate_embeddings(x, y, shots=(1,), folds=2)
    x, y = _toy([12, 1])   # one class left to score: refused, each class's count named
    with pytest.raises(LabelError, match=r"two classes of 2 labelled points or more .*class 0: 12, class 1: 1"):
        evaluate.evaluate_embeddings(x, y, shots=(1,), folds=2)


def test_levels_left_out_name_each_class_once_and_plural_right():
    x, y = _toy([40, 30, 20])
    with pytest.raises(LabelError) as e:
        evaluate.evaluate_embeddings(x, y, shots=(30, 40), folds=2)
    said = str(e.value)
    assert said.count("class 2") == 1 and said.count("labelled points") == 1, said
    assert "30-shot needs at least 31" in said and "40-shot needs at least 41" in said and "drop them" not in said, said
    with pytest.raises(LabelError, match=r"class 0 has 1 labelled point; 1-shot needs at least 2"):
        nshot_split(np.array([0, 1, 1]), 1)


def _table(tmp_path, sizes, names=("forest", "water", "crop")):
    rows = random_unit((sum(sizes),), seed=5)
    df = pd.DataFrame(rows, columns=band_names())
    df["label"] = np.repeat(names[:len(sizes)], sizes)
    df.to_csv(path := tmp_path / "points.csv", index=False)
    return str(path)


def _run(argv) -> tuple[int, str]:
    "`aef` run in this process: its exit code and its warnings' words, one a line."
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        rc = main(argv)
    return rc, "\n".join(str(w.message) for w in got)


def test_aef_evaluate_of_a_table_leaves_a_class_of_one_row_out(tmp_path, capsys):
    path = _table(tmp_path, [12, 12, 1])
    rc, said = _run(["evaluate", "--embeddings", path, "--folds", "2"])
    out, err = capsys.readouterr()
    assert rc == 0 and said.count(LONE) == 1, said
    err = said + err
    assert err.count(LONE) == 1 and "class 'crop' has 1 labelled point," in err, err
    assert f"a second row of a class in --embeddings {path} scores it" in err and "no level" not in err, err
    assert "24 labelled rows of 2 classes" in err and "averaged over the 2 classes" in out, (out, err)
    # --folds 50 at max: half of 12 is 6 a class, 2 blocks each: 2 different training sets, said under the table
    assert main(["evaluate", "--embeddings", path, "--shots", "max"]) == 0
    out, err = capsys.readouterr()
    rows = [r.split() for r in out.splitlines() if r.split()[:1] == ["max"]]
    assert [r[2] for r in rows] == ["2", "2", "2"] and "max: 2 folds, not the 50 asked" in out, out


def test_aef_evaluate_after_spacing_says_a_class_of_one_point_the_same_way(tmp_path, capsys):
    """Eight blocks of 2 x 2 labelled pixels 500 m apart, 4 of class 1, 3 of class 2, 1 of class 3: at --spacing 300
    one pixel of each block is kept, so class 3 keeps 1 point: left out, the rule's words and --spacing's fix."""
    e = embedding_from_array(random_unit((70, 170), seed=4))
    store = str(to_zarr(e, tmp_path / "e.zarr"))
    lab = np.full((70, 170), np.nan, np.float32)
    for i, (r, c) in enumerate((r, c) for r in (10, 60) for c in (10, 60, 110, 160)):
        lab[r:r + 2, c:c + 2] = 1 if i < 4 else 2 if i < 7 else 3
    xr.DataArray(lab, dims=("y", "x"), coords={"y": e.y.values, "x": e.x.values}, name="lulc",
                 attrs={"crs": e.attrs["crs"]}).to_netcdf(tmp_path / "lab.nc")
    argv = ["evaluate", "--embeddings", store, "--labels", str(tmp_path / "lab.nc"), "--shots", "1", "--folds", "2"]
    rc, said = _run(argv + ["--spacing", "300"])
    err = said + capsys.readouterr().err
    assert rc == 0 and err.count(LONE) == 1 and "class 3 has 1 labelled point," in err, err
    assert "a smaller --spacing keeps more points of a class" in err and "7 labelled points 300 m apart of 2" in err, err


def test_table_said_reads_a_table_of_other_columns():
    assert evaluate.table_said(pd.DataFrame({"folds": [3]}), 2).startswith("balanced_accuracy: each class's share")
    assert "linear at" not in evaluate.table_said(pd.DataFrame({"method": ["linear"], "shots": [1]}), 64)


def test_one_fold_has_no_spread_and_counts_are_worded_right():
    """One fold measures no spread: its std is NaN ('nan' printed, said under the table), not 0.0%; a method left out
    'needs' (one) or 'need' (two); one kNN row left out 'its row is NaN'."""
    x, y = _toy([12, 12])
    table = evaluate.evaluate_embeddings(x, y, shots=(10,), folds=1)
    assert table["std"].isna().all() and evaluate.shares_table(table)["std"].eq("nan").all()
    assert "(nan: one fold, no spread to measure)" in evaluate.table_said(table, 2)
    assert "nan: one fold" not in evaluate.table_said(evaluate.evaluate_embeddings(x, y, shots=(10,), folds=2), 2)
    r = evaluate.evaluate_regression(x, x[:, 0], n_train=(10,), folds=1, methods=("knn1",))
    assert r[["r2_std", "mae_std"]].isna().all().all()
    with pytest.raises(LabelError, match=r"knn3 needs at least 3 training points, 1-shot gives 2"):
        evaluate.evaluate_embeddings(x, y, shots=(1,), methods=("knn3",), folds=1)
    with pytest.warns(LabelWarning, match=r"knn3 at 1-shot \(2 training points\); its row is NaN. Ask more shots to score it$"):
        evaluate.evaluate_embeddings(x, y, shots=(1,), folds=2)


def test_the_readme_says_max_folds_are_no_more_than_the_training_sets():
    "The README's aef evaluate paragraph counts the folds as the command does: 50 a level, fewer at max."
    text = " ".join((Path(__file__).resolve().parents[1] / "README.md").read_text().split())
    assert '50 random draws a level, at "max" no more than the different training sets there are' in text


def test_evaluate_help_names_the_geotiff_it_reads(capsys):
    "aef evaluate reads a GeoTIFF of 64 bands as --embeddings (tests/test_evaluate_tiles_folder.py): its --help says so."
    main(["evaluate", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "a GeoTIFF of 64 bands (an official tile, or one this package wrote)" in text and "needed with a store or GeoTIFF" in text
