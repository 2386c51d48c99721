"An output replaced (overwrite=True) keeps its permissions, whatever this user's umask: team-mates keep reading it."

import os
import stat

import pytest

from alphaearth_nb.files import write_text
from alphaearth_nb.testing import embedding_from_array, random_unit

EMB = embedding_from_array(random_unit((8, 6)))
WRITERS = {"cog": lambda p, **kw: EMB.aef.to_cog(p, **kw), "zarr": lambda p, **kw: EMB.aef.to_zarr(p, **kw),
           "text": lambda p, **kw: write_text(p, "x", **kw)}
NAMES = {"cog": "map.tif", "zarr": "emb.zarr", "text": "notes.txt"}


def mode(p): return stat.S_IMODE(os.stat(p).st_mode)


@pytest.fixture
def umask():
    was = os.umask(0o022)
    yield os.umask
    os.umask(was)


@pytest.mark.parametrize("kind", list(WRITERS))
def test_a_shared_output_stays_shared(tmp_path, umask, kind):
    p = tmp_path / NAMES[kind]
    umask(0o002); WRITERS[kind](p)          # a team folder: group-readable and -writable (0664 files, 0775 folders)
    umask(0o077); WRITERS[kind](p, overwrite=True)   # re-written by a user whose umask is 077 (many clusters' default)
    want = 0o775 if p.is_dir() else 0o664
    assert mode(p) == want, oct(mode(p))    # was 0o600 (a file) / 0o700 (a store): the team could read it no more
    inner = [q for q in p.rglob("*")] if p.is_dir() else []
    assert all(mode(q) == (0o775 if q.is_dir() else 0o664) for q in inner), sorted({oct(mode(q)) for q in inner})


@pytest.mark.parametrize("kind", list(WRITERS))
def test_a_new_output_follows_the_umask(tmp_path, umask, kind):
    umask(0o077); p = tmp_path / NAMES[kind]
    WRITERS[kind](p)
    assert mode(p) == (0o700 if p.is_dir() else 0o600)


def test_a_file_made_private_by_hand_stays_private(tmp_path, umask):
    p = tmp_path / "notes.txt"
    write_text(p, "x"); os.chmod(p, 0o600)
    write_text(p, "y")                      # umask 022 would make 0644
    assert mode(p) == 0o600 and p.read_text() == "y"
