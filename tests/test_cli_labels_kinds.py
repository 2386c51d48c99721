"""aef evaluate of zarr embeddings without --labels names every kind of label --labels reads. Was: 'a label raster on
the same grid, or `samples`', leaving out the vector files and CSV points its own help lists (cli_args.LABEL_VECTORS).
"""
from alphaearth_nb.cli_args import LABEL_VECTORS
from alphaearth_nb.exports import to_zarr
from alphaearth_nb.testing import embedding_from_array, random_unit


def test_missing_labels_names_vectors_and_points(tmp_path, evaluate_cli):
    store = str(to_zarr(embedding_from_array(random_unit((6, 5), seed=1)), tmp_path / "e.zarr"))
    rc, _, err = evaluate_cli("--embeddings", store)
    assert rc == 2 and "--labels" in err, err
    for kind in (".gpkg", ".geojson", ".csv", ".nc", "samples"):
        assert kind in err, (kind, err)
    assert all(s in err for s in LABEL_VECTORS), err
