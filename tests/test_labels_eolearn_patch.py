"""`--labels` given an eo-learn patch folder, its `mask_timeless/LULC.npy` or a folder inside it got "a folder that
is no zarr store" or xarray's "did not find a match in any of xarray's currently installed IO backends": numpy arrays
record no grid. `aef evaluate` and `aef classify` now say what --labels takes and name the patch's labelled polygons
(`vector_timeless/LULC.gpkg`, with its class-name column) to pass instead; any other `.npy` is named as an array
without a grid."""
import shutil

import numpy as np
import pytest

from alphaearth_nb.cli import main
from alphaearth_nb.exports import to_cog
from alphaearth_nb.testing import embedding_from_array, random_unit

pytest.importorskip("rasterio")


@pytest.fixture(scope="module")
def patch_and_map(shared_data, tmp_path_factory):
    src = shared_data / "eolearn_patch"
    if not src.is_dir(): pytest.skip("no ../shared/data/eolearn_patch")
    d = tmp_path_factory.mktemp("eo")
    shutil.copytree(src, d / "patch")
    np.save(d / "classes.npy", np.zeros((4, 4), np.uint8))
    return d / "patch", to_cog(embedding_from_array(random_unit((8, 8), seed=1)), d / "e.tif"), d


@pytest.mark.parametrize("cmd", ["evaluate", "classify"])
@pytest.mark.parametrize("where", ["", "mask_timeless/LULC.npy", "mask_timeless"])
def test_an_eolearn_patch_as_labels_names_its_polygons(patch_and_map, capsys, cmd, where):
    patch, emb, d = patch_and_map
    lab = patch / where if where else patch
    out = ["--out", str(d / "c.tif")] if cmd == "classify" else []
    assert main([cmd, "--embeddings", str(emb), "--labels", str(lab), *out]) == 2
    err = " ".join(capsys.readouterr().err.split())
    gpkg = patch / "vector_timeless" / "LULC.gpkg"
    assert f"--labels {lab} is" in err and "eo-learn patch" in err and "no grid" not in err, err   # false: s57 #10
    assert "its arrays' grid is in its bbox.geojson, which --data reads, --labels not" in err, err
    assert "--labels takes a label raster of class ids" in err and "xarray" not in err and "zarr store" not in err, err
    assert err.rstrip().endswith(f"pass --labels {gpkg} --label-column LULC_NAME"), err
    assert gpkg.is_file()


def test_any_npy_is_named_an_array_without_a_grid(patch_and_map, capsys):
    _, emb, d = patch_and_map
    assert main(["evaluate", "--embeddings", str(emb), "--labels", str(d / "classes.npy")]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert f"--labels {d / 'classes.npy'} is a numpy array, which records no grid" in err and "xarray" not in err, err
    assert "write the classes with their grid as a GeoTIFF or .nc" in err, err
