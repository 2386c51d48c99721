"""--data given a folder that is no stack was told only 'not a .nc or .zarr stack' (newcomer s53, items 5-6): a folder of
per-date GeoTIFFs got no recipe, and an eo-learn patch folder without data/NDVI.npy was not told what it lacks (nor that
its BANDS-S2-L1C.npy is not read). The words now name what the folder is, what it lacks, and the way to a stack."""
import shutil

import numpy as np

from alphaearth_nb.cli import main
from alphaearth_nb.loaders import EOLEARN_FILES


def _refused(capsys, folder):
    try: rc = main(["train", "--preset", "tiny", "--data", str(folder), "--out", "unused_run"])
    except SystemExit as e: rc = e.code
    assert rc == 2
    return " ".join(capsys.readouterr().err.split())


def test_a_folder_of_geotiffs_gets_the_recipe(tmp_path, capsys):
    d = tmp_path / "tifs"
    d.mkdir()
    for day in ("2021-05-01", "2021-05-11", "2021-05-21"):
        (d / f"S2_{day}.tif").write_bytes(b"II*\x00")
    err = _refused(capsys, d)
    assert "folder of 3 GeoTIFF(s) (S2_2021-05-01.tif, S2_2021-05-11.tif, ...)" in err
    assert "to_zarr('stack.zarr')" in err and "--data stack.zarr" in err


def test_an_eolearn_folder_without_ndvi_names_what_it_lacks(tmp_path, capsys, shared_data):
    d = tmp_path / "myeop"
    shutil.copytree(shared_data / "eolearn_patch", d)
    (d / "data/NDVI.npy").unlink()
    np.save(d / "data/BANDS-S2-L1C.npy", np.zeros((2, 4, 4, 13), np.float32))
    err = _refused(capsys, d)
    assert "lacks data/NDVI.npy" in err and "data/BANDS-S2-L1C.npy is not read" in err
    from alphaearth_nb.loaders import eolearn_unread   # new: the base fails on the words above first
    assert eolearn_unread(d) == ["data/BANDS-S2-L1C.npy"]


def test_other_paths_say_nothing_more(tmp_path):
    from alphaearth_nb.loaders import data_folder_said
    assert data_folder_said(tmp_path / "none") == "" and data_folder_said(tmp_path) == ""
    assert all(f in data_folder_said_lacking(tmp_path) for f in EOLEARN_FILES)


def data_folder_said_lacking(tmp_path):
    from alphaearth_nb.loaders import data_folder_said
    (tmp_path / "bbox.geojson").write_text("{}")
    return data_folder_said(tmp_path)
