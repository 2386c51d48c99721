"""aef evaluate names a missing label column of a vector --labels file in the command's words, --label-column with the
name the file keeps, as it does a CSV's. Was: training_set's Python words, "pass `column='Label'`", an argument the
command has not (2e438c2 read vector files through training_set after fdcc668 gave it the near name)."""
import numpy as np
import pytest

pytest.importorskip("geopandas")
import geopandas as gpd

from alphaearth_nb.cli import main
from alphaearth_nb.core import band_names
from alphaearth_nb.exports import to_zarr
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("labels")
    e = embedding_from_array(random_unit((6, 6), seed=4))
    store = str(to_zarr(e, d / "e.zarr"))
    pts = gpd.GeoDataFrame({"Label": [1, 2, 1, 2]}, geometry=gpd.points_from_xy(e.x.values[:4], e.y.values[:4]),
                           crs=e.attrs["crs"])
    pts.to_file(d / "l.gpkg")
    pts.rename(columns={"Label": "crop_type_"}).to_file(d / "l.shp")   # a shapefile keeps 10 characters of a name
    table = np.asarray(e.values.reshape(-1, 64)[:4])
    import pandas as pd
    pd.DataFrame(table, columns=band_names()).assign(Label=[1, 2, 1, 2]).to_csv(d / "e.csv", index=False)
    return d, store


@pytest.mark.parametrize("labels, column, fix", [
    ("l.gpkg", "label", "--label-column Label (the same name in another case)"),
    ("l.shp", "crop_type_name", "--label-column crop_type_ (its first 10 characters"),
    ("l.gpkg", "cls", "--label-column Label (the one column besides coordinates, geometry and year)")])
def test_vector_labels_name_the_option(files, capsys, labels, column, fix):
    d, store = files
    assert main(["evaluate", "--embeddings", store, "--labels", str(d / labels), "--label-column", column]) == 2
    err = capsys.readouterr().err
    assert f"--labels {d / labels} has no column {column!r}" in err and f"pass {fix}" in err, err
    assert "column=" not in err, err


def test_csv_and_vector_file_give_one_fix(files, capsys):
    "The same missing column, a CSV's and a vector file's: the same fix (one wording)."
    d, store = files
    said = []
    for args in (["--embeddings", str(d / "e.csv")], ["--embeddings", store, "--labels", str(d / "l.gpkg")]):
        assert main(["evaluate", *args, "--label-column", "label"]) == 2   # as typed: left out, Label is read
        said.append(capsys.readouterr().err.split("pass ")[-1].strip())
    assert said[0] == said[1] == "--label-column Label (the same name in another case).", said
