"""`aef train --data 20210501_tiles` (a folder of per-date GeoTIFFs inside a folder whose name holds a date) printed a
recipe dating each file by the first date in its whole path, so every frame got the folder's 2021-05-01; and where the
folder held .tif and .tiff files its glob '*.tif*' took GDAL's .tif.aux.xml sidecars as frames too (review of session
53's loaders.data_folder_said). Each file is dated from its own name now, and only the files' own suffixes are read:
run as printed, the stack holds one frame a GeoTIFF, each on its own date. (The folder, the refusal and the printed
line run: conftest's `tif_recipe`, shared with test_tif_folder_recipe_runs.)"""
import pytest


@pytest.mark.parametrize("folder, names, sidecar", [
    ("20210501_tiles", ("S2_2021-06-01.tif", "S2_2021-06-11.tif", "S2_2021-06-21.tif"), False),   # the folder's date
    ("tiles", ("S2_2021-06-01.tif", "S2_2021-06-11.tif", "S2_2021-06-21.tiff"), True)])           # .tif.aux.xml beside
def test_each_frame_is_dated_by_its_own_name_and_sidecars_are_no_frames(tif_recipe, folder, names, sidecar):
    tree, _ = tif_recipe(folder, names, sidecar=sidecar)
    s2 = tree["sentinel2"].to_dataset()
    assert [str(t)[:10] for t in s2.time.values] == ["2021-06-01", "2021-06-11", "2021-06-21"]
