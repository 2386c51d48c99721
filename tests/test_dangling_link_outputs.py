"""An output path that is a symbolic link leading nowhere is named for what it is, before anything is written, at every
writer (`files.local_output`, so `to_cog`, `map_to_cog`, `to_zarr` and the rest): a link whose target's folder is
missing (a drive not mounted, a folder moved) is a `MissingDataError` naming the link, where it leads, the missing
folder and the fixes, and nothing is made through it (was: the folders made as `mkdir -p` would, or Python's
PermissionError 'Operation not permitted' naming neither); a link in a loop the same error naming the loop (was
RuntimeError 'Symlink loop'); a link into a folder that takes no file a `NotWritableError` naming the link (was, for a
store: FileNotFoundError of its partial copy). A link to a new file in a folder that exists is written through, the
link kept, as before."""
import pytest

from alphaearth_nb.core import MissingDataError, NotWritableError
from alphaearth_nb.exports import map_to_cog, to_cog, to_zarr
from alphaearth_nb.testing import embedding_from_array, random_unit

EMB = embedding_from_array(random_unit((4, 5)))
WRITERS = {"to_cog": (lambda p: to_cog(EMB, p), ".tif"), "to_zarr": (lambda p: to_zarr(EMB, p), ".zarr"),
           "map_to_cog": (lambda p: map_to_cog(EMB.isel(band=0, drop=True), p), ".tif")}


@pytest.mark.parametrize("name", list(WRITERS))
def test_a_link_to_a_missing_folder(tmp_path, name):
    write, suffix = WRITERS[name]
    link, to = tmp_path / f"out{suffix}", tmp_path / "drive" / "maps" / f"out{suffix}"
    link.symlink_to(to)
    with pytest.raises(MissingDataError) as e:
        write(link)
    msg = str(e.value)
    assert f"{link} is a symbolic link to {to}, whose folder {tmp_path / 'drive'} does not exist" in msg
    assert f"mkdir -p {to.parent}" in msg and f"rm {link}" in msg
    assert not (tmp_path / "drive").exists() and link.is_symlink()   # nothing made through it, the link kept
    (tmp_path / "drive" / "maps").mkdir(parents=True)   # the folder back: written through the link, which stays
    write(link)
    assert link.is_symlink() and to.exists()


@pytest.mark.parametrize("name", list(WRITERS))
def test_a_link_in_a_loop(tmp_path, name):
    write, suffix = WRITERS[name]
    a, b = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    a.symlink_to(b); b.symlink_to(a)
    with pytest.raises(MissingDataError, match=f"{a} is a symbolic link that leads round in a loop"):
        write(a)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([a.name, b.name])


@pytest.mark.parametrize("name", list(WRITERS))
def test_a_link_into_a_folder_that_takes_no_file(tmp_path, name):
    write, suffix = WRITERS[name]
    link = tmp_path / f"out{suffix}"
    link.symlink_to(f"/proc/nope{suffix}")   # /proc takes no new file, for root too
    with pytest.raises(NotWritableError, match=f"{link} is a symbolic link to /proc/nope{suffix}: cannot write in /proc"):
        write(link)

