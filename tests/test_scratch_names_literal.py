"""An output whose name holds glob characters ('site[12].zarr', 'a*.md') judges only its own scratch copies: a dead
writer's partial copy or old output of another output ('site1.zarr', which '.site[12].zarr.old-*' matched as a glob)
is left to its own output. Was (files._dead_old and _clean_partials passing the name as a glob): writing
'site[12].zarr' where it was missing moved site1.zarr's old copy into its place ('restored site[12].zarr from
.site1.zarr.old-...') and cleared others' partial copies (session 34's review of 1c9fa01)."""
import os
import subprocess
import warnings

from alphaearth_nb.files import write_text, writing_folder


def _dead_pid() -> int:
    p = subprocess.Popen(["true"]); p.wait()
    return p.pid


def test_an_old_copy_of_another_output_is_not_restored_here(tmp_path):
    other = tmp_path / f".site1.zarr.old-{_dead_pid()}-0123abcd"   # site1.zarr's, moved aside by a killed writer
    other.mkdir(); (other / "a").write_text("site1's")
    with warnings.catch_warnings():
        warnings.simplefilter("error")   # no 'restored ...' warning
        with writing_folder(tmp_path / "site[12].zarr", what="store") as d: (d / "b").write_text("new")
    assert other.exists() and (other / "a").read_text() == "site1's"
    assert (tmp_path / "site[12].zarr" / "b").read_text() == "new"


def test_a_partial_copy_of_another_output_is_left(tmp_path):
    left = tmp_path / f".ab.md.partial-{_dead_pid()}-{os.urandom(4).hex()}"   # ab.md's, not a*.md's
    left.write_text("x")
    write_text(tmp_path / "a*.md", "hello")
    assert left.exists() and (tmp_path / "a*.md").read_text() == "hello"
