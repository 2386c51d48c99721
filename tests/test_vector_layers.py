"""A vector file of several layers with geometry (a GeoPackage of two layers, a '.zip' of two shapefiles, a KML of two
folders) is a `LabelError` at every door that reads a file of places, before anything is read: it names each layer
(name, geometry type, feature count) and how to read one (`gpd.read_file(path, layer=NAME)` in Python;
`aef evaluate --labels path --labels-layer NAME` on the command line: s44, was a `python -c` / `ogr2ogr` line saving
it to a file of its own). A file of one layer, a GeoJSON FeatureCollection,
a GeoPackage of one layer beside a table without geometry (QGIS' 'layer_styles') read as one layer, unwarned.
Was (cases G1-v7): the first layer read alone, the only notice GDAL's UserWarning 'More than one layer found ...
Specify layer parameter'; `aef evaluate --labels two.zip` scored the first shapefile's points."""
import shlex
import warnings

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.analysis import classify
from alphaearth_nb.core import LabelError
from alphaearth_nb.cubes import aggregate, label_table
from alphaearth_nb.places import read_geometries, read_places, sample
from alphaearth_nb.testing import shapefile_zip

gpd = pytest.importorskip("geopandas")
pyogrio = pytest.importorskip("pyogrio")
shapely = pytest.importorskip("shapely")


def _fields(e):
    "Two polygons on map `e`, in its CRS."
    x, y = e.x.values, e.y.values
    return gpd.GeoDataFrame({"name": ["a", "b"]}, geometry=[shapely.box(x[0], y[5], x[4], y[0]),
                                                           shapely.box(x[6], y[11], x[11], y[6])], crs=e.attrs["crs"])


def _two_files(tmp_path, pts, fields):
    "A GeoPackage of layers 'points' and 'fields', and a zip of shapefiles a.shp (the points) and b.shp (the fields)."
    gpkg = tmp_path / "two.gpkg"
    pts.to_file(gpkg, layer="points")
    fields.to_file(gpkg, layer="fields")
    return gpkg, shapefile_zip(tmp_path / "two.zip", {"a.shp": pts, "b.shp": fields})


def _refused(call, names):
    "`call()` is a LabelError naming each layer (name, type, count) and `layer=`; no GDAL warning before it."
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        with pytest.raises(LabelError) as e: call()
    msg = str(e.value)
    assert not [w for w in said if "More than one layer" in str(w.message)], [str(w.message) for w in said]
    for n, kind, k in names: assert f"{n!r} ({kind}, {k} feature" in msg, msg
    assert f"layer={names[0][0]!r}" in msg and f"--labels-layer {shlex.quote(names[0][0])}" in msg, msg
    return msg


def test_every_python_door_refuses_two_layers(tmp_path, utm_emb, pixel_points):
    e = utm_emb(0)
    gpkg, two_zip = _two_files(tmp_path, pixel_points(e), _fields(e))
    for path, names in ((gpkg, [("points", "Point", 40), ("fields", "Polygon", 2)]),
                        (two_zip, [("a", "Point", 40), ("b", "Polygon", 2)])):
        for call in (lambda: read_geometries(str(path)), lambda: read_places(str(path)),
                     lambda: read_places(path, obj=e), lambda: classify(e, str(path)), lambda: sample(e, str(path)),
                     lambda: aggregate(e, str(path)), lambda: label_table(e, str(path))):
            msg = _refused(call, names)
        assert str(path) in msg


def test_the_named_fix_reads_one_layer(tmp_path, utm_emb, pixel_points):
    e = utm_emb(0)
    pts = pixel_points(e)
    gpkg, two_zip = _two_files(tmp_path, pts, _fields(e))
    msg = _refused(lambda: classify(e, str(gpkg)), [("points", "Point", 40), ("fields", "Polygon", 2)])
    assert f"`gpd.read_file({str(gpkg)!r}, layer='points')`" in msg, msg   # the Python it names
    want = classify(e, pts)
    for got in (classify(e, gpd.read_file(gpkg, layer="points")),
                classify(e, gpd.read_file(two_zip, layer="a"))):
        np.testing.assert_array_equal(got["class"].values, want["class"].values)


def test_one_layer_files_read_as_before(tmp_path, utm_emb, pixel_points):
    e = utm_emb(0)
    pts = pixel_points(e)
    want = classify(e, pts)["class"].values
    pts.to_file(tmp_path / "one.gpkg", layer="points")
    pts.to_crs(4326).to_file(tmp_path / "one.geojson")   # a FeatureCollection: one layer
    styled = tmp_path / "styled.gpkg"   # the points beside a table without geometry (QGIS saves its styles so)
    pyogrio.write_dataframe(pd.DataFrame({"styleName": ["s"]}), styled, layer="layer_styles")
    pts.to_file(styled, layer="points")
    assert len(pyogrio.list_layers(styled)) == 2
    for f in ("one.gpkg", "one.geojson", "styled.gpkg"):
        with warnings.catch_warnings(record=True) as said:
            warnings.simplefilter("always")
            got = classify(e, str(tmp_path / f))["class"].values
        np.testing.assert_array_equal(got, want, err_msg=f)
        assert not [w for w in said if "More than one layer" in str(w.message)], f


_KML = """<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>{}</Document></kml>"""
_FOLDER = "<Folder><name>{}</name>{}</Folder>"
_MARK = "<Placemark><name>p</name><Point><coordinates>{},{}</coordinates></Point></Placemark>"


def test_kml_folders(tmp_path):
    two = tmp_path / "two.kml"
    two.write_text(_KML.format(_FOLDER.format("crops", _MARK.format(1, 43.6)) +
                               _FOLDER.format("water", _MARK.format(1.01, 43.61) + _MARK.format(1.02, 43.61))))
    _refused(lambda: read_geometries(str(two)), [("crops", "any geometry", 1), ("water", "any geometry", 2)])
    one = tmp_path / "one.kml"
    one.write_text(_KML.format(_FOLDER.format("water", _MARK.format(1.01, 43.61) + _MARK.format(1.02, 43.61))))
    assert len(read_geometries(str(one))) == 2


def test_aef_evaluate_labels_of_two_layers(tmp_path, evaluate_cli, labelled_store):
    store, g = labelled_store
    g.to_file(tmp_path / "one.gpkg", layer="labels")
    rc, want, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "one.gpkg"))
    assert rc == 0, err
    gpkg, two_zip = _two_files(tmp_path, g, gpd.GeoDataFrame({"label": [5]}, geometry=[g.geometry[0].buffer(30)],
                                                             crs=g.crs))
    for path, first in ((gpkg, "points"), (two_zip, "a")):
        rc, out, err = evaluate_cli("--embeddings", store, "--labels", str(path))
        assert rc == 2 and not out, out
        assert f"{first!r} (Point, 40 features)" in err and "(Polygon, 1 feature)" in err, err
        assert f"--labels-layer {first}" in err and "More than one layer" not in err, err
        rc, out, err = evaluate_cli("--embeddings", store, "--labels", str(path), "--labels-layer", first)
        assert rc == 0 and out == want, err
