"""A write that fills the disk names the output, what became of it and the fix (a `DiskError`, still an `OSError`
with errno ENOSPC), as a user sees it in Python and as `aef: error: ...`. Was the bare '[Errno 28] No space left on
device' (found trying field case E2 as a newcomer: `aef embed --out` on a full disk)."""
import errno

import numpy as np
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.core import AEFError, DiskError
from alphaearth_nb.files import write_text, writing_folder
from alphaearth_nb.testing import disk_full, random_unit


def _emb(seed):
    y, x = 5_000_000.0 - 10 * np.arange(6) - 5, 500_000.0 + 10 * np.arange(5) + 5
    return xr.DataArray(random_unit((6, 5), seed=seed), dims=("y", "x", "band"),
                        coords={"y": y, "x": x, "band": aef.core.band_names()}, attrs={"crs": "EPSG:32631"})


def test_embedding_store_on_a_full_disk_is_named(tmp_path):
    out = tmp_path / "emb.zarr"
    old = _emb(0)
    old.aef.to_zarr(out)
    with disk_full(tmp_path, after_bytes=500), pytest.raises(DiskError) as e:
        _emb(1).aef.to_zarr(out, overwrite=True)
    err = e.value
    assert isinstance(err, OSError) and isinstance(err, AEFError) and err.errno == errno.ENOSPC
    msg = str(err)
    assert "No space left on the disk of" in msg and str(out) in msg
    assert f"{out} is as it was before" in msg and "free space there, or write elsewhere" in msg
    assert isinstance(err.__cause__, OSError) and err.__cause__.errno == errno.ENOSPC   # the OS's own, as the cause
    back = xr.open_zarr(out)
    v = back[list(back.data_vars)[0]].values
    assert np.array_equal(v, aef.quantize(old).values)   # the old store, whole (to_zarr keeps the int8 codes)


def test_a_file_on_a_full_disk_is_named(tmp_path):
    f = tmp_path / "m.json"
    write_text(f, "{}")
    with disk_full(tmp_path, after_bytes=3), pytest.raises(DiskError, match="No space left on the disk of .*m.json "
                                                                             "while writing the file"):
        write_text(f, '{"a": "long enough to fill it"}')
    assert f.read_text() == "{}"


def test_other_errors_pass_as_they_are(tmp_path):
    with pytest.raises(ValueError, match="^mine$"):
        with writing_folder(tmp_path / "out", what="store"):
            raise ValueError("mine")
    with pytest.raises(PermissionError):
        with writing_folder(tmp_path / "out2", what="store"):
            raise PermissionError(errno.EACCES, "denied")
    assert sorted(p.name for p in tmp_path.iterdir()) == []
