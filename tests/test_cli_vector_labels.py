"""aef evaluate --labels reads a vector file of labelled points (the live map's save_labels GeoJSON: RFC 7946 lon/lat,
or with a `crs` member as saved before) onto the embeddings' pixels, as `classify(path)` does. Was: 'cannot be
opened as a netCDF/zarr dataset'."""
import json

import pytest

pytest.importorskip("geopandas")

from alphaearth_nb.cli import main
from alphaearth_nb.exports import to_zarr
from alphaearth_nb.testing import embedding_from_array, random_unit


def _table(capsys, *args):
    assert main(["evaluate", *args, "--shots", "3", "--folds", "3"]) == 0, capsys.readouterr().err
    return capsys.readouterr().out


def test_evaluate_reads_new_and_old_label_files_alike(tmp_path, capsys, pixel_points):
    e = embedding_from_array(random_unit((12, 10), seed=1))
    store = str(to_zarr(e, tmp_path / "e.zarr"))
    pts = pixel_points(e, classes=("a", "b"))
    new, old = tmp_path / "new.geojson", tmp_path / "old.geojson"
    new.write_text(pts.to_crs(4326).to_json(drop_id=True))             # RFC 7946: lon/lat, no crs member
    old.write_text(pts.to_json(drop_id=True))                          # grid CRS, crs member
    assert "crs" not in json.loads(new.read_text()) and "crs" in json.loads(old.read_text())
    a = _table(capsys, "--embeddings", store, "--labels", str(new))
    assert a == _table(capsys, "--embeddings", store, "--labels", str(old)) and "knn" in a.lower()
    gpkg = tmp_path / "l.gpkg"
    pts.rename(columns={"label": "cls"}).to_file(gpkg)                 # another column, named
    assert _table(capsys, "--embeddings", store, "--labels", str(gpkg), "--label-column", "cls") == a


def test_a_vector_file_names_no_variable(tmp_path, capsys, pixel_points):
    e = embedding_from_array(random_unit((6, 5), seed=2))
    store = str(to_zarr(e, tmp_path / "e.zarr"))
    p = tmp_path / "l.geojson"; p.write_text(pixel_points(e, 8, classes=("a", "b")).to_crs(4326).to_json())
    assert main(["evaluate", "--embeddings", store, "--labels", str(p), "--labels-var", "x"]) == 2
    assert "--labels-var x" in capsys.readouterr().err
