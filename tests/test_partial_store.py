"""A write killed midway leaves its copy beside the output (`.NAME.partial-*`): that copy is no zarr store, so a
plain `xr.open_zarr` of it refuses (was: it opened silently, its unwritten chunks read as fill values). The output
is built one level down inside the copy and only that is moved in."""

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.files import writing_folder

ROOT = Path(__file__).resolve().parents[1]


def _killed_write(target: Path):
    code = (f"import os, numpy as np, xarray as xr\nfrom alphaearth_nb.files import writing_folder\n"
            f"with writing_folder({str(target)!r}, what='embedding store') as d:\n"
            f"    xr.Dataset({{'v': ('x', np.arange(4.0))}}).to_zarr(d)\n"
            f"    os._exit(9)   # killed: the store's metadata and chunks are written, its marker is not\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    assert subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT).returncode == 9


def test_a_killed_writes_copy_is_no_store(tmp_path):
    _killed_write(tmp_path / "e.zarr")
    left = list(tmp_path.glob(".e.zarr.partial-*"))
    assert len(left) == 1 and not (tmp_path / "e.zarr").exists()
    with pytest.raises(FileNotFoundError, match="No group"):   # zarr's GroupNotFoundError
        xr.open_zarr(left[0])
    with writing_folder(tmp_path / "e.zarr", what="embedding store") as d:   # the next write clears it
        xr.Dataset({"v": ("x", np.arange(3.0))}).to_zarr(d)
    assert not list(tmp_path.glob(".e.zarr.*"))
    np.testing.assert_array_equal(xr.open_zarr(tmp_path / "e.zarr")["v"].values, [0.0, 1.0, 2.0])


def test_a_replaced_output_leaves_no_copy(tmp_path):
    for n in (2, 5):   # a first write, then one over it (the swap), each leaving nothing beside
        with writing_folder(tmp_path / "e.zarr", overwrite=True, what="embedding store") as d:
            xr.Dataset({"v": ("x", np.arange(float(n)))}).to_zarr(d)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["e.zarr"]
    assert xr.open_zarr(tmp_path / "e.zarr").sizes["x"] == 5
