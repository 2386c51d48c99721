"A second writer that judged the run folder just before the first took its lock is told who holds it (E-2)."
import os, socket
import pytest
import alphaearth_nb.runs as runs
from alphaearth_nb.core import NotOursError, OutputExistsError, RunLockedError
from alphaearth_nb.runs import run_folder


def _first_look_sees_no_lock(monkeypatch):
    "The second writer's first look at the lock comes before the first writer took it (the race, made certain)."
    real, calls = runs.live_holder, []
    def late(p):
        calls.append(p)
        return None if len(calls) == 1 else real(p)
    monkeypatch.setattr(runs, "live_holder", late)


def test_writer_that_looked_before_the_lock_was_taken_is_told_who_holds_it(tmp_path, monkeypatch):
    with run_folder(tmp_path / "run") as d:   # the first writer: holds the lock, its marker written
        _first_look_sees_no_lock(monkeypatch)
        with pytest.raises(RunLockedError, match=f"pid {os.getpid()} on host {socket.gethostname()}"):
            with run_folder(d): pass
    assert sorted(p.name for p in d.iterdir()) == [".aef-run"]


def test_run_without_a_holder_is_still_refused_as_existing(tmp_path):
    with run_folder(tmp_path / "run"): pass
    with pytest.raises(OutputExistsError, match="holds a run") as e:
        with run_folder(tmp_path / "run"): pass
    assert not isinstance(e.value, RunLockedError)


def test_folder_not_ours_is_still_refused_and_left_alone(tmp_path):
    (tmp_path / "mine").mkdir(); (tmp_path / "mine" / "notes.txt").write_text("x")
    with pytest.raises(NotOursError):
        with run_folder(tmp_path / "mine"): pass
    assert sorted(p.name for p in (tmp_path / "mine").iterdir()) == ["notes.txt"]
