"""A zip of several shapefiles in a folder (zipping a folder of them) is read on the one `--labels-layer NAME` (its
shapefile's name) picks, as `aef evaluate --labels 'zip://two.zip!two/a.shp'` reads it; its refusal names that
command line too, which runs. Was (f3153ba9): refused 'two.zip holds 2 vector files in folders ...' with the option
given, and the refusal named the zip:// path alone."""
import shlex

import pytest

from alphaearth_nb.testing import shapefile_zip

gpd = pytest.importorskip("geopandas")


def test_labels_layer_picks_a_shapefile_of_a_zipped_folder(tmp_path, evaluate_cli, labelled_store):
    store, g = labelled_store
    z = shapefile_zip(tmp_path / "two.zip", {"two/a.shp": g, "two/b.shp": g.iloc[:4]})
    rc, want, err = evaluate_cli("--embeddings", store, "--labels", f"zip://{z}!two/a.shp")
    assert rc == 0, err
    rc, out, err = evaluate_cli("--embeddings", store, "--labels", str(z))
    assert rc == 2 and "--labels-layer a`" in err, err
    line = err.split("`aef evaluate ")[1].split("`")[0]
    rc, out, err = evaluate_cli("--embeddings", store, *shlex.split(line))
    assert rc == 0 and out == want, err
