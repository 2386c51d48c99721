"""The CRS fix line (`evaluate_points.crs_fix_line`) of a netCDF not named .nc (`n.h5`, `n.netcdf`: aef opens it by
its contents) was the GeoTIFF line, `rasterio.open(..., "r+")`, which fails inside rasterio (TypeError); the zarr
line run a second time (a zone mistyped the first time) raised FileExistsError; and an int8 A00..A63 store (the
official codes, `_FillValue` -128) was written again as float32, 4x its size. Now a netCDF is known by its first bytes,
the zarr copy is replaced when run again, and the copy keeps the store's int8 codes. Each line runs as printed."""
import re
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.cli import main
from alphaearth_nb.core import band_names
from alphaearth_nb.embeddings import as_embedding, quantize_embedding
from alphaearth_nb.evaluate_points import crs_fix_line
from alphaearth_nb.testing import embedding_from_array, random_unit


def _codes(e):
    "The official product as xee gives it, saved: A00..A63 int8 codes, -128 no data, no CRS."
    da = quantize_embedding(e).drop_vars("spatial_ref", errors="ignore").assign_coords(band=band_names())
    da.attrs = {}
    ds = da.to_dataset(dim="band")
    for v in ds: ds[v].encoding["_FillValue"] = -128
    return ds


def _run(line, crs):
    m = re.search(r"`(python -c '.*?')`", line)
    assert m, line
    subprocess.run(["bash", "-c", sys.executable + m.group(1).replace("EPSG:326NN", crs)[len("python"):]], check=True,
                   capture_output=True)


def test_an_int8_store_is_copied_as_int8_and_the_line_runs_twice(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    e = embedding_from_array(random_unit((6, 6), seed=1))
    _codes(e).to_zarr("i8.zarr")
    line = crs_fix_line("i8.zarr")
    _run(line, "EPSG:32632")   # a zone mistyped: run again with the right one
    _run(line, "EPSG:32631")
    ds = xr.open_zarr("i8_crs.zarr")
    assert ds["A00"].encoding["dtype"] == np.int8 and ds["A00"].encoding["_FillValue"] == -128, ds["A00"].encoding
    got = as_embedding(ds)
    assert got.attrs["crs"] == "EPSG:32631"
    np.testing.assert_allclose(got.values, as_embedding(xr.open_zarr("i8.zarr").assign_attrs(crs="EPSG:32631")).values)


@pytest.mark.parametrize("name", ["n.h5", "n.netcdf"])
def test_a_netcdf_of_another_name_gets_the_netcdf_line(tmp_path, monkeypatch, capsys, name):
    monkeypatch.chdir(tmp_path)
    e = embedding_from_array(random_unit((12, 12), seed=1))
    b = e.drop_vars("spatial_ref", errors="ignore"); b.attrs = {}
    b.to_dataset(name="embedding").to_netcdf(name)
    pd.DataFrame({"x": e.x.values[[1, 4, 7, 10, 2, 5, 8, 11]], "y": e.y.values[[1, 4, 7, 10, 3, 6, 9, 0]],
                  "label": ["a"] * 4 + ["b"] * 4}).to_csv("lab.csv", index=False)
    args = ["classify", "--labels", "lab.csv", "--out", "o.tif", "--overwrite"]
    assert main([*args, "--embeddings", name]) == 2
    err = " ".join(capsys.readouterr().err.split())
    line = crs_fix_line(name)
    assert f"--embeddings {name} records no CRS" in err and line in err, err
    assert "rasterio" not in line and "open_dataset" in line and "then --embeddings n_crs.nc" in line, line
    _run(line, "EPSG:32631")
    assert main([*args, "--embeddings", "n_crs.nc"]) == 0
