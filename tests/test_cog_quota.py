"""A disk quota used up while `to_cog` / `map_to_cog` writes is the package's `DiskError` with errno EDQUOT, naming the
file, the quota and the fix; the old file stays byte for byte, nothing is left beside it. A quota leaves `statvfs`
showing room (the room left cannot tell it), so the error's own words decide: Python's `OSError.errno` EDQUOT, or
GDAL's text 'Disk quota exceeded' (the C library's `strerror`, as GDAL's GTiff driver writes it: "Attempt to create
new tiff file `...' failed: Disk quota exceeded"), also behind rasterio's 'Write failed. See previous exception'.
Was: GDAL's CPLE_OpenFailedError (or the OSError) as it was raised, since 10**12 bytes showed free."""
import errno

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb import cog_files, core, exports
from alphaearth_nb.core import DiskError
from alphaearth_nb.testing import embedding_from_array, random_unit

rasterio = pytest.importorskip("rasterio")
import rasterio.errors  # noqa: E402
import rasterio.shutil  # noqa: E402


def _behind(inner):   # rasterio's own words, raised from GDAL's
    try: raise inner
    except Exception as e:
        try: raise rasterio.errors.RasterioIOError("Write failed. See previous exception for details.") from e
        except Exception as outer: return outer


def _quota_errors():
    said = "Attempt to create new tiff file `/home/u/.m.tif.stage-x/cog.tif' failed: Disk quota exceeded"
    return {"python errno": OSError(errno.EDQUOT, "Disk quota exceeded"),
            "gdal text": rasterio._err.CPLE_OpenFailedError(4, 4, said),
            "gdal text behind rasterio's": _behind(rasterio._err.CPLE_FileIOError(3, 3, said))}


def _write_old(p, writer):
    if writer == "to_cog": exports.to_cog(embedding_from_array(random_unit((24, 24), seed=1)), p)
    else: exports.map_to_cog(xr.DataArray(np.zeros((24, 24), np.uint8), dims=("y", "x"),
                                          coords={"y": 5e6 - np.arange(24) * 10.0, "x": 5e5 + np.arange(24) * 10.0},
                                          attrs={"crs": "EPSG:32631"}), p)
    return p.read_bytes()


def _overwrite(p, writer):
    if writer == "to_cog": exports.to_cog(embedding_from_array(random_unit((24, 24), seed=2)), p, overwrite=True)
    else: exports.map_to_cog(xr.DataArray(np.ones((24, 24), np.uint8), dims=("y", "x"),
                                          coords={"y": 5e6 - np.arange(24) * 10.0, "x": 5e5 + np.arange(24) * 10.0},
                                          attrs={"crs": "EPSG:32631"}), p, overwrite=True)


@pytest.mark.parametrize("writer", ["to_cog", "map_to_cog"])
@pytest.mark.parametrize("how", list(_quota_errors()))
def test_a_quota_is_a_disk_error_with_edquot(tmp_path, monkeypatch, writer, how):
    p = tmp_path / "m.tif"
    old = _write_old(p, writer)
    err = _quota_errors()[how]
    def copy(*a, **k): raise err
    monkeypatch.setattr(rasterio.shutil, "copy", copy)
    monkeypatch.setattr(cog_files, "free_bytes", lambda path: 10 ** 12)   # statvfs sees no quota
    monkeypatch.setattr(core, "free_bytes", lambda path: 10 ** 12)
    with pytest.raises(DiskError) as e: _overwrite(p, writer)
    assert e.value.errno == errno.EDQUOT and e.value.__cause__ is err
    msg = str(e.value)
    assert "No space left within this user's disk quota (EDQUOT" in msg and f"on the disk of {p} while writing the COG" in msg, msg
    assert f"{p} is as it was before" in msg and "free space there, or write elsewhere" in msg, msg
    assert p.read_bytes() == old and sorted(x.name for x in tmp_path.iterdir()) == [p.name]


def test_other_gdal_words_on_a_disk_with_room_pass_as_they_are(tmp_path, monkeypatch):
    p = tmp_path / "m.tif"
    fault = rasterio._err.CPLE_NotSupportedError(6, 6, "COG driver: an option not supported here")
    def copy(*a, **k): raise fault
    monkeypatch.setattr(rasterio.shutil, "copy", copy)
    with pytest.raises(type(fault)) as e: exports.to_cog(embedding_from_array(random_unit((24, 24), seed=1)), p)
    assert e.value is fault and list(tmp_path.iterdir()) == []
