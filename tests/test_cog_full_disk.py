"""A full disk during `to_cog` / `map_to_cog` is the package's `DiskError` (an OSError, errno ENOSPC) naming the file,
the bytes the write needs and those free, and the fix; the old file stays byte for byte, nothing is left beside it.
GDAL's errors carry no errno, so the room left when it failed decides (less than one tile's write: a full disk,
`core.DiskError.full(need=)`); a GDAL error on a disk with room passes as it is. Was (field case G1-v10, a tmpfs of 300k-600k): rasterio's RasterioIOError 'Write failed.
See previous exception for details.' (`cog_files.write_windows`, was exports._write_rows) and CPLE_AppDefinedError 'TIFFWriteDirectoryTagData:IO
error writing tag data' (`cog_files.cog_stage`, was exports._cog_stage)."""
import errno
import subprocess
import tempfile
from pathlib import Path

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb import cog_files, core, exports
from alphaearth_nb.core import DiskError
from alphaearth_nb.testing import embedding_from_array, random_unit

rasterio = pytest.importorskip("rasterio")
import rasterio.errors  # noqa: E402
import rasterio.shutil  # noqa: E402


def _emb(): return embedding_from_array(random_unit((24, 24), seed=1))


def _big_map():
    n = 512
    return xr.DataArray(np.random.default_rng(0).random((n, n)), dims=("y", "x"),
                        coords={"y": 5e6 - np.arange(n) * 10.0, "x": 5e5 + np.arange(n) * 10.0}, attrs={"crs": "EPSG:32631"})


def _write_old(p, writer):
    if writer == "to_cog": exports.to_cog(_emb(), p)
    else: exports.map_to_cog(xr.zeros_like(_emb().isel(band=0, drop=True), dtype=np.uint8), p)
    return p.read_bytes()


def _overwrite(p, writer):
    if writer == "to_cog": exports.to_cog(_emb(), p, dtype="float32", overwrite=True)
    else: exports.map_to_cog(_big_map(), p, overwrite=True)


def _check(err, p, old):
    assert isinstance(err, OSError) and err.errno == errno.ENOSPC
    msg = str(err)
    assert f"No space left on the disk of {p} while writing the COG (the write needs up to " in msg, msg
    assert f"{p} is as it was before" in msg and "free space there, or write elsewhere" in msg, msg
    assert p.read_bytes() == old   # the old file, byte for byte
    assert sorted(x.name for x in p.parent.iterdir()) == [p.name]   # no scratch copy left


@pytest.mark.parametrize("writer", ["to_cog", "map_to_cog"])
@pytest.mark.parametrize("gdal_error", [rasterio.errors.RasterioIOError("Write failed. See previous exception for details."),
                                        rasterio._err.CPLE_AppDefinedError(1, 5, "TIFFWriteDirectoryTagData:IO error writing tag data")])
def test_gdal_write_error_on_a_full_disk_is_disk_error(tmp_path, monkeypatch, writer, gdal_error):
    p = tmp_path / "m.tif"
    old = _write_old(p, writer)
    def copy(*a, **k): raise gdal_error   # GDAL's words, as libtiff gives them on ENOSPC
    monkeypatch.setattr(rasterio.shutil, "copy", copy)
    monkeypatch.setattr(cog_files, "free_bytes", lambda path: 4096)   # the room left when GDAL failed: < one tile
    monkeypatch.setattr(core, "free_bytes", lambda path: 5000)      # the room once the scratch copies are gone
    with pytest.raises(DiskError) as e: _overwrite(p, writer)
    _check(e.value, p, old)
    assert "5,000 are free" in str(e.value) and e.value.__cause__ is gdal_error
    monkeypatch.setattr(cog_files, "free_bytes", lambda path: 10 ** 12)   # room enough: another fault, as GDAL said it
    with pytest.raises(type(gdal_error)) as e2: _overwrite(p, writer)
    assert e2.value is gdal_error and p.read_bytes() == old


def _tmpfs(size):
    d = Path(tempfile.mkdtemp(prefix="aef_tmpfs_"))
    try: r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(d)], capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError): r = None
    if r is None or r.returncode:
        d.rmdir()
        pytest.skip("cannot mount a tmpfs here (not root)")
    return d


@pytest.mark.parametrize("writer,size", [("to_cog", "240k"), ("to_cog", "420k"), ("map_to_cog", "600k")])
def test_a_real_full_disk(writer, size):   # field case G1-v10's small tmpfs: GDAL's own write fails
    d = _tmpfs(size)
    try:
        p = d / "e.tif"
        old = _write_old(p, writer)
        with pytest.raises(DiskError) as e: _overwrite(p, writer)
        _check(e.value, p, old)
    finally: subprocess.run(["umount", str(d)], capture_output=True, timeout=30); d.rmdir()


def test_another_gdal_error_passes_where_one_write_had_room(monkeypatch):
    # 200 x 200 float32 (10.2 MB) on a 16 MiB tmpfs: less free than the whole write may need (2 x 10.4 MB), but
    # 6 MB left when GDAL failed, more than one write (a 128 x 128 tile, 4.2 MB, + 1 MiB): not a full disk
    d = _tmpfs("16M")
    try:
        p, fault = d / "e.tif", rasterio._err.CPLE_NotSupportedError(6, 6, "COG driver: an option not supported here")
        def copy(*a, **k): raise fault
        monkeypatch.setattr(rasterio.shutil, "copy", copy)
        with pytest.raises(type(fault)) as e:
            exports.to_cog(embedding_from_array(random_unit((200, 200), seed=3)), p, dtype="float32", blocksize=16, overviews=False)
        assert e.value is fault and list(d.iterdir()) == []
    finally: subprocess.run(["umount", str(d)], capture_output=True, timeout=30); d.rmdir()
