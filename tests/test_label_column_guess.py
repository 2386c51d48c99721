"""A label column asked by a name the table lacks, where the table has one column besides its coordinates, geometry,
year and id (`lon, lat, class` read with classify's default `label`; `lon, lat, label` with regress's `value`), is
named in the fix (labels.label_column_guess): "pass `column='class'` (the one column besides ...)", and the command's
`--label-column class`. Was: "pass `column=` with the label column's name" without one. Several candidates: no guess.
A single class is listed as plain values (was `[np.str_('a')]`)."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.analysis import classify, regress
from alphaearth_nb.cli import main
from alphaearth_nb.core import LabelError, LabelWarning
from alphaearth_nb.testing import embedding_from_array, random_unit

E = embedding_from_array(random_unit((4, 5), seed=2))   # 10 m, corner (500000, 5000000), EPSG:32631
XS, YS = [500005.0, 500035.0], [4999995.0, 4999975.0]


def test_classify_names_the_one_other_column():
    t = pd.DataFrame({"x": XS, "y": YS, "crop": ["maize", "forest"]})
    with pytest.raises(LabelError, match=r"pass `column='crop'` \(the one column besides coordinates"):
        classify(E, t, k=1, crs="EPSG:32631")
    assert classify(E, t, column="crop", k=1, crs="EPSG:32631")["class"].attrs["class_names"] == ["forest", "maize"]
    t = t.rename(columns={"crop": "class"})   # named for labels: read, as `aef evaluate` reads it (label_column_read)
    with pytest.warns(LabelWarning, match="read from column 'class'"):
        assert classify(E, t, k=1, crs="EPSG:32631")["class"].attrs["class_names"] == ["forest", "maize"]


def test_regress_names_label_for_its_value_default(tmp_path):
    p = tmp_path / "l.csv"
    pd.DataFrame({"Unnamed: 0": [0, 1], "x": XS, "y": YS, "label": [1.5, 2.5], "year": [2024, 2024]}).to_csv(p, index=False)
    with pytest.raises(LabelError, match=r"column='label'"):
        regress(E, str(p), method="knn", k=1, crs="EPSG:32631")


def test_several_candidates_all_named():
    "Two columns of classes: the one whose name says so first, both named (session 48; was no guess at all)."
    t = pd.DataFrame({"x": XS, "y": YS, "cover": ["crop", "forest"], "crop": ["a", "b"]})
    with pytest.raises(LabelError, match=r"no column 'label'") as e:
        classify(E, t, k=1, crs="EPSG:32631")
    assert "column='cover'" in str(e.value) and "class ids or names: cover, crop" in str(e.value), str(e.value)


def test_the_command_names_it(tmp_path, capsys):
    rng = np.random.default_rng(0)
    v = rng.normal(size=(6, 64)); v /= np.linalg.norm(v, axis=1, keepdims=True)
    df = pd.DataFrame(v, columns=[f"A{i:02d}" for i in range(64)]).assign(cls=[0, 1] * 3, lon=0.0, lat=0.0)
    df.to_csv(tmp_path / "e.csv", index=False)
    assert main(["evaluate", "--embeddings", str(tmp_path / "e.csv"), "--folds", "2"]) == 2
    assert "--label-column cls (the one column besides coordinates" in capsys.readouterr().err


def test_one_class_is_listed_plainly():
    t = pd.DataFrame({"x": XS, "y": YS, "label": ["a", "a"]})
    with pytest.raises(LabelError, match=r"at least two classes, got \['a'\]"):
        classify(E, t, k=1, crs="EPSG:32631")


@pytest.mark.parametrize("spell", ["a{:02d}", "A{}", "embedding_{}"])
def test_bands_in_any_spelling_the_tables_read_are_no_candidate(tmp_path, capsys, spell):
    "A CSV of embeddings whose bands are a00..a63, A0..A63 or embedding_0..63 (each read as the 64 bands, " \
    "`core.a_bands`) and a column `cls`: the guess names cls (was: 65 candidates, so no name; A00..A63 as written only)."
    from alphaearth_nb.labels import label_column_guess
    cols = [spell.format(i) for i in range(64)] + ["cls"]
    assert label_column_guess("label", cols) == ("cls", "the one column besides coordinates, geometry and year")
    p = tmp_path / "emb.csv"
    pd.DataFrame(np.vstack([random_unit((4,), seed=1), random_unit((4,), seed=2)]), columns=cols[:64]).assign(
        cls=[1, 1, 1, 1, 2, 2, 2, 2]).to_csv(p, index=False)
    assert main(["evaluate", "--embeddings", str(p), "--shots", "1", "--folds", "2"]) == 2
    assert "--label-column cls (the one column" in capsys.readouterr().err
