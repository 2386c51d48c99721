"""`aef train --data 20210501_tiles` (a folder of per-date GeoTIFFs inside a folder whose name holds a date) printed a
recipe dating each file by the first date in its whole path, so every frame got the folder's 2021-05-01; and where the
folder held .tif and .tiff files its glob '*.tif*' took GDAL's .tif.aux.xml sidecars as frames too (review of session
53's loaders.data_folder_said). Each file is dated from its own name now, and only the files' own suffixes are read:
run as printed, the stack holds one frame a GeoTIFF, each on its own date."""
import re
import subprocess
import sys

import numpy as np
import pytest

from alphaearth_nb.cli import main

rasterio = pytest.importorskip("rasterio")
pytest.importorskip("rioxarray")


def _tif(path, seed):
    data = np.random.default_rng(seed).integers(0, 10000, (6, 8, 8), dtype=np.uint16)
    with rasterio.open(path, "w", driver="GTiff", width=8, height=8, count=6, dtype="uint16", crs="EPSG:32631",
                       transform=rasterio.transform.from_origin(500000, 5000000, 10, 10)) as f:
        f.write(data)


@pytest.mark.parametrize("folder, names, sidecar", [
    ("20210501_tiles", ("S2_2021-06-01.tif", "S2_2021-06-11.tif", "S2_2021-06-21.tif"), False),   # the folder's date
    ("tiles", ("S2_2021-06-01.tif", "S2_2021-06-11.tif", "S2_2021-06-21.tiff"), True)])           # .tif.aux.xml beside
def test_each_frame_is_dated_by_its_own_name_and_sidecars_are_no_frames(tmp_path, capsys, folder, names, sidecar):
    d = tmp_path / folder
    d.mkdir()
    for i, n in enumerate(names): _tif(d / n, i)
    if sidecar: (d / f"{names[0]}.aux.xml").write_text('<PAMDataset><Metadata><MDI key="k">v</MDI></Metadata></PAMDataset>\n')
    try: rc = main(["train", "--preset", "tiny", "--data", str(d), "--out", str(tmp_path / "unused")])
    except SystemExit as e: rc = e.code
    assert rc == 2
    err = " ".join(capsys.readouterr().err.split())
    line = re.search(r'python -c ".*?\)"', err).group()
    subprocess.run(["bash", "-c", sys.executable + line[len("python"):]], cwd=tmp_path, check=True)
    import xarray as xr
    s2 = xr.open_datatree(tmp_path / "stack.zarr", engine="zarr")["sentinel2"].to_dataset()
    assert [str(t)[:10] for t in s2.time.values] == ["2021-06-01", "2021-06-11", "2021-06-21"]
