"""Words of `aef evaluate`'s protocol. The header said "50 folds a level" where the "max" row then showed 2 (the
max-trial draw has 2 different training sets when every class has under 600 points): the header now says how many
"max" scores. `train_per_class` at "max" showed the largest class's share with no word: the line under the table
says so, with the range. eo-learn's `LULC.gpkg` read by `--label-column LULC_ID` scored its no-data id 0 (no name
in `LULC_NAME`, whose reading leaves it out) as a class: it is no data, left out with a warning."""
from pathlib import Path

import numpy as np
import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.evaluate import evaluate_embeddings, table_said
from alphaearth_nb.testing import embedding_from_array, random_unit

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
SAMPLES = DATA / "aef_samples" / "alphaearth_s1_dw_samples_amazon_forest_2024.csv"
LULC = DATA / "eolearn_patch" / "vector_timeless" / "LULC.gpkg"


@pytest.mark.skipif(not SAMPLES.exists(), reason="needs ../shared/data/aef_samples (the official samples CSV)")
def test_the_header_says_the_folds_max_scores(capsys):
    assert main(["evaluate", "--embeddings", str(SAMPLES), "--shots", "10,max", "--folds", "5"]) == 0
    said = capsys.readouterr()
    head = said.err.splitlines()[0]
    assert "5 folds a level, 2 at max, the different training sets it has" in head, head
    max_rows = [line.split() for line in said.out.splitlines() if line.split()[:1] == ["max"]]
    assert max_rows and all(r[2] == "2" for r in max_rows), said.out   # the table shows what the header said
    assert main(["evaluate", "--embeddings", str(SAMPLES), "--shots", "10", "--folds", "5"]) == 0
    assert "5 folds a level (a bar each)" in capsys.readouterr().err   # no max asked: nothing added


def test_train_per_class_at_max_is_said_to_be_the_largest():
    x = random_unit((1, 300), seed=3)[0]
    y = np.repeat([0, 1, 2], [200, 60, 40])
    tab = evaluate_embeddings(x, y, shots=("max",), folds=2, methods=("knn1",))
    assert tab.train_per_class.tolist() == [100] and tab.attrs["max_per_class"] == (20, 100)
    assert "train_per_class is the largest class's" in table_said(tab, 3) and "20 to 100 here" in table_said(tab, 3)
    even = evaluate_embeddings(x[:120], np.repeat([0, 1], 60), shots=("max",), folds=2, methods=("knn1",))
    assert "largest class's" not in table_said(even, 2)   # every class trains on as many: nothing to say


@pytest.mark.skipif(not LULC.exists(), reason="needs ../shared/data/eolearn_patch")
def test_eolearn_lulc_id_zero_is_no_data(tmp_path, capsys):
    x0, y0 = 465181.0, 5080255.0   # the patch's corner (README: EPSG:32633, 100 x 101 pixels of 10 m)
    emb = embedding_from_array(random_unit((101, 100), seed=5), coords={"y": y0 - 5 - 10 * np.arange(101),
                                                                       "x": x0 + 5 + 10 * np.arange(100)},
                               crs="EPSG:32633")
    emb.to_dataset(name="embedding").to_zarr(tmp_path / "e.zarr", consolidated=False)
    rest = ["evaluate", "--embeddings", str(tmp_path / "e.zarr"), "--labels", str(LULC), "--shots", "1",
            "--folds", "2", "--spacing", "0"]
    assert main([*rest, "--label-column", "LULC_NAME"]) == 0
    by_name = capsys.readouterr().err
    with pytest.warns(UserWarning, match="LULC_ID 0 has no name in LULC_NAME"):
        assert main([*rest, "--label-column", "LULC_ID"]) == 0
    by_id = capsys.readouterr().err
    n = lambda said: said.split(" labelled pixels of ")[1].split(" class")[0]
    assert n(by_id) == n(by_name), (by_id, by_name)   # the same classes, 0 not among them
    assert by_id.split(" labelled")[0].split()[-1] == by_name.split(" labelled")[0].split()[-1]
