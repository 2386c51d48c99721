"exports.open_zarr reads an embedding store another tool wrote: A00..A63 variables, or one 64-band array of any name."

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import band_names
from alphaearth_nb.exports import open_zarr
from alphaearth_nb.quantize import dequantize, quantize
from alphaearth_nb.testing import random_unit

pytest.importorskip("rioxarray")


def test_stores_of_other_tools_give_the_vectors_written(tmp_path):
    ys, xs = 5_000_000.0 - 10 * np.arange(6) - 5, 500_000.0 + 10 * np.arange(5) + 5
    q = quantize(random_unit((6, 5), 2).astype(np.float32)); q[1, 2] = -128
    want = dequantize(q)
    a = xr.Dataset({b: (("y", "x"), q[..., i]) for i, b in enumerate(band_names())}, coords={"y": ys, "x": xs},
                   attrs={"crs": "EPSG:32631"})           # xee's variables, fill in the encoding only
    for b in band_names(): a[b].encoding = {"_FillValue": -128}
    a.to_zarr(tmp_path / "a.zarr")
    da = xr.DataArray(q.transpose(2, 0, 1), dims=("band", "y", "x"), coords={"band": np.arange(1, 65), "y": ys, "x": xs})
    da = da.isel(y=slice(None, None, -1)).rio.write_crs("EPSG:32631").rio.write_nodata(-128, encoded=True)
    da.to_dataset(name="emb").chunk({"y": 2, "x": 3}).to_zarr(tmp_path / "b.zarr")   # (band, y, x) south-first
    for store in ("a.zarr", "b.zarr"):
        e = open_zarr(tmp_path / store, check=False)
        assert e.dims == ("y", "x", "band") and str(e.attrs["crs"]).endswith("32631")
        got = e.sel(y=ys, x=xs).values
        np.testing.assert_array_equal(np.isnan(got), np.isnan(want))
        np.testing.assert_allclose(got, want, atol=1e-7, err_msg=store)
