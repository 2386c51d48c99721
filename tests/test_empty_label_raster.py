"""A label raster of no cell (0 x 0: what `da.assign_coords(x=da.x + 5, y=da.y - 5).where(da > 0)` writes, xarray's
inner join of the shifted and the old coordinates) was said as 'no labelled pixel found: mark unlabelled pixels with
NaN, -1 ...', which sent the user to no-data marking: now it says the raster holds no cell and the likely cause.
A raster truly half a pixel off is named so (label_grids, unchanged). Fails on f65dc79a."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.cli import main
from alphaearth_nb.exports import to_zarr
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.mark.parametrize("cmd", ["classify", "evaluate"])
def test_an_empty_label_raster_is_said_empty(tmp_path, capsys, cmd):
    e = embedding_from_array(random_unit((6, 8), seed=2).astype("float32")).assign_attrs(crs="EPSG:32633")
    to_zarr(e, tmp_path / "e.zarr")
    da = xr.DataArray(np.arange(48, dtype="float32").reshape(6, 8) % 3, dims=("y", "x"), name="lulc",
                      coords={"y": e.y.values, "x": e.x.values}, attrs={"crs": "EPSG:32633"})
    da.assign_coords(x=da.x + 5, y=da.y - 5).where(da > 0).to_netcdf(tmp_path / "lab.nc")   # 0 x 0
    out = ["--out", str(tmp_path / "c.tif")] if cmd == "classify" else ["--spacing", "0"]
    assert main([cmd, "--embeddings", str(tmp_path / "e.zarr"), "--labels", str(tmp_path / "lab.nc")] + out) != 0
    err = " ".join(capsys.readouterr().err.split())
    assert "holds no cell (y: 0, x: 0)" in err and "mask first" in err and "mark unlabelled" not in err, err
