"""`aef classify --labels LULC.gpkg --label-column LULC_ID` leaves eo-learn's LULC_ID 0 (no name in LULC_NAME: its
no-data class) out, warned (s51), while Python's `aef.classify(emb, 'LULC.gpkg', column='LULC_ID')` trained on it as
a class of its own and painted 0 on the map. The rule now lives in one place, `labels.leave_nameless`, read by
Python's readers of labels (a vector file or GeoDataFrame: `cubes.label_table`; a table of points:
`supervised.label_points`) and the command alike: the id is left out with a LabelWarning naming it."""
import numpy as np
import pandas as pd
import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import LabelWarning
from alphaearth_nb.testing import embedding_from_array, random_unit


def _case():
    "A 6 x 6 map of three kinds of pixel, labelled 2 (forest), 3 (grass) and 0 (no name: no data) by column."
    v = random_unit((3,), seed=3)
    kind = np.arange(36).reshape(6, 6) % 6 // 2                    # columns 0-1, 2-3, 4-5
    e = embedding_from_array(v[kind].astype(np.float32))
    rows = [(x, y, k) for k in range(3) for x, y in ((e.x.values[2 * k], e.y.values[r]) for r in (0, 3))]
    ids, names = {0: 2, 1: 3, 2: 0}, {0: "forest", 1: "grassland", 2: ""}
    t = pd.DataFrame({"x": [r[0] for r in rows], "y": [r[1] for r in rows],
                      "LULC_ID": [ids[r[2]] for r in rows], "LULC_NAME": [names[r[2]] for r in rows]})
    return e, t


def _check(out, rec):
    said = [str(w.message) for w in rec if issubclass(w.category, LabelWarning)]
    assert any("LULC_ID 0 has no name in LULC_NAME (2 rows)" in s for s in said), said
    assert sorted(np.unique(out["class"].values).tolist()) == [2, 3], np.unique(out["class"].values)


def test_a_table_of_points_leaves_the_nameless_id_out():
    e, t = _case()
    with pytest.warns(LabelWarning) as rec:
        out = aef.classify(e, t, column="LULC_ID", k=1)
    _check(out, rec)


def test_a_vector_file_leaves_the_nameless_id_out(tmp_path):
    gpd = pytest.importorskip("geopandas")
    e, t = _case()
    g = gpd.GeoDataFrame(t.drop(columns=["x", "y"]), geometry=gpd.points_from_xy(t.x, t.y), crs="EPSG:32631")
    g.to_file(tmp_path / "LULC.gpkg")
    with pytest.warns(LabelWarning) as rec:
        out = aef.classify(e, str(tmp_path / "LULC.gpkg"), column="LULC_ID", k=1)
    _check(out, rec)


def test_every_id_named_trains_every_class():
    e, t = _case()
    t = t.assign(LULC_NAME=t.LULC_NAME.replace("", "water"))
    out = aef.classify(e, t, column="LULC_ID", k=1)
    assert sorted(np.unique(out["class"].values).tolist()) == [0, 2, 3]


def test_an_id_of_one_row_with_a_blank_note_stays_a_class(recwarn):
    """Points 1..4 each of one row beside a column of text 'a', 'b', 'c', '': a note or a site's name is as one to one
    as a naming there, and id 4 was left out as no data, warned. A column names the ids only where a named id recurs
    with its name (eo-learn's LULC_NAME); here nothing says so, so every id is a class."""
    e, _ = _case()
    t = pd.DataFrame({"x": e.x.values[[0, 2, 4, 5]], "y": e.y.values[[0, 1, 3, 5]], "id": [1, 2, 3, 4],
                      "note": ["a", "b", "c", ""]})
    assert sorted(np.unique(aef.analysis.training_set(e, t, column="id")[1]).tolist()) == [1, 2, 3, 4]
    aef.classify(e, t, column="id", k=1)   # classify reads them so too: nothing said
    assert not [w for w in recwarn if "has no name" in str(w.message)]


def test_columns_labelled_by_numbers_are_read():
    "A table of columns labelled 0, 1 (`header=None`): its label column 0 was refused as missing ('0' not among them)."
    from alphaearth_nb.labels import leave_nameless, nameless_ids
    t = pd.DataFrame({0: [2, 3, 0, 2, 8], 1: ["forest", "grassland", "", "forest", "artificial surface"]})
    assert nameless_ids(t, 0)[0].tolist() == [False, False, True, False, False] and nameless_ids(t, 0)[1] == 1
    with pytest.warns(LabelWarning, match=r"has no name in 1 .*`labels.loc\[labels\[0\] == 0, 1\] = 'other'`"):
        assert leave_nameless(t, 0)[0].tolist() == [2, 3, 2, 8]
