"""`aef evaluate --labels FILE --labels-layer NAME` reads that layer of a vector file of several (a GeoPackage, a
FileGDB, a '.zip' of shapefiles), scoring as the layer saved alone does; `read_geometries(path, layer=NAME)` too. The
refusal of a file of several layers names the option on the command line (the layer shell-quoted: a name holding
' runs as given) and `layer=` in Python; a layer the file lacks is refused naming those it holds; the option beside
a table or `samples` is refused as read by nothing. Was (queue s43 'layers'): no such option; the refusal gave a
`python -c` line saving the layer to a file of its own, broken by a layer name holding ' (review43)."""
import shlex

import pytest

from alphaearth_nb.core import LabelError
from alphaearth_nb.places import read_geometries
from alphaearth_nb.testing import shapefile_zip

gpd = pytest.importorskip("geopandas")
pytest.importorskip("pyogrio")

_NAME = "o'brien fields"   # a layer name a double-quoted python -c line broke


def _files(tmp_path, g):
    "A GeoPackage of layers `_NAME` (the labels `g`) and 'other' (one buffered point), a FileGDB of the same ('o_brien_" \
    "fields': its names are letters, digits and _), a zip of shapefiles a (`g`) and b (the other)."
    other = gpd.GeoDataFrame({"label": [5]}, geometry=[g.geometry.iloc[0].buffer(30)], crs=g.crs)
    gpkg, gdb = tmp_path / "two.gpkg", tmp_path / "two.gdb"
    for f, name, kw in ((gpkg, _NAME, {}), (gdb, "o_brien_fields", {"driver": "OpenFileGDB"})):
        g.to_file(f, layer=name, **kw)
        other.to_file(f, layer="other", **kw)
    return gpkg, gdb, shapefile_zip(tmp_path / "two.zip", {"a.shp": g, "b.shp": other})


@pytest.mark.filterwarnings("ignore:Field label of type Integer64")
def test_labels_layer(tmp_path, evaluate_cli, labelled_store):
    store, g = labelled_store
    g.to_file(tmp_path / "one.gpkg", layer="labels")
    rc, want, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "one.gpkg"))
    assert rc == 0, err
    gpkg, gdb, two_zip = _files(tmp_path, g)
    for path, layer in ((gpkg, _NAME), (gdb, "o_brien_fields"), (two_zip, "a")):
        rc, out, err = evaluate_cli("--embeddings", store, "--labels", str(path))
        assert rc == 2 and not out, (path, out)
        assert f"--labels-layer {shlex.quote(layer)}" in err and f"layer={layer!r}" in err, err
        line = err.split("`aef evaluate ")[1].split("`")[0]   # the command it names, run as a shell splits it
        rc, out, err = evaluate_cli("--embeddings", store, *shlex.split(line))
        assert rc == 0 and out == want, (path, err)
        assert len(read_geometries(str(path), layer=layer)) == len(g)
    rc, out, err = evaluate_cli("--embeddings", store, "--labels", str(gpkg), "--labels-layer", "fields")
    assert rc == 2 and "holds no layer 'fields'" in err and f"{_NAME!r}, 'other'" in err, err
    with pytest.raises(LabelError, match="holds no layer 'fields'"): read_geometries(str(gpkg), layer="fields")


def test_labels_layer_read_by_nothing(tmp_path, evaluate_cli, labelled_store, capsys):
    store, g = labelled_store
    csv = tmp_path / "pts.csv"
    g.assign(x=g.geometry.x, y=g.geometry.y).drop(columns="geometry").to_csv(csv, index=False)
    rc, out, err = evaluate_cli("--embeddings", store, "--labels", str(csv), "--labels-layer", "a")
    assert rc == 2 and "no layer 'a' to pick" in err, err
    rc, out, err = evaluate_cli("--embeddings", store, "--labels", "samples", "--labels-layer", "a")
    assert rc == 2 and "--labels-layer a given with" in err, err
    from alphaearth_nb.cli import main
    assert main(["evaluate", "--help"]) == 0 and "--labels-layer" in capsys.readouterr().out
