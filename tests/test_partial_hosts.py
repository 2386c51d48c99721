"""A partial copy names the machine its writer ran on: on a disk shared by machines (NFS, a cluster's home), a write
on host A clears only A's dead writers' copies; another host's are left, and said with how to clear them (was: any
copy whose pid was not alive here was removed, another host's live write among them)."""

import os
import re
import socket
import subprocess
import warnings

import pytest

from alphaearth_nb.core import FileWarning
from alphaearth_nb.files import clear_partials, partial_name, write_text, writing_folder


def _dead_pid() -> int:
    p = subprocess.Popen(["true"]); p.wait()
    return p.pid


def _leave(folder, name, pid, host=None, tag="partial"):
    p = folder / (f".{name}.{tag}-{pid}-{os.urandom(4).hex()}" + (f"@{host}" if host else ""))
    p.write_bytes(b"x" * 100)
    return p


def test_a_partial_name_carries_this_host_and_pid(tmp_path):
    p = partial_name(tmp_path / "e.zarr")
    assert p.parent == tmp_path and p.name.startswith(f".e.zarr.partial-{os.getpid()}-")
    host = socket.gethostname()   # as it is (a name of letters, digits, dots and dashes, as host names are)
    assert p.name.rsplit("@", 1)[1] == host or not re.fullmatch(r"[A-Za-z0-9.-]+", host)


def test_another_hosts_copy_is_left_and_said(tmp_path):
    dead = _dead_pid()   # no such process here; on host 'node-b' its writer may well run
    theirs = _leave(tmp_path, "report.md", dead, "node-b.cluster")
    with pytest.warns(FileWarning, match="node-b.cluster") as rec:
        write_text(tmp_path / "report.md", "hello")
    said = str(rec[0].message)
    assert theirs.exists() and (tmp_path / "report.md").read_text() == "hello"
    assert str(theirs) in said and "rm -r" in said and "clear_partials" in said   # the two ways to clear it


def test_this_hosts_dead_copies_go_old_names_too(tmp_path):
    dead = _dead_pid()
    mine = _leave(tmp_path, "report.md", dead, socket.gethostname())
    before = _leave(tmp_path, "report.md", dead)   # named before hosts were: this machine's, as it was read
    live = _leave(tmp_path, "report.md", os.getpid(), socket.gethostname())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        gone = clear_partials(tmp_path, "report.md")
    assert sorted(gone) == sorted([mine, before]) and live.exists()


def test_another_hosts_old_copy_is_not_restored(tmp_path):
    t = tmp_path / "out"   # another host is between its two moves: its old copy aside, nothing at `out` yet
    old = tmp_path / f".out.old-{_dead_pid()}-0123abcd@node-b"
    old.mkdir(); (old / "x").write_text("theirs")
    with pytest.warns(FileWarning, match="node-b"):
        with writing_folder(t, what="output") as tmp: (tmp / "y").write_text("mine")
    assert old.is_dir() and (t / "y").read_text() == "mine" and not (t / "x").exists()


def test_a_run_killed_as_it_started_is_no_foreign_folder(tmp_path):
    import json, time
    from alphaearth_nb.checkpoint import LOCK, is_run, run_folder
    d, dead = tmp_path / "run", _dead_pid()   # a run killed as it started: its lock and half-written marker left
    d.mkdir()
    (d / LOCK).write_text(json.dumps({"pid": dead, "host": socket.gethostname(), "started": time.time() - 60}))
    (d / f"..aef-run.partial-{dead}-0123abcd@{socket.gethostname()}").write_text("")
    with run_folder(d): pass   # was: NotOursError, the copy of a name with its host read as another tool's file
    assert is_run(d)
