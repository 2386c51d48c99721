"""An output that exists in a folder that cannot be written is refused in one step, before any work: NotWritableError
naming the folder and the fix, with overwrite or without. Was: without overwrite, 'already exists: pass
overwrite=True', and once passed, 'cannot write in <folder>': two errors for one fault (embed_to_zarr, to_zarr,
check_output)."""
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from alphaearth_nb import embed as aef_embed
from alphaearth_nb.files import check_output, writing_folder

pytestmark = pytest.mark.skipif(os.name != "posix" or not hasattr(os, "geteuid"), reason="POSIX permissions")


@pytest.fixture
def store():
    top = Path(tempfile.mkdtemp()); top.chmod(0o755)   # under /tmp: another user reaches it
    d = top / "shared"; d.mkdir()
    with writing_folder(d / "e.zarr", what="embedding store", meta={"kind": "embedding"}) as tmp:
        (Path(tmp) / "x").write_text("1")
    d.chmod(0o555)
    yield d / "e.zarr"
    d.chmod(0o755); shutil.rmtree(top)


def _work(*a, **k): raise AssertionError("work started before the output was checked")


@pytest.mark.parametrize("overwrite", [False, True])
def test_one_error_before_any_work(store, overwrite, monkeypatch, said_as):
    monkeypatch.setattr(aef_embed, "_embed", _work)
    for call in (lambda: aef_embed.embed_to_zarr(None, None, 2024, store, overwrite=overwrite, progress=False),
                 lambda: check_output(store, overwrite, "embedding store", folder=True)):
        said = said_as(call)   # as `nobody` for root, where the folder's 0555 holds
        assert said.startswith(f"NotWritableError: cannot write in {store.parent} ") and "choose a path" in said, said
        assert "overwrite=True" not in said and "\n" not in said
    assert sorted(p.name for p in store.parent.iterdir()) == ["e.zarr"]   # nothing written beside it
