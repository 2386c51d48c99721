"""A new output (nothing at its path before) that fills the disk is said not written, not 'as it was before', which
read as if an older output were kept there (session 34's review of f8ec8b6's core.DiskError.full). An output
replaced keeps its words (tests/test_disk_full_named)."""
import pytest

from alphaearth_nb.core import DiskError
from alphaearth_nb.files import write_text
from alphaearth_nb.testing import disk_full


def test_a_new_file_on_a_full_disk_is_said_not_written(tmp_path):
    f = tmp_path / "new.json"
    with disk_full(tmp_path, after_bytes=3), pytest.raises(DiskError) as e:
        write_text(f, '{"a": "long enough to fill it"}')
    msg = str(e.value)
    assert f"{f} was not written (nothing is there, as before; no partial copy left beside it)" in msg, msg
    assert "as it was before" not in msg and "free space there, or write elsewhere" in msg, msg
    assert not f.exists() and list(tmp_path.iterdir()) == []
