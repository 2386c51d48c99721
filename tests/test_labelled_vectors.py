"""A table of A00..A63 and a label column (vectors a user sampled: an Earth Engine `sampleRegions` export, `sample`'s
answer with labels added, the official samples) could not train classify: it read the table's coordinates alone, or
refused it for lacking x/y (newcomer s55 finding 11). Now such a table trains `classify` and `regress` on its own
vectors, through the checks of a table of labels (band names, the label column, the vectors' unit-length gate)."""
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.core import LabelError, LabelWarning, NoDataWarning, band_names
from alphaearth_nb.testing import embedding_from_array, random_unit

E = embedding_from_array(random_unit((6, 7), seed=1))
V = E.values.reshape(-1, 64).astype(np.float64)   # the map's own pixels, row by row
TABLE = pd.DataFrame(V[:6], columns=band_names()).assign(label=[0, 0, 0, 1, 1, 1])


def test_classify_trains_on_the_tables_vectors():
    "k=1: each pixel whose vector is a labelled row takes its label; the rows carry no coordinate at all."
    got = E.aef.classify(TABLE, k=1)["class"].values.reshape(-1)
    assert got[:6].tolist() == [0, 0, 0, 1, 1, 1]


def test_an_earth_engine_export_with_its_own_label_column_and_geo():
    """sampleRegions' CSV: system:index, the bands, the property, .geo. Its rows say where they lie, so they are points
    (as the same file is): a point far off the map is refused, naming the drop that trains on the vectors; with no
    place (geometries=False's empty .geo, or .geo dropped) the vectors train."""
    ee = TABLE.rename(columns={"label": "landcover"}).assign(**{"system:index": [f"0_{i}" for i in range(6)],
                                                                ".geo": ['{"type":"Point","coordinates":[-60,-3]}'] * 6})
    with pytest.raises(LabelError, match=r"drop its coordinate columns, `df.drop\(columns=\['.geo'\]\)`"):
        E.aef.classify(ee, k=1, column="landcover")
    for t in (ee.drop(columns=".geo"), ee.assign(**{".geo": '{"type":"MultiPoint","coordinates":[]}'})):
        got = E.aef.classify(t, k=1, column="landcover")["class"].values.reshape(-1)
        assert got[:6].tolist() == [0, 0, 0, 1, 1, 1]


def test_regress_trains_on_the_tables_vectors():
    t = TABLE.drop(columns="label").assign(value=np.arange(6.0))
    got = E.aef.regress(t, method="knn", k=1).values.reshape(-1)
    np.testing.assert_allclose(got[:6], np.arange(6.0))


def test_vectors_of_one_year_train_every_year_of_a_cube_quietly():
    "The vectors carry their own year: no 'labels record no year' warning; each year classified by them."
    cube = xr.concat([E, E], "time").assign_coords(time=pd.to_datetime(["2023-01-01", "2024-01-01"]))
    with warnings.catch_warnings():
        warnings.simplefilter("error", LabelWarning)
        got = cube.aef.classify(TABLE, k=1)["class"]
    assert got.dims == ("time", "y", "x") and (got.values.reshape(2, -1)[:, :6] == [0, 0, 0, 1, 1, 1]).all()


def test_int8_codes_are_decoded_and_a_row_without_a_vector_left_out_warned():
    codes = pd.DataFrame(aef.quantize(V[:6]).astype(np.int8), columns=band_names()).assign(label=TABLE.label)
    got = E.aef.classify(codes, k=1)["class"].values.reshape(-1)
    assert got[:6].tolist() == [0, 0, 0, 1, 1, 1]
    gap = TABLE.copy()
    gap.loc[2, "A10"] = np.nan   # a point off the map when it was sampled
    with pytest.warns(NoDataWarning, match="1 of 6 labelled vectors"):
        E.aef.classify(gap, k=1)


@pytest.mark.parametrize("table, words", [
    (TABLE.drop(columns="A63"), "no column for band A63"),
    (TABLE.rename(columns={"label": "lulc"}), "column='lulc'"),
    (TABLE.assign(**{b: (TABLE[b] * 100).round().astype(int) for b in band_names()}), "not embeddings"),
    (TABLE.assign(label=np.nan), "none of the 6 rows"),
])
def test_refusals_name_the_fix(table, words):
    with pytest.raises(LabelError, match=words):
        E.aef.classify(table, k=1)


def test_training_set_of_labelled_vectors_has_no_pixels():
    "`aef evaluate`'s thinning reads each row's pixel: labelled vectors have none, said."
    with pytest.raises(LabelError, match="no pixel on the map"):
        aef.supervised.gated_training_set(E, TABLE, at=True)


def test_a_fill_or_all_zero_row_is_left_out_named():
    """One row of 64 x -9999 (a fill) or all zero refused the whole table with a fix for a map ("pass a pixel with data,
    e.g. `emb.sel(...)`", s56 r1 #10). Such rows are left out, warned, naming them and the drop; rows of no vector at
    all are refused in a table's words."""
    bad = pd.concat([TABLE, pd.DataFrame([[-9999.0] * 64 + [1], [0.0] * 64 + [0]], columns=TABLE.columns,
                                         index=[17, 18])])
    with pytest.warns(NoDataWarning, match=r"2 of 8 labelled vectors hold one value in all 64 bands \(rows 17, 18: 64 x -9999, 64 x 0,.*"
                                           r"left out.*df.drop\(index=\[17, 18\]\)"):
        got = E.aef.classify(bad, k=1)["class"].values.reshape(-1)
    assert got[:6].tolist() == [0, 0, 0, 1, 1, 1]
    with pytest.raises(LabelError, match=r"every one of the 2 labelled vectors holds one value in all 64 bands") as e:
        E.aef.classify(bad.loc[[17, 18]], k=1)
    assert "emb.sel" not in str(e.value)
