"""`evaluate.max_folds` (public since session 51, the count `aef evaluate`'s header says at "max") read its folds by
`int()`: 'abc' a ValueError, {'max': 3} (a form `evaluate_embeddings` takes) a TypeError, 2.5 read as 2, True as 1, 0
and -1 returned as counts; and it computed the "max" count in a copy of `evaluate_embeddings`' rule. It reads folds as
`evaluate_embeddings` does (`fold_counts`) and both call one rule. `aef evaluate --folds paper` said "N at max, the
different training sets it has" where N is the max-trial rule's count, not the sets (classes of 3 and 4 points: 3
folds, 6 different sets): it says the max-trial rule's. A .zarr label raster written inside an eo-learn patch folder
was refused as "a folder of the eo-learn patch, which records no grid": a zarr store is read as the raster it is."""
import argparse
import shutil
from pathlib import Path

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb import evaluate, evaluate_cmd
from alphaearth_nb.cli import main
from alphaearth_nb.core import ConfigError, LabelError

Y = np.repeat([0, 1], [3, 4])   # 'max' takes 1 of class 0 (3 blocks) and 2 of class 1 (2 blocks): 6 different sets


@pytest.mark.parametrize("folds", ["abc", 2.5, True, 0, -1])
def test_folds_refused_as_evaluate_refuses_them(folds):
    with pytest.raises(ConfigError):
        evaluate.max_folds(Y, folds)
    with pytest.raises(ConfigError):
        evaluate.evaluate_embeddings(np.eye(7, 8), Y, shots=("max",), folds=folds)


@pytest.mark.parametrize("folds", [None, 2, 4, 50, {"max": 5}, {1: 3, "max": 50}, {1: 3}])
def test_max_folds_is_what_evaluate_scores(folds):
    x = np.random.default_rng(0).normal(size=(7, 8)) + 3 * np.eye(8)[Y]
    shots = (1, "max") if isinstance(folds, dict) and 1 in folds else ("max",)
    table = evaluate.evaluate_embeddings(x, Y, shots=shots, folds=folds, methods=("knn1",))
    assert evaluate.max_folds(Y, folds) == int(table.set_index("shots").loc["max", "folds"])
    assert evaluate.max_folds(np.r_[Y, 2], folds) == evaluate.max_folds(Y, folds)   # a class of 1: left out


def test_too_few_classes_named_with_a_fix():
    with pytest.raises(LabelError, match="label a second point"):
        evaluate.max_folds([0, 0, 1])


SAMPLES = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "aef_samples" / \
    "alphaearth_s1_dw_samples_amazon_forest_2024.csv"


@pytest.mark.skipif(not SAMPLES.exists(), reason="needs ../shared/data/aef_samples (the official samples CSV)")
def test_paper_folds_at_max_said_as_the_rules(capsys):
    assert main(["evaluate", "--embeddings", str(SAMPLES), "--shots", "max", "--folds", "paper"]) == 0
    head = capsys.readouterr().err.splitlines()[0]
    assert "at max, the max-trial rule's" in head and "training sets it has" not in head, head


def test_a_zarr_label_raster_inside_an_eolearn_patch_is_read(shared_data, tmp_path):
    eo = tmp_path / "patch"
    shutil.copytree(shared_data / "eolearn_patch", eo)
    lab = xr.DataArray(np.arange(9, dtype=np.int16).reshape(3, 3), dims=("y", "x"),
                       coords={"y": [25.0, 15.0, 5.0], "x": [5.0, 15.0, 25.0]}, name="label")
    lab.to_dataset().to_zarr(eo / "labels.zarr")
    args = lambda p: argparse.Namespace(labels=str(p), labels_var=None, labels_nodata=None)
    got = evaluate_cmd.label_file(args(eo / "labels.zarr"))   # was: LabelError 'a folder of the eo-learn patch'
    assert np.array_equal(np.asarray(got), lab.values)
    with pytest.raises(LabelError, match="is a folder of the eo-learn patch"):   # its arrays' folder: still named
        evaluate_cmd.label_file(args(eo / "mask_timeless"))
