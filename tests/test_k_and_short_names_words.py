"""Two words of last session's list: kNN's refusal of more neighbours than labelled points said "label more or lower
k" (classify, regress, `knn_search`): it names the largest k the labels allow. And the did-you-mean of a path no file
is at (`loaders.near_match`, every 'no file' message's) missed names of two letters: 'r2' for the run folder 'r1' is
a `difflib` ratio of 0.5, under its 0.6; one of two letters typed wrong is now named."""
import pandas as pd
import pytest

from alphaearth_nb import analysis
from alphaearth_nb.cli import main
from alphaearth_nb.core import LabelError
from alphaearth_nb.evaluate import knn_search
from alphaearth_nb.exports import to_cog
from alphaearth_nb.loaders import near_match
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture()
def emb():
    return embedding_from_array(random_unit((8, 8), seed=1))


def _three(e):
    return pd.DataFrame({"x": e.x.values[[1, 5, 6]], "y": e.y.values[[1, 5, 6]], "label": ["a", "b", "b"]})


def test_too_many_neighbours_name_the_largest_k(emb, tmp_path, capsys):
    pts = _three(emb)
    for f in (lambda k: analysis.classify(emb, pts, k=k), lambda k: analysis.regress(emb, pts.assign(label=[1.0, 2, 3]), column="label", method="knn", k=k)):
        with pytest.raises(LabelError, match=r"k=5 neighbours but only 3 labelled pixels: pass k=3 or less"):
            f(5)
        f(3)   # the k it names runs
    x = random_unit((4,), seed=2)
    with pytest.raises(LabelError, match=r"only 4 training points: pass k=4 or less"):
        knn_search(x, x, 6)
    assert knn_search(x, x, 4)[1].shape == (4, 4)
    pts.to_csv(tmp_path / "lab.csv", index=False)
    p = to_cog(emb, tmp_path / "e.tif")
    assert main(["classify", "--embeddings", str(p), "--labels", str(tmp_path / "lab.csv"), "--k", "5",
                 "--out", str(tmp_path / "c.tif")]) == 2
    err = capsys.readouterr().err
    assert "only 3 labelled pixels: pass --k 3 or less" in err and "lower k" not in err, err


@pytest.mark.parametrize("typed, there, meant", [("r2", ["r1", "out"], "r1"), ("r2.csv", ["r1.csv"], "r1.csv"),
                                                ("rnu1", ["run1"], "run1")])
def test_a_short_name_typed_wrong_is_named(tmp_path, typed, there, meant):
    for n in there: (tmp_path / n).mkdir()
    assert near_match(tmp_path / typed) == f" (did you mean {tmp_path / meant}?)"


def test_short_names_far_apart_are_not_named(tmp_path):
    (tmp_path / "ab").mkdir()
    assert near_match(tmp_path / "cd") == "" and near_match(tmp_path / "x") == ""
