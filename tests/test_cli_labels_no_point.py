"""`aef evaluate --labels pts.csv` whose rows lack a point (an empty x/y cell, an empty shape in a WKT 'geometry'
column): said in the command's words, the file's lines, and left out, as rows without a label are (`_fill_fix`).
Was: `training_set`'s Python fix, "`df = df.dropna(subset=['geometry'])`" (or `subset=['x', 'y']`), for a shell user
who has no `df`."""
import warnings

import pandas as pd
import pytest

from alphaearth_nb.core import NoDataWarning


def _said(evaluate_cli, *args):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        rc, out, err = evaluate_cli(*args)
    return rc, out, err, [str(x.message) for x in w if issubclass(x.category, NoDataWarning)]


@pytest.mark.parametrize("form", ["geometry", "xy"])
def test_rows_without_a_point_are_said_by_their_lines(labelled_store, form, tmp_path, evaluate_cli):
    store, pts = labelled_store
    x, y = pts.geometry.x.to_numpy(), pts.geometry.y.to_numpy()
    df = (pd.DataFrame({"label": pts["label"], "geometry": [f"POINT ({a} {b})" for a, b in zip(x, y)]}) if form ==
          "geometry" else pd.DataFrame({"x": x, "y": y, "label": pts["label"]}))
    df.loc[[3, 7], "geometry" if form == "geometry" else "x"] = None
    df.to_csv(tmp_path / "pts.csv", index=False)
    df.drop(index=[3, 7]).to_csv(tmp_path / "kept.csv", index=False)
    crs = ("--crs", pts.crs.to_string()) if form == "geometry" else ()
    rc, out, err, said = _said(evaluate_cli, "--embeddings", store, "--labels", str(tmp_path / "pts.csv"), *crs)
    assert rc == 0, err
    assert len(said) == 1 and "2 of 40 rows have no point" in said[0] and "lines 5, 9" in said[0], said
    assert "df" not in said[0] and "delete them from it" in said[0], said   # was `df = df.dropna(subset=[...])`
    rc2, out2, err2, said2 = _said(evaluate_cli, "--embeddings", store, "--labels", str(tmp_path / "kept.csv"), *crs)
    assert rc2 == 0 and not said2 and out2 == out, err2   # the same as the file without those rows


def test_a_table_with_every_point_says_nothing(labelled_store, tmp_path, evaluate_cli):
    store, pts = labelled_store
    pd.DataFrame({"x": pts.geometry.x, "y": pts.geometry.y, "label": pts["label"]}).to_csv(tmp_path / "p.csv",
                                                                                             index=False)
    rc, out, err, said = _said(evaluate_cli, "--embeddings", store, "--labels", str(tmp_path / "p.csv"))
    assert rc == 0 and not said, (err, said)
