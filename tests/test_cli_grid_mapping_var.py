"""aef evaluate reads a label netCDF that rioxarray wrote (`labels.rio.write_crs(...).to_netcdf`): its `spatial_ref`,
which xarray reads back as a 0-d data variable, is the labels' CRS, not a second candidate. Was: 'holds 2 data
variables ['spatial_ref', 'lulc']: pass --labels-var NAME to pick one, e.g. --labels-var spatial_ref' (the CRS)."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.exports import to_zarr
from alphaearth_nb.testing import embedding_from_array, random_unit

pytest.importorskip("rioxarray")


def _labels(e):
    lab = xr.DataArray(np.where(np.arange(e.sizes["x"]) < 5, 10, 20)[None, :].repeat(e.sizes["y"], 0).astype(np.uint8),
                       dims=("y", "x"), coords={"y": e.y, "x": e.x})
    lab[0, :] = 0
    return lab.rio.write_crs(e.attrs["crs"]).rio.write_nodata(0)


def test_a_rioxarray_netcdf_of_labels_is_read_with_its_crs(tmp_path, evaluate_cli):
    e = embedding_from_array(random_unit((12, 10), seed=1))
    store = str(to_zarr(e, tmp_path / "e.zarr"))
    lab = _labels(e)
    lab.to_dataset(name="lulc").to_netcdf(tmp_path / "lab.nc")
    assert set(xr.open_dataset(tmp_path / "lab.nc").data_vars) == {"lulc", "spatial_ref"}   # the file as read
    lab.rio.to_raster(tmp_path / "lab.tif")
    args = ()
    rc, want, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "lab.tif"), *args)
    assert rc == 0, err
    rc, got, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "lab.nc"), *args)
    assert rc == 0 and "spatial_ref" not in err, err
    assert got == want and "110 labelled pixels of 2 classes" in err   # 12 x 10 less the no-data row of 10
    other = lab.to_dataset(name="lulc").assign(conf=lab * 0 + 1)   # two layers and a CRS: the two are named
    other.to_netcdf(tmp_path / "two.nc")
    rc, _, err = evaluate_cli("--embeddings", store, "--labels", str(tmp_path / "two.nc"), *args)
    assert rc == 2 and "holds 2 data variables ['lulc', 'conf']" in err and "--labels-var lulc" in err, err
