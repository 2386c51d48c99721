"""`off_map='drop'` of an x/y table without `crs=` whose points lie partly off the map was refused by the one rule for
points without a CRS (`geo.point_crs`: "lie outside the grid read either way") before the drop could act, and that
refusal said "drop those" without the way to (`off_map`) or `crs=`. The points on the map now decide the reading
(`point_crs`'s table rule); the others are dropped, counted; the refusal names both `off_map='drop'` and `crs=`."""
import warnings

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb import analysis
from alphaearth_nb.cli import main
from alphaearth_nb.core import LabelError, LabelWarning
from alphaearth_nb.exports import read_cog, to_cog
from alphaearth_nb.testing import embedding_from_array, random_unit


def _map():
    return embedding_from_array(random_unit((30, 40), seed=3))   # a 10 m grid in EPSG:32631


def _points(m, off=2):
    "Four labelled points on map `m` (x/y in its CRS, two classes), then `off` east of it."
    x, y = m.x.values, m.y.values
    return pd.DataFrame({"x": [x[1], x[10], x[20], x[30], *(x[-1] + 1e3 * (1 + np.arange(off)))],
                         "y": [y[2], y[12], y[20], y[25], *([y[5]] * off)], "label": [1, 1, 2, 2, *([1] * off)]})


def test_drop_without_crs_reads_them_as_those_on_the_map_lie():
    m = _map()
    with pytest.warns(LabelWarning, match="2 of 6 labelled points lie off the map"):
        got = analysis.classify(m, _points(m), k=1, off_map="drop")   # was: LabelError, "read either way"
    want = analysis.classify(m, _points(m, off=0), k=1, crs="EPSG:32631")
    np.testing.assert_array_equal(got["class"].values, want["class"].values)
    with pytest.warns(LabelWarning, match="2 of 6 labelled points"):
        reg = analysis.regress(m, _points(m).assign(label=np.arange(6.0)), column="label", method="knn", k=1, off_map="drop")
    np.testing.assert_array_equal(reg.values, analysis.regress(m, _points(m, off=0).assign(label=np.arange(4.0)),
                                                               column="label", method="knn", k=1).values)


def test_the_refusal_names_off_map_and_crs():
    m = _map()
    with pytest.raises(LabelError, match=r"drop those \(`off_map='drop'` leaves them out, all read as the others lie on "
                                         r"the map; `crs=` says their CRS\), or use a map"):
        analysis.classify(m, _points(m), k=1)


def test_drop_with_every_point_off_either_way_keeps_the_one_refusal():
    m = _map()
    far = _points(m, off=3).iloc[4:]
    far.loc[:, "label"] = [1, 2, 1]
    with pytest.raises(LabelError, match="3 label.s. .* lie outside the grid read either way"):
        analysis.classify(m, far, k=1, off_map="drop")
    with warnings.catch_warnings():
        warnings.simplefilter("error", LabelWarning)   # all on it: nothing said, no reading guessed
        analysis.classify(m, _points(m, off=0), k=1, off_map="drop")


def test_aef_classify_without_crs(tmp_path, capsys):
    m = _map()
    to_cog(m, tmp_path / "e.tif")
    _points(read_cog(tmp_path / "e.tif")).to_csv(tmp_path / "pts.csv", index=False)
    argv = ["classify", "--embeddings", str(tmp_path / "e.tif"), "--labels", str(tmp_path / "pts.csv"), "--k", "1"]
    assert main([*argv, "--out", str(tmp_path / "a.tif")]) == 2
    err = capsys.readouterr().err
    assert "(`--off-map drop` leaves them out, all read as the others lie on the map; `--crs` says their CRS)" in err, err
    with pytest.warns(LabelWarning, match="2 of 6 labelled points lie off the map"):
        assert main([*argv, "--off-map", "drop", "--out", str(tmp_path / "b.tif")]) == 0
    assert (tmp_path / "b.tif").exists()
