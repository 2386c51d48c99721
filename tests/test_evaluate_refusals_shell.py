"""`aef evaluate`'s own refusals name their fix in the command's terms: flags, files, a shell line. Was Python a shell
user has no object for: a label stack's '`labels.sel(time=...).to_netcdf(path)`', a file of coordinates alone's
'`da.to_netcdf(path)`', an unreadable --labels' 'written with `labels.to_netcdf(path)`', an unreadable Parquet
table's '`df.to_parquet(path)`'."""
import re
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.cli import main
from alphaearth_nb.exports import to_zarr
from alphaearth_nb.testing import embedding_from_array, random_unit

PYTHON = re.compile(r"`(?:labels|da|ds|df)\.|\.to_netcdf\(path\)|\.to_parquet\(path\)")   # a fix only Python can run


def _err(capsys, *args):
    rc = main(["evaluate", *args])
    return rc, capsys.readouterr().err


@pytest.mark.parametrize("suffix", [".nc", ".zarr"])
def test_a_label_stack_gets_a_shell_line_that_writes_one_layer(tmp_path, capsys, suffix):
    e = embedding_from_array(random_unit((6, 8), seed=2))
    store = str(to_zarr(e, tmp_path / "e.zarr"))
    lab = np.stack([np.where(np.arange(8)[None, :] < k, 1, 2).repeat(6, 0) for k in (3, 4, 5)]).astype(np.int16)
    stack = xr.DataArray(lab, dims=("time", "y", "x"), name="landcover",
                         coords={"time": pd.date_range("2022", periods=3, freq="YS"), "y": e.y, "x": e.x})
    p = tmp_path / f"stack{suffix}"
    stack.to_dataset().to_zarr(p) if suffix == ".zarr" else stack.to_netcdf(p)
    rc, err = _err(capsys, "--embeddings", store, "--labels", str(p))
    assert rc == 2 and f"--labels {p} holds 3 layers along time" in err and not PYTHON.search(err), err
    line = re.search(r"`python -c (.*?)`, then pass (\S+) as --labels", err)
    assert line, err
    code = subprocess.run(f"{sys.executable} -c {line[1]}", shell=True, capture_output=True, text=True, cwd=tmp_path)
    assert code.returncode == 0, code.stderr[-2000:]
    rc, err = _err(capsys, "--embeddings", store, "--labels", line[2], "--shots", "1", "--folds", "2", "--spacing", "0")
    assert rc == 0, err
    assert "2 classes" in err and "48 labelled pixels" in err, err   # the last layer: 5 columns of 1, 3 of 2


def test_other_label_and_table_refusals_name_no_python(tmp_path, capsys):
    e = embedding_from_array(random_unit((6, 8), seed=2))
    store = str(to_zarr(e, tmp_path / "e.zarr"))
    xr.Dataset(coords={"y": e.y.values, "x": e.x.values}).to_netcdf(tmp_path / "coords.nc")   # no data variable
    (tmp_path / "bad.nc").write_text("garbage\n")
    (tmp_path / "t.parquet").write_bytes(b"PAR1 not really")
    for args, says in ((["--labels", str(tmp_path / "coords.nc")], "holds no data variable, only coordinates: pass "
                                                                    "the file that holds the class ids"),
                       (["--labels", str(tmp_path / "bad.nc")], "pass a .nc/.zarr label raster (or a GeoTIFF) of "
                                                                "class ids, one layer (y, x)")):
        rc, err = _err(capsys, "--embeddings", store, *args)
        assert rc == 2 and says in err and not PYTHON.search(err), err
    rc, err = _err(capsys, "--embeddings", str(tmp_path / "t.parquet"))
    assert rc == 2 and "or the same table as a CSV" in err and not PYTHON.search(err), err
