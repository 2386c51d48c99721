"""A run lock that names no process (empty, not JSON, a JSON list, no whole-number pid and host: a crash between
creating and writing it, a hand edit) is stale once a second old: run_lock takes it over, warned, as a dead process's.
Was: the taker waited 5 s, then refused 'in use by another run (pid ? on host ?)' until the file was deleted by hand,
and a JSON list was an AttributeError. A lock naming a process of another host is still in use."""
import json
import os
import time

import pytest

from alphaearth_nb.checkpoint import LOCK, run_lock
from alphaearth_nb.core import FileWarning, RunLockedError

TEXTS = ["", "garbage", "[1, 2]", '{"pid": "x"}', '{"host": "h"}', '{"pid": true, "host": "h"}']


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("age", [10.0, 0.0])   # written long ago, or this instant (waited for until a second old)
def test_a_lock_naming_no_process_is_taken_over(tmp_path, text, age):
    (p := tmp_path / LOCK).write_text(text)
    t = time.time() - age; os.utime(p, (t, t))
    with pytest.warns(FileWarning, match="taking over the stale lock that names no process"):
        with run_lock(tmp_path):
            assert json.loads(p.read_text())["pid"] == os.getpid()
    assert not p.exists()


def test_a_lock_of_another_host_is_in_use(tmp_path):
    (p := tmp_path / LOCK).write_text(json.dumps({"pid": 12345, "host": "another-host", "started": 0.0}))
    t = time.time() - 10; os.utime(p, (t, t))
    with pytest.raises(RunLockedError, match="pid 12345 on host another-host"):
        with run_lock(tmp_path): pass
