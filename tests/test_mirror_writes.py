"Kind E for `official.build_local_mirror`: a mirror is one output, never written into a user's folder or half over an old one."
import os

import pytest

from alphaearth_nb import official as off
from alphaearth_nb.core import NotOursError, OutputExistsError
from alphaearth_nb.testing import disk_full


def _tree(d):
    return {str(p.relative_to(d)): (p.read_bytes() if p.is_file() else None) for p in sorted(d.rglob("*"))}


def _build(root, shared_data, **kw):
    return off.build_local_mirror(root, size=16, samples=shared_data / "aef_samples", **{"years": 2023, **kw})


def test_a_folder_of_user_files_is_never_written_into(tmp_path, shared_data):
    "Was: the tiles, their YEAR/ZONE folders and aef_index.parquet written among the user's own files."
    mine = tmp_path / "myproject"; (mine / "2024").mkdir(parents=True)
    (mine / "notes.csv").write_text("plot,crop\n1,wheat\n"); (mine / "2024" / "x.txt").write_text("keep")
    before = _tree(mine)
    for ow in (False, True):
        with pytest.raises(NotOursError, match="did not write"): _build(mine, shared_data, overwrite=ow)
    assert _tree(mine) == before


def test_a_second_mirror_on_one_root_needs_overwrite_and_replaces_it_whole(tmp_path, shared_data):
    """Was: the second call (other years) replaced the index silently and left the first's tiles unlisted beside it."""
    root = tmp_path / "m"
    first = _build(root, shared_data)
    before = _tree(root)
    with pytest.raises(OutputExistsError, match="overwrite=True"): _build(root, shared_data, years=2024)
    assert _tree(root) == before
    m = _build(root, shared_data, years=2024, overwrite=True)
    assert set(off.read_index(root).year) == {2024} == set(m.index.year) and m.root == root
    assert not list(root.glob("2023/*/*.tiff")) and len(list(root.glob("2024/*/*.tiff"))) == len(first.index)
    (tmp_path / "new").mkdir(); assert set(_build(tmp_path / "new", shared_data).index.year) == {2023}


def test_a_failed_build_keeps_the_old_mirror_and_leaves_nothing_half_written(tmp_path, shared_data):
    root = tmp_path / "m"
    _build(root, shared_data)
    before = _tree(root)
    with disk_full(tmp_path, after_bytes=3000), pytest.raises(OSError):
        _build(root, shared_data, years=2024, overwrite=True)
    assert _tree(root) == before and sorted(os.listdir(tmp_path)) == ["m"]
