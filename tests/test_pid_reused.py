"""A lock or scratch file whose pid now names another process is stale (hunt, session 29, field cases E2/E4's kind).

A container runs its command as pid 1 each time (and pids are reused anywhere): a run killed in a restarted
container left a lock naming pid 1 on this host, and the next run, pid 1 itself, was refused as 'in use by another
run (pid 1 ...)' forever. The writer of a lock or a file started before it wrote it; a process of that pid that
started later (beyond `files.REUSE_SLACK`) is another one."""
import json
import os
import socket
import subprocess
import sys

import pytest

from alphaearth_nb import files
from alphaearth_nb.checkpoint import LOCK, check_run_folder, run_lock
from alphaearth_nb.core import FileWarning, RunLockedError

def _start(pid):
    "When process `pid` started (s since the epoch), read from /proc here as the package should; None without it."
    try:
        ticks = int(open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[19])
        boot = next(int(l.split()[1]) for l in open("/proc/stat") if l.startswith("btime "))
        return boot + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration): return None


START = _start(os.getpid())
pytestmark = pytest.mark.skipif(START is None, reason="no /proc: a process's start time is not known here")


def _lock(d, started, pid=None):
    d.mkdir(exist_ok=True)
    (d / LOCK).write_text(json.dumps({"pid": os.getpid() if pid is None else pid, "host": socket.gethostname(),
                                      "started": started, "id": "an-earlier-run"}))


def test_a_lock_of_this_pid_written_before_this_process_started_is_taken_over(tmp_path):
    _lock(tmp_path / "run", START - 3600)                # an earlier run that had this pid
    with pytest.warns(FileWarning, match="stale lock"), run_lock(tmp_path / "run") as p:
        assert json.loads(p.read_text())["id"] != "an-earlier-run"
    _lock(tmp_path / "run", START - 3600)
    check_run_folder(tmp_path / "run")                   # nor is it named as a live run before the work


def test_a_lock_this_process_holds_is_still_in_use(tmp_path):
    with run_lock(tmp_path / "run"):                     # the same process (another thread's run): refused
        with pytest.raises(RunLockedError, match="in use"), run_lock(tmp_path / "run"): pass
    _lock(tmp_path / "run", START + 5)                   # written after this process started: its own
    with pytest.raises(RunLockedError, match="in use"), run_lock(tmp_path / "run"): pass


def test_a_live_process_that_started_after_the_lock_is_another_one(tmp_path):
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        _lock(tmp_path / "run", START - 3600, pid=other.pid)   # its pid, taken by a process long before it ran
        with pytest.warns(FileWarning, match=f"stale lock of process {other.pid}"), run_lock(tmp_path / "run"): pass
    finally: other.kill(); other.wait()


def test_a_partial_of_this_pid_older_than_this_process_is_cleared(tmp_path):
    old = tmp_path / f".e.zarr.partial-{os.getpid()}-deadbeef"; old.mkdir(); (old / "chunk").write_bytes(b"x" * 100)
    os.utime(old, (START - 3600, START - 3600))
    mine = tmp_path / f".e.zarr.partial-{os.getpid()}-0123abcd"; mine.mkdir()   # this process's own: kept
    with files.writing_folder(tmp_path / "e.zarr") as d: (d / "a").write_text("a")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["e.zarr", mine.name])
