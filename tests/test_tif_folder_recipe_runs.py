"""`aef train --data tifs` (a folder of per-date GeoTIFFs) printed a recipe,
`xr.concat(frames, dim=pd.Index(dates, name='time')).rename(band_names)`, that fails when run: rioxarray reads a file as
one DataArray with a `band` dim, which `.rename` of band names cannot make variables (newcomer s53). The error now
prints a `python -c` line; run as printed in the shell, it writes a stack that `validate_stack` takes."""
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
    return data


@pytest.mark.parametrize("command", ["train", "embed"])
def test_the_printed_line_writes_a_stack(tmp_path, capsys, command):
    d = tmp_path / "tifs"
    d.mkdir()
    days = ("2021-05-01", "2021-05-11", "2021-05-21")
    first = [_tif(d / f"S2_{day}.tif", i) for i, day in enumerate(days)][0]
    args = [command, "--data", str(d), "--out", str(tmp_path / "unused")]
    try: rc = main(args + (["--preset", "tiny"] if command == "train" else []))
    except SystemExit as e: rc = e.code
    assert rc == 2
    err = " ".join(capsys.readouterr().err.split())
    line = re.search(r'python -c ".*?\)"', err).group()
    subprocess.run(["bash", "-c", sys.executable + line[len("python"):]], cwd=tmp_path, check=True)
    import xarray as xr
    from alphaearth_nb.stacks import validate_stack
    tree = xr.open_datatree(tmp_path / "stack.zarr", engine="zarr")
    validate_stack(tree)
    s2 = tree["sentinel2"].to_dataset()
    assert s2.attrs["crs"] == "EPSG:32631" and s2.sizes["time"] == 3 and "B12" in s2
    assert str(s2.time.values[0])[:10] == days[0]
    np.testing.assert_array_equal(s2["B2"].isel(time=0).values, first[0])
