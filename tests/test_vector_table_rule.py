"""Labelled vectors (s56 r1): one rule for a table of the 64 bands. A table whose rows say where they lie (x/y, lon/lat,
a geometry) is points, read at the map's pixels, whether given as a DataFrame, a file or to `aef classify`;
906bfade had made `sample`'s answer with labels added a table of vectors, so `aef evaluate` refused it and the same
file trained on other vectors as a path (the map's) than as a DataFrame (its own). A table with the bands and no
place trains on its own vectors, a file of it too. The bands are read under any spelling a table's bands take
(b1..b64, SAMPLE_n); decimal-comma targets get the comma's fix, not a coercion to NaN; a nullable Float64 table's
empty cell is a row without a vector; off_map='drop' names no unlabelled marker (-1, '') as a lost class."""
import warnings

import numpy as np
import pandas as pd
import pytest

import alphaearth_nb as aef
from alphaearth_nb.cli import main
from alphaearth_nb.core import LabelError, LabelWarning, NoDataWarning, band_names
from alphaearth_nb.exports import to_zarr
from alphaearth_nb.testing import embedding_from_array, random_unit
from alphaearth_nb.vector_labels import is_vector_table

E = embedding_from_array(random_unit((12, 12), seed=5)).assign_attrs(crs="EPSG:32631", time="2024-01-01")
F = embedding_from_array(random_unit((12, 12), seed=9)).assign_attrs(crs="EPSG:32631", time="2024-01-01")
RNG = np.random.default_rng(0)
R, C = RNG.integers(0, 12, 40), RNG.integers(0, 12, 40)
LAB = RNG.integers(0, 2, 40)
# the vectors of another map F, at places of E: read as points (E's pixels there), they train another map than as vectors
T = pd.DataFrame(F.values[R, C].astype(np.float64), columns=band_names()).assign(x=E.x.values[C], y=E.y.values[R], label=LAB)


def _quiet(f):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return f()


def test_a_table_with_places_is_points_by_every_door(tmp_path):
    "DataFrame, path and `aef classify` give the same map: E's vectors at the table's places (as 906bfade's path did)."
    T.to_csv(p := tmp_path / "vt.csv", index=False)
    assert not is_vector_table(T) and is_vector_table(T.drop(columns=["x", "y"]))
    frame = _quiet(lambda: aef.classify(E, T, k=1, crs="EPSG:32631"))["class"].values
    path = _quiet(lambda: aef.classify(E, str(p), k=1, crs="EPSG:32631"))["class"].values
    points = _quiet(lambda: aef.classify(E, T.drop(columns=band_names()), k=1, crs="EPSG:32631"))["class"].values
    assert (frame == path).all() and (frame == points).all()
    to_zarr(E, str(tmp_path / "m.zarr"))
    assert main(["classify", "--embeddings", str(tmp_path / "m.zarr"), "--labels", str(p), "--crs", "EPSG:32631",
                 "--k", "1", "--out", str(tmp_path / "o.tif")]) == 0
    import rioxarray
    cli = rioxarray.open_rasterio(tmp_path / "o.tif").squeeze().values
    assert (cli == frame).all()


def test_a_table_without_places_trains_on_its_vectors_as_a_file_too(tmp_path):
    own = T.drop(columns=["x", "y"])
    own.to_csv(p := tmp_path / "v.csv", index=False)
    frame = _quiet(lambda: aef.classify(E, own, k=1))["class"].values
    path = _quiet(lambda: aef.classify(E, str(p), k=1))["class"].values
    assert (frame == path).all()
    placed = _quiet(lambda: aef.classify(E, T, k=1, crs="EPSG:32631"))["class"].values
    assert (frame != placed).mean() > 0.2   # F's vectors, not E's at those places


def test_evaluate_scores_samples_table_with_labels_again(tmp_path, capsys):
    "`aef evaluate` of sample()'s answer with labels added (bands, x, y, label): scored, as on 906bfade."
    T.assign(**{b: E.values[R, C][:, i] for i, b in enumerate(band_names())}).to_csv(p := tmp_path / "s.csv", index=False)
    to_zarr(E, str(tmp_path / "m.zarr"))
    rc = main(["evaluate", "--embeddings", str(tmp_path / "m.zarr"), "--labels", str(p), "--crs", "EPSG:32631",
               "--spacing", "0"])
    assert rc == 0, capsys.readouterr().err
    X, y, at = _quiet(lambda: aef.supervised.training_set(E, T, crs="EPSG:32631", at=True))
    assert X.shape[1] == 64 and at.shape == (len(y), 2)


@pytest.mark.parametrize("name", [lambda i: f"b{i + 1}", lambda i: f"SAMPLE_{i + 1}", lambda i: f"band_{i + 1}"])
def test_band_spellings_of_a_table_are_labelled_vectors(name):
    "Earth Engine's b1..b64 (an uploaded asset sampled), QGIS' SAMPLE_n, band_n: the table's vectors train."
    V = E.values.reshape(-1, 64)[:6].astype(np.float64)
    t = pd.DataFrame(V, columns=[name(i) for i in range(64)]).assign(label=[0, 0, 0, 1, 1, 1])
    assert is_vector_table(t)
    assert _quiet(lambda: aef.classify(E, t, k=1))["class"].values.reshape(-1)[:6].tolist() == [0, 0, 0, 1, 1, 1]


def test_decimal_comma_targets_get_the_commas_fix_not_a_coercion():
    t = T.drop(columns=["x", "y", "label"]).iloc[:4].assign(value=["1,5", "2,5", "3,5", "4"])
    with pytest.raises(LabelError, match="decimal=','") as e:
        _quiet(lambda: aef.regress(E, t, method="knn", k=1))
    assert "errors='coerce'" not in str(e.value)


def test_a_nullable_float_table_with_an_empty_cell_leaves_that_row_out():
    t = T.drop(columns=["x", "y"]).iloc[:6].astype({b: "Float64" for b in band_names()})
    t.iloc[2, 5] = pd.NA
    with pytest.warns(NoDataWarning, match="1 of 6 labelled vectors"):
        got = aef.classify(E, t, k=1)
    assert got["class"].shape == (12, 12)


@pytest.mark.parametrize("marker, labels", [(-1, [0, 0, 1, 1, -1]), ("''", ["a", "a", "b", "b", ""])])
def test_off_map_drop_names_no_unlabelled_marker_as_a_lost_class(marker, labels):
    x, y = E.x.values, E.y.values
    P = pd.DataFrame({"x": [x[0], x[1], x[5], x[6], x[0] - 1e5], "y": [y[0], y[1], y[4], y[5], y[0]], "label": labels})
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        aef.classify(E, P, k=1, crs="EPSG:32631", off_map="drop")
    said = [str(m.message) for m in w if issubclass(m.category, LabelWarning) and "off the map" in str(m.message)]
    assert said and not any(f"class {marker}" in s for s in said), said
