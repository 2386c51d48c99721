"""`off_map='drop'` (`aef classify --off-map drop`) left out every point of a class lying off the map and said only
"2 of 8 labelled points lie off the map ...: left out, as asked": the map had 3 classes where the file named 5, and
nothing said which were gone (the newcomer of s56, #4). The warning now names the classes left with no label on
the map, in Python and on the command line alike; a drop that leaves every class some label says no class."""
import warnings

import pandas as pd
import pytest

from alphaearth_nb.analysis import training_set
from alphaearth_nb.cli import main
from alphaearth_nb.core import LabelWarning
from alphaearth_nb.exports import to_cog
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture(scope="module")
def emb():
    return embedding_from_array(random_unit((10, 10), seed=1))   # EPSG:32631, 10 m


def _labels(emb, off:dict) -> pd.DataFrame:
    "Points of 'crop' and 'forest' on the map, and `off` (class: count) 1 km east of it."
    x, y = emb.x.values, emb.y.values
    on = pd.DataFrame({"x": x[[1, 2, 7, 8]], "y": y[[1, 2, 7, 8]], "label": ["crop", "crop", "forest", "forest"]})
    far = [(c, k) for c, n in off.items() for k in range(n)]
    return pd.concat([on, pd.DataFrame({"x": [x[-1] + 1000 + 10 * k for _, k in far], "y": [y[0]] * len(far),
                                        "label": [c for c, _ in far]})], ignore_index=True)


def test_python_names_the_classes_left_without_a_label(emb):
    with pytest.warns(LabelWarning, match=r"3 of 7 labelled points lie off the map .*left out, as asked; classes "
                                          r"'a', 'b' had no label left on the map, so the map has no pixel of them"):
        X, y = training_set(emb, _labels(emb, {"a": 2, "b": 1}), crs="EPSG:32631", off_map="drop")
    assert len(y) == 4
    with warnings.catch_warnings(record=True) as w:   # a class with labels on the map and off it: no class named
        warnings.simplefilter("always")
        training_set(emb, _labels(emb, {"crop": 1}), crs="EPSG:32631", off_map="drop")
    said = [str(x.message) for x in w if issubclass(x.category, LabelWarning)]
    assert said and all("class" not in s.split("as asked")[1] for s in said), said


def test_the_command_line_names_them_too(emb, tmp_path, capsys):
    to_cog(emb, tmp_path / "e.tif", overviews=False)
    _labels(emb, {"water": 1}).to_csv(tmp_path / "l.csv", index=False)
    with pytest.warns(LabelWarning, match="class 'water' had no label left on the map, so the map has no pixel of it"):
        rc = main(["classify", "--embeddings", str(tmp_path / "e.tif"), "--labels", str(tmp_path / "l.csv"), "--crs",
                   "EPSG:32631", "--off-map", "drop", "--out", str(tmp_path / "c.tif")])
    assert rc == 0, capsys.readouterr().err


def test_large_class_ids_are_said_whole(emb):   # WorldCereal's ewoc_code: said as "1.10106e+09" before (s56 r1 #9)
    t = _labels(emb, {1101060000: 1, 1234567: 1})
    t["label"] = t["label"].replace({"crop": 1, "forest": 2}).astype("int64")
    with pytest.warns(LabelWarning, match=r"classes 1101060000, 1234567 had no label left on the map"):
        training_set(emb, t, crs="EPSG:32631", off_map="drop")
