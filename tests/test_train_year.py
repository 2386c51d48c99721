"""Training on one year's labels and classifying every year of a cube was not built (newcomer s55 finding 2; only a
warning said that labels of no year train each year on its own pixels, wrong where the land changed). Now
`cube.aef.classify(labels, train_year=2024)` (and `regress`) trains on that year's vectors at the labels and maps every
year, a year not in the cube refused naming those it holds; `aef classify --train-year` maps `--year` so."""
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.cli import main
from alphaearth_nb.core import ConfigError, TimeError, band_names
from alphaearth_nb.exports import to_zarr
from alphaearth_nb.testing import embedding_from_array, random_unit
from alphaearth_nb.years import join_years

OLD = embedding_from_array(random_unit((6, 7), seed=5)).assign_attrs(crs="EPSG:32631", time="2023-01-01")
NEW = embedding_from_array(random_unit((6, 7), seed=1)).assign_attrs(crs="EPSG:32631", time="2024-01-01")
NEW = NEW.assign_coords(x=OLD.x, y=OLD.y)
CUBE = xr.concat([OLD, NEW], "time").assign_coords(time=pd.to_datetime(["2023-01-01", "2024-01-01"]))
PTS = pd.DataFrame({"x": OLD.x.values[[0, 1, 5, 6]], "y": OLD.y.values[[0, 1, 4, 5]], "label": [0, 0, 1, 1]})


def _by_vectors(emb, year_map):
    "Hand-worked: emb classified by k=1 on year_map's vectors at PTS (a table of A00..A63 and the label)."
    X, v = aef.supervised.training_set(year_map, PTS, crs="EPSG:32631")
    return emb.aef.classify(pd.DataFrame(X, columns=band_names()).assign(label=v), k=1)["class"].values


def test_every_year_is_classified_by_the_train_years_vectors():
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # no 'labels record no year' warning: the year is said
        got = CUBE.aef.classify(PTS, k=1, crs="EPSG:32631", train_year=2024)
    assert got.attrs["train_year"] == 2024 and got["class"].dims == ("time", "y", "x")
    np.testing.assert_array_equal(got["class"].isel(time=0).values, _by_vectors(OLD, NEW))
    np.testing.assert_array_equal(got["class"].isel(time=1).values, _by_vectors(NEW, NEW))
    # without it, 2023 trains on its own (2023) vectors at the points: another map
    own = CUBE.aef.classify(PTS.assign(year=2023).pipe(lambda t: pd.concat([t, t.assign(year=2024)])), k=1,
                            crs="EPSG:32631")
    assert (own["class"].isel(time=0).values != got["class"].isel(time=0).values).any()


def test_regress_takes_train_year_too():
    t = PTS.rename(columns={"label": "value"}).assign(value=[1.0, 2.0, 3.0, 4.0])
    got = aef.regress(CUBE, t, method="knn", k=1, crs="EPSG:32631", train_year=2023)
    assert got.attrs["train_year"] == 2023 and got.dims == ("time", "y", "x")
    assert np.isin(got.values, [1.0, 2.0, 3.0, 4.0]).all()


def test_regress_answers_float32_for_float32_targets_by_every_route():
    "float64 came back through train_year or a table of vectors, float32 of the same targets as points (s56 r1 #11)."
    t = PTS.rename(columns={"label": "value"}).assign(value=np.array([1, 2, 3, 4], np.float32))
    vectors = pd.DataFrame(NEW.values.reshape(-1, 64)[:4], columns=band_names()).assign(value=t.value.values)
    assert aef.regress(NEW, t, method="knn", k=1, crs="EPSG:32631").dtype == np.float32   # points: as it was
    assert aef.regress(CUBE, t, method="knn", k=1, crs="EPSG:32631", train_year=2023).dtype == np.float32
    assert aef.regress(NEW, vectors, method="knn", k=1).dtype == np.float32
    assert aef.regress(NEW, vectors.astype({"value": np.float64}), method="knn", k=1).dtype == np.float64


def test_a_year_not_in_the_cube_is_refused_naming_its_years():
    with pytest.raises(TimeError, match=r"train_year=2022 is not a year of the cube, which holds 2023, 2024: pass one "
                                        r"of them, e.g. train_year=2024"):
        CUBE.aef.classify(PTS, k=1, crs="EPSG:32631", train_year=2022)
    with pytest.raises(TimeError, match="the map is of 2024"):
        NEW.aef.classify(PTS, k=1, crs="EPSG:32631", train_year=2023)
    vectors = pd.DataFrame(NEW.values[0, :2], columns=band_names()).assign(label=[0, 1])
    with pytest.raises(ConfigError, match="drop train_year"):
        CUBE.aef.classify(vectors, k=1, train_year=2024)


def test_the_yearless_warning_names_train_year():
    with pytest.warns(aef.core.LabelWarning, match=r"train_year="):
        CUBE.aef.classify(PTS, k=1, crs="EPSG:32631")


def test_aef_classify_train_year(tmp_path, capsys):
    "The map of --year 2023 trained on 2024's vectors at --labels equals Python's train_year map of that year."
    to_zarr(join_years([OLD, NEW]), tmp_path / "cube.zarr")
    PTS.to_csv(tmp_path / "p.csv", index=False)
    args = ["classify", "--embeddings", str(tmp_path / "cube.zarr"), "--labels", str(tmp_path / "p.csv"), "--k", "1"]
    assert main([*args, "--year", "2023", "--train-year", "2024", "--out", str(tmp_path / "m.tif")]) == 0
    rio = pytest.importorskip("rioxarray")
    got = rio.open_rasterio(tmp_path / "m.tif").squeeze("band", drop=True)
    want = _by_vectors(OLD, NEW)
    np.testing.assert_array_equal(got.values, want)
    capsys.readouterr()
    assert main([*args, "--year", "2023", "--train-year", "2022", "--out", str(tmp_path / "x.tif")]) == 2
    assert "--train-year 2022 is not a year of --embeddings" in capsys.readouterr().err


def test_a_label_raster_names_its_classes_under_train_year_too():
    "A label raster's CF flags named the classes of one map but were lost under train_year (s56 r1 #12)."
    lab = xr.full_like(OLD.isel(band=0, drop=True), np.nan, dtype=np.float32).rename("lc")
    lab[0, 0], lab[0, 1], lab[4, 5], lab[5, 6] = 10, 10, 20, 20
    lab.attrs = {"flag_values": [10, 20], "flag_meanings": "water forest"}
    one = NEW.aef.classify(lab, k=1)["class"]
    got = CUBE.aef.classify(lab, k=1, train_year=2024)["class"]
    assert one.attrs["flag_meanings"] == "water forest"   # one map: named, as before
    assert got.attrs.get("flag_meanings") == "water forest" and list(got.attrs["flag_values"]) == [10, 20]


def test_a_year_the_table_does_not_label_names_the_years_it_does():
    "The refusal said 'label that year, use the map of a year labelled, or delete the column' (s56 r1 #16)."
    with pytest.raises(aef.core.LabelError, match=r"train_year=2024.* holds no row of 2024 \(it holds 2023\): pass a "
                                                  r"year it labels, train_year=2023"):
        CUBE.aef.classify(PTS.assign(year=2023), k=1, crs="EPSG:32631", train_year=2024)
