"""Replacing a store of ours whose inner folders this user cannot write (a chmod -R a-w, a copy from a read-only
medium) is refused before any work: one NotWritableError line naming the folder and the fix (`chmod -R u+w`), the
old store intact, nothing left beside it, with overwrite or without (passing it meets no second error). Was: the new
store went in and the old one stayed half removed beside it as `.e.zarr.partial-*`, without a word."""
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from alphaearth_nb import embed as aef_embed
from alphaearth_nb.files import check_output, writing_folder

pytestmark = pytest.mark.skipif(os.name != "posix" or not hasattr(os, "geteuid"), reason="POSIX permissions")


def _listing(d: Path) -> dict:
    return {str(p.relative_to(d)): p.read_text() if p.is_file() else None for p in sorted(d.rglob("*"))}


@pytest.fixture
def store():
    top = Path(tempfile.mkdtemp()); top.chmod(0o755)   # under /tmp: another user reaches it
    d = top / "runs"; d.mkdir()
    with writing_folder(d / "e.zarr", what="embedding store", meta={"kind": "embedding"}) as tmp:
        (Path(tmp) / "embedding" / "c").mkdir(parents=True); (Path(tmp) / "embedding" / "c" / "0").write_text("old")
    uid = 65534 if os.geteuid() == 0 else os.geteuid()
    for p in [d, *d.rglob("*")]: os.chown(p, uid, uid) if os.geteuid() == 0 else None
    (d / "e.zarr" / "embedding").chmod(0o555)
    yield d / "e.zarr", uid
    for p in [top, *top.rglob("*")]:
        if p.is_dir(): p.chmod(0o755)
    shutil.rmtree(top)


def _work(*a, **k): raise AssertionError("work started before the output was checked")


@pytest.mark.parametrize("overwrite", [True, False])
def test_one_line_before_any_work_and_the_old_store_kept(store, overwrite, monkeypatch, said_as):
    t, uid = store
    before = _listing(t)
    monkeypatch.setattr(aef_embed, "_embed", _work)
    def replace():
        with writing_folder(t, overwrite=overwrite, what="embedding store") as tmp: (Path(tmp) / "new").write_text("2")
    for call in (replace, lambda: check_output(t, overwrite, "embedding store", folder=True),
                 lambda: aef_embed.embed_to_zarr(None, None, 2024, t, overwrite=overwrite, progress=False)):
        said = said_as(call, uid)   # as the store's owner (a child of root)
        assert said.startswith(f"NotWritableError: cannot replace the embedding store {t}: its folder "
                               f"{t / 'embedding'} cannot be written"), said
        assert "\n" not in said and f"chmod -R u+w {t}" in said, said
        assert _listing(t) == before                      # the old store as it was
        assert sorted(p.name for p in t.parent.iterdir()) == ["e.zarr"]   # no .partial or .old copy beside it


def test_a_writable_store_is_still_replaced(store, said_as):
    t, uid = store
    (t / "embedding").chmod(0o755)
    def replace():
        with writing_folder(t, overwrite=True, what="embedding store") as tmp: (Path(tmp) / "new").write_text("2")
    assert said_as(replace, uid) == "no error"
    assert (t / "new").read_text() == "2" and sorted(p.name for p in t.parent.iterdir()) == ["e.zarr"]
