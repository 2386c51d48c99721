"""A zip of several shapefiles in a folder (zipping a folder of them) is read on the one `--labels-layer NAME` (its
shapefile's name) picks, as `aef evaluate --labels 'zip://two.zip!two/a.shp'` reads it; its refusal names that
command line too, which runs. Was (f3153ba9): refused 'two.zip holds 2 vector files in folders ...' with the option
given, and the refusal named the zip:// path alone."""
import shlex
import zipfile

import pytest

gpd = pytest.importorskip("geopandas")


def test_labels_layer_picks_a_shapefile_of_a_zipped_folder(tmp_path, evaluate_cli, labelled_store):
    store, g = labelled_store
    (tmp_path / "two").mkdir()
    g.to_file(tmp_path / "two" / "a.shp")
    g.iloc[:4].to_file(tmp_path / "two" / "b.shp")
    z = tmp_path / "two.zip"
    with zipfile.ZipFile(z, "w") as f:
        for p in sorted((tmp_path / "two").iterdir()): f.write(p, f"two/{p.name}")
    rc, want, err = evaluate_cli("--embeddings", store, "--labels", f"zip://{z}!two/a.shp")
    assert rc == 0, err
    rc, out, err = evaluate_cli("--embeddings", store, "--labels", str(z))
    assert rc == 2 and "--labels-layer a`" in err, err
    line = err.split("`aef evaluate ")[1].split("`")[0]
    rc, out, err = evaluate_cli("--embeddings", store, *shlex.split(line))
    assert rc == 0 and out == want, err
