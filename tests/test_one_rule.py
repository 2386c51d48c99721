"""Mends of session 26's review: each rule written once, its callers using it. Each test would catch the copies
drifting apart again, or a caller's wrong answer."""
import json
import os
import socket
import subprocess
import sys
import time

import pytest

from alphaearth_nb import checkpoint
from alphaearth_nb.core import NotOursError, RunLockedError


def _lock(d, pid, host=None):
    d.mkdir(exist_ok=True)
    (d / checkpoint.LOCK).write_text(json.dumps({"pid": pid, "host": host or socket.gethostname(),
                                                 "started": time.time()}))


def _dead_pid():
    p = subprocess.Popen([sys.executable, "-c", "pass"]); p.wait()
    return p.pid


def test_check_run_folder_judges_the_lock_by_its_holder(tmp_path):
    """`check_run_folder`: a live run's lock is named (RunLockedError) before the folder's files are judged; a lock
    of a dead process of this host is no holder (the files are judged: a foreign folder NotOursError, an empty one
    passes), nor a lock that is gone. `_live_holder` is that one reading."""
    d = tmp_path / "run"
    _lock(d, os.getpid()); (d / "notes.txt").write_text("x")
    assert checkpoint._live_holder(d / checkpoint.LOCK)["pid"] == os.getpid()
    with pytest.raises(RunLockedError, match=f"pid {os.getpid()}"): checkpoint.check_run_folder(d)
    _lock(d, os.getpid(), host="elsewhere")   # another host's process: never judged dead from here
    with pytest.raises(RunLockedError, match="on host elsewhere"): checkpoint.check_run_folder(d)
    _lock(d, _dead_pid())
    assert checkpoint._live_holder(d / checkpoint.LOCK) is None
    with pytest.raises(NotOursError): checkpoint.check_run_folder(d)
    (d / "notes.txt").unlink()
    assert checkpoint.check_run_folder(d) == d
    (d / checkpoint.LOCK).unlink()
    assert checkpoint._live_holder(d / checkpoint.LOCK) is None and checkpoint.check_run_folder(d) == d
