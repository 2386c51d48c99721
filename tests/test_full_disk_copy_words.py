"""A full disk or quota met before any partial copy was made (`to_cog` making the output's folder, exports._cog_stage's
mkdir) says no partial copy is left beside the output, which is true of every writer (theirs removed, or none made),
not that one was removed (core.DiskError.full). Was: '... was not written (nothing is there, as before; the partial
copy beside it removed)' for the folder that could not be made (review45)."""
import errno
import pathlib

import pytest

from alphaearth_nb import exports
from alphaearth_nb.core import DiskError
from alphaearth_nb.testing import embedding_from_array, random_unit

pytest.importorskip("rasterio")


def test_no_copy_made_is_not_said_removed(tmp_path, monkeypatch):
    p = tmp_path / "new" / "m.tif"
    mkdir = pathlib.Path.mkdir
    def refused(self, *a, **k):
        if self == p.parent: raise OSError(errno.EDQUOT, "Disk quota exceeded")
        return mkdir(self, *a, **k)
    monkeypatch.setattr(pathlib.Path, "mkdir", refused)
    with pytest.raises(DiskError) as e: exports.to_cog(embedding_from_array(random_unit((8, 8), seed=1)), p)
    msg = str(e.value)
    assert f"{p} was not written (nothing is there, as before; no partial copy left beside it)" in msg, msg
    assert "removed" not in msg, msg
    assert list(tmp_path.iterdir()) == []


def test_an_output_kept_says_no_copy_is_left(tmp_path):
    t = tmp_path / "old.json"
    t.write_text("{}")
    msg = str(DiskError.full(OSError(errno.ENOSPC, "No space left on device"), t, "JSON file"))
    assert f"{t} is as it was before (no partial copy left beside it); free space there, or write elsewhere" in msg, msg
