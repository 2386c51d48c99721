"""`aef evaluate --embeddings fields.gdb` (an Esri FileGDB: a folder, the vector form QGIS and ArcGIS export) is
refused by name before any reader, as a .gpkg or .shp is, pointing labelled points to --labels; a .gml file too.
Was: 'is a folder that is neither a zarr store nor an alphaearth_nb run (no .aef-run marker ...)' for the FileGDB,
and the .gml opened as a store (queue s44 layers: evaluate_cmd._NOT_STORES lacked .gdb)."""
from alphaearth_nb.cli import main


def _err(capsys, path) -> str:
    assert main(["evaluate", "--embeddings", str(path)]) == 2
    return capsys.readouterr().err


def test_a_filegdb_folder_is_named_and_sent_to_labels(tmp_path, capsys):
    (g := tmp_path / "fields.gdb").mkdir()
    (g / "a00000001.gdbtable").write_bytes(b"\x03\x00\x00\x00")   # a FileGDB's tables
    err = _err(capsys, g)
    assert f"--embeddings {g} is an Esri FileGDB (a .gdb folder)" in err, err
    assert "a file of labelled points or polygons goes to --labels" in err and "zarr store" in err, err
    assert "neither a zarr store nor an alphaearth_nb run" not in err, err


def test_a_gml_file_is_named_as_a_gpkg_is(tmp_path, capsys):
    (p := tmp_path / "fields.gml").write_text("<?xml version='1.0'?><gml:FeatureCollection/>")
    err = _err(capsys, p)
    assert f"--embeddings {p} is a .gml file" in err and "goes to --labels" in err, err
