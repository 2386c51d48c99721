"""A full disk or used-up quota met while `to_cog` / `map_to_cog` make the output's folder (`path.parent.mkdir`) is
the package's `DiskError` with the OS's errno, naming the file and the fix, as the rest of the COG write is
(`cog_files.cog_stage`, was `exports._cog_stage`, 9be81e58). Another OSError there (no permission) passes as it is.
Was: the OSError(EDQUOT) / OSError(ENOSPC) of `mkdir` raised raw, the one step of `_cog_stage` outside its try."""
import errno
import pathlib

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb import exports
from alphaearth_nb.core import DiskError
from alphaearth_nb.testing import embedding_from_array, random_unit

pytest.importorskip("rasterio")


def _write(p, writer):
    if writer == "to_cog": return exports.to_cog(embedding_from_array(random_unit((24, 24), seed=1)), p)
    return exports.map_to_cog(xr.DataArray(np.zeros((24, 24), np.uint8), dims=("y", "x"),
                                           coords={"y": 5e6 - np.arange(24) * 10.0, "x": 5e5 + np.arange(24) * 10.0},
                                           attrs={"crs": "EPSG:32631"}), p)


def _refuse(monkeypatch, folder, err):
    mkdir = pathlib.Path.mkdir
    def refused(self, *a, **k):
        if self == folder: raise err
        return mkdir(self, *a, **k)
    monkeypatch.setattr(pathlib.Path, "mkdir", refused)


@pytest.mark.parametrize("writer", ["to_cog", "map_to_cog"])
@pytest.mark.parametrize("n", [errno.EDQUOT, errno.ENOSPC])
def test_a_full_disk_making_the_folder_is_a_disk_error(tmp_path, monkeypatch, writer, n):
    p = tmp_path / "new" / "m.tif"
    err = OSError(n, "Disk quota exceeded" if n == errno.EDQUOT else "No space left on device")
    _refuse(monkeypatch, p.parent, err)
    with pytest.raises(DiskError) as e: _write(p, writer)
    assert e.value.errno == n and e.value.__cause__ is err
    msg = str(e.value)
    assert f"on the disk of {p} while writing the COG" in msg and "free space there, or write elsewhere" in msg, msg
    assert ("within this user's disk quota (EDQUOT" in msg) == (n == errno.EDQUOT), msg
    assert list(tmp_path.iterdir()) == []


def test_no_permission_making_the_folder_passes_as_it_is(tmp_path, monkeypatch):
    p = tmp_path / "new" / "m.tif"
    err = PermissionError(errno.EACCES, "Permission denied")
    _refuse(monkeypatch, p.parent, err)
    with pytest.raises(PermissionError) as e: _write(p, "to_cog")
    assert e.value is err
