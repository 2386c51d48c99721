"""Another host's scratch copy is kept only while it changes: one in which nothing has changed for
`scratch.STALE_ELSEWHERE` (a day) is a dead writer's and is cleared (`files.clear_partials`) without a word. Each
`docker run` has a new host name, so a killed container run's partial copy was kept, and warned, every run forever.
A copy changed within it is kept and said, its `rm -r` advice quoted for the shell (`shlex.quote`: was
`rm -r '{p}'`, broken by a quote in the path)."""
import os
import shlex
import time
import warnings

import pytest

from alphaearth_nb.core import FileWarning
from alphaearth_nb.files import clear_partials
from alphaearth_nb.scratch import STALE_ELSEWHERE


def _age(p, seconds):
    t = time.time() - seconds
    os.utime(p, (t, t))


def test_an_old_copy_of_another_host_is_cleared_silently(tmp_path):
    old = tmp_path / ".out.tif.partial-1-0123abcd@3f9c2a1b7e4d"   # a container's host name
    old.write_bytes(b"x")
    _age(old, STALE_ELSEWHERE + 3600)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert clear_partials(tmp_path) == [old]
    assert not old.exists()


def test_a_folder_changed_inside_lately_is_kept_and_its_rm_quoted(tmp_path):
    d = tmp_path / "it's here"
    d.mkdir()
    copy = d / ".e.zarr.partial-7-0123abcd@node-b"
    (copy / "band").mkdir(parents=True)
    (copy / "band" / "0.0").write_bytes(b"x")   # written just now, deep inside
    _age(copy / "band", STALE_ELSEWHERE + 3600)
    _age(copy, STALE_ELSEWHERE + 3600)
    with pytest.warns(FileWarning, match="node-b") as rec:
        assert clear_partials(d) == []
    said = str(rec[0].message)
    assert copy.exists() and f"`rm -r {shlex.quote(str(copy))}`" in said and "24 h" in said, said
