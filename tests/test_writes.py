"Writes that cannot destroy, one run per folder (alphaearth_nb.files; field cases E1, E2, E4, E6)."
import json
import os
import socket
import subprocess
import sys
import threading
import time

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.checkpoint import LOCK, run_lock
from alphaearth_nb.core import FileWarning, NotOursError, OutputExistsError, RunLockedError
from alphaearth_nb.files import check_output, is_ours, write_text, writing_file, writing_folder
from alphaearth_nb import core, files
from alphaearth_nb.testing import disk_full


def _store(path, value, overwrite=False, n=64):
    with writing_folder(path, overwrite, what="store") as tmp:
        xr.Dataset({"v": (("y", "x"), _values(value, n))}).to_zarr(tmp / "s.zarr", zarr_format=3, consolidated=False)


def _values(value, n=64):  # incompressible, so a few kB of budget do not hold the whole store
    return (np.random.default_rng(0).random((n, n)) + value).astype(np.float32)


def test_user_folder_is_never_touched(tmp_path):  # E1
    (tmp_path / "myproject").mkdir(); (tmp_path / "myproject" / "notes.txt").write_text("mine")
    for overwrite in (False, True):
        with pytest.raises(NotOursError, match="did not write"): _store(tmp_path / "myproject", 1.0, overwrite)
    assert (tmp_path / "myproject" / "notes.txt").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["myproject"]  # no partial copy left beside it


def test_existing_output_needs_overwrite(tmp_path):
    _store(tmp_path / "out", 1.0)
    with pytest.raises(OutputExistsError, match="overwrite=True"): _store(tmp_path / "out", 2.0)
    _store(tmp_path / "out", 2.0, overwrite=True)
    assert np.array_equal(xr.open_zarr(tmp_path / "out" / "s.zarr")["v"].values, _values(2.0)) and is_ours(tmp_path / "out")
    (tmp_path / "empty").mkdir(); _store(tmp_path / "empty", 3.0)  # an empty folder is fine to fill


@pytest.mark.parametrize("after", [0, 300, 5000])
def test_disk_full_keeps_the_old_store(tmp_path, after):  # E2, with a fault-injecting writer
    _store(tmp_path / "out", 1.0)
    with disk_full(tmp_path, after_bytes=after), pytest.raises(OSError, match="No space"):
        _store(tmp_path / "out", 2.0, overwrite=True)
    v = xr.open_zarr(tmp_path / "out" / "s.zarr")["v"].values
    assert np.array_equal(v, _values(1.0)) and is_ours(tmp_path / "out")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_disk_full_while_other_chunk_writes_run_leaves_no_partial_copy(tmp_path, monkeypatch):  # E2, zarr 3
    """zarr returns at the first failed chunk write while the others it started go on (on its own thread): the
    partial copy was removed under them and filled again, left beside the store (`.out.partial-*`)."""
    import asyncio, time, zarr.storage
    put = zarr.storage.LocalStore.set
    async def slow(self, key, value):  # a slow disk: one chunk's write is still running when another fails
        await asyncio.sleep(0.5 if key.endswith("v/c/1/1") else 0)
        return await put(self, key, value)
    monkeypatch.setattr(zarr.storage.LocalStore, "set", slow)
    _store(tmp_path / "out", 1.0)
    with disk_full(tmp_path, after_bytes=6000), pytest.raises(OSError, match="No space"):
        with writing_folder(tmp_path / "out", True, what="store") as tmp:
            xr.Dataset({"v": (("y", "x"), _values(2.0))}).to_zarr(tmp / "s.zarr", zarr_format=3, consolidated=False,
                                                                    encoding={"v": {"chunks": (32, 32)}})
    time.sleep(1.0)  # what a write still running would do, it has done by now
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert np.array_equal(xr.open_zarr(tmp_path / "out" / "s.zarr")["v"].values, _values(1.0))


def test_killed_writer_leaves_no_store_under_the_name(tmp_path):  # E2, the process dies mid-write
    code = ("import os, sys; from alphaearth_nb.files import writing_folder\n"
            "with writing_folder(sys.argv[1]) as t:\n    (t / 'a').write_text('half'); os._exit(9)\n")
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path / "out")], env={**os.environ, "PYTHONPATH": os.getcwd()})
    assert r.returncode == 9 and not (tmp_path / "out").exists()
    _store(tmp_path / "out", 1.0)  # the next writer cleans the dead writer's partial copy
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def _dead_pid():
    p = subprocess.Popen([sys.executable, "-c", "pass"]); p.wait()
    return p.pid


def test_writer_killed_between_the_two_moves_gets_the_store_back(tmp_path):  # E2, killed inside _swap_in
    _store(tmp_path / "out", 1.0)
    aside = tmp_path / f".out.old-{_dead_pid()}-0123abcd"
    os.replace(tmp_path / "out", aside)  # the first move of `_swap_in` only: the writer died before the second
    with pytest.warns(FileWarning, match="restored"), pytest.raises(OutputExistsError):
        _store(tmp_path / "out", 2.0)  # the next write puts the good store back, then refuses to replace it
    assert np.array_equal(xr.open_zarr(tmp_path / "out" / "s.zarr")["v"].values, _values(1.0))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    stale = tmp_path / f".out.old-{_dead_pid()}-4567cdef"; stale.mkdir()  # an old copy beside a store
    live = tmp_path / f".out.old-{os.getpid()}-89abcdef"; live.mkdir()    # a live writer's: not ours to remove
    _store(tmp_path / "out", 2.0, overwrite=True)  # a write that succeeds removes dead writers' old copies
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["out", live.name])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 (RENAME_EXCHANGE) is Linux's")
def test_overwrite_is_one_atomic_exchange_on_linux(tmp_path, monkeypatch):  # E2: no moment without a store
    _store(tmp_path / "out", 1.0)
    replaced = []
    real_replace = os.replace
    out = str(tmp_path / "out")
    def replace(a, b):
        if out in (str(a), str(b)): replaced.append((a, b))
        return real_replace(a, b)
    monkeypatch.setattr(os, "replace", replace)
    def killed(p): raise KeyboardInterrupt  # the writer dies right after the exchange, before deleting the old store
    monkeypatch.setattr(files, "_rm", killed)
    with pytest.raises(KeyboardInterrupt): _store(tmp_path / "out", 2.0, overwrite=True)
    assert replaced == []  # no two-step move: the name always held a complete store
    assert np.array_equal(xr.open_zarr(tmp_path / "out" / "s.zarr")["v"].values, _values(2.0))
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # the old store went with the writer's partial folder
    a, b = tmp_path / "a", tmp_path / "b"; a.mkdir(); b.write_text("b")
    assert files._exchange(a, b) and a.read_text() == "b" and b.is_dir()  # the two paths trade places, any kind

def test_writing_file_atomic_and_mode(tmp_path):  # E6
    um = os.umask(0); os.umask(um)
    write_text(tmp_path / "m.json", json.dumps({"a": 1}))
    assert (tmp_path / "m.json").stat().st_mode & 0o777 == 0o666 & ~um
    with disk_full(tmp_path, after_bytes=3), pytest.raises(OSError):
        write_text(tmp_path / "m.json", json.dumps({"a": 2, "b": "long enough"}))
    assert json.loads((tmp_path / "m.json").read_text()) == {"a": 1}
    with pytest.raises(OutputExistsError): check_output(tmp_path / "m.json")
    with pytest.raises(OutputExistsError, match="folder"):
        with writing_file(tmp_path, "w"): pass


def test_run_lock_second_writer_fails_naming_the_first(tmp_path):  # E4
    with run_lock(tmp_path / "run"):
        with pytest.raises(RunLockedError, match=f"pid {os.getpid()}"):
            with run_lock(tmp_path / "run"): pass
    assert not (tmp_path / "run" / LOCK).exists()


def test_run_lock_holder_is_named_every_time(tmp_path, monkeypatch):  # E-2: the holder named every time
    d = tmp_path / "run"; d.mkdir(); (d / LOCK).write_text("")  # created, its contents not written yet
    me = {"pid": os.getpid(), "host": socket.gethostname()}
    writer = threading.Timer(0.3, lambda: (d / LOCK).write_text(json.dumps(me)))
    writer.start()
    try:
        with pytest.raises(RunLockedError, match=f"pid {os.getpid()} on host {socket.gethostname()}"):
            with run_lock(d): pass
    finally: writer.join()
    (d / LOCK).unlink()
    def no_link(*a, **k): raise PermissionError(1, "Operation not permitted")
    monkeypatch.setattr(files.os, "link", no_link)  # a file system without hard links: created, then written
    with run_lock(d):
        assert json.loads((d / LOCK).read_text())["pid"] == os.getpid()
        with pytest.raises(RunLockedError, match=f"pid {os.getpid()} on host"):
            with run_lock(d): pass
    assert sorted(p.name for p in d.iterdir()) == []  # released, no partial left


def test_run_lock_stale_and_foreign(tmp_path):
    d = tmp_path / "run"; d.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    import socket
    (d / LOCK).write_text(json.dumps({"pid": int(dead.stdout), "host": socket.gethostname()}))
    with pytest.warns(FileWarning, match="stale"), run_lock(d): pass
    (d / LOCK).write_text(json.dumps({"pid": 1, "host": "other-machine"}))
    with pytest.raises(RunLockedError, match="other-machine.*delete"): run_lock(d).__enter__()


def test_plain_file_is_never_replaced_by_a_folder_output(tmp_path):  # E1: a file where an output folder goes
    f = tmp_path / "userfile.zarr"; f.write_text("mine")
    for overwrite in (False, True):
        with pytest.raises(NotOursError, match="is a file"): _store(f, 1.0, overwrite)
        with pytest.raises(NotOursError, match="is a file"): check_output(f, overwrite, folder=True)
    assert f.read_text() == "mine" and sorted(p.name for p in tmp_path.iterdir()) == ["userfile.zarr"]


def test_overwrite_through_a_symlink_replaces_the_target_and_leaves_nothing_beside(tmp_path):
    (tmp_path / "disk").mkdir(); _store(tmp_path / "disk" / "real.zarr", 1.0)
    link = tmp_path / "out.zarr"; link.symlink_to(tmp_path / "disk" / "real.zarr")
    _store(link, 2.0, overwrite=True)
    assert link.is_symlink() and np.array_equal(xr.open_zarr(link / "s.zarr")["v"].values, _values(2.0))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["disk", "out.zarr"]
    assert sorted(p.name for p in (tmp_path / "disk").iterdir()) == ["real.zarr"]
    (tmp_path / "notes").mkdir(); (tmp_path / "notes" / "a.txt").write_text("mine")
    (tmp_path / "n.zarr").symlink_to(tmp_path / "notes")      # a link to a folder not ours: never replaced
    with pytest.raises(NotOursError): _store(tmp_path / "n.zarr", 1.0, overwrite=True)
    assert (tmp_path / "notes" / "a.txt").read_text() == "mine"


def _race(n, write):
    "Run `write(i)` for i = 0, 1 in two threads at once; 'wrote' or the OutputExistsError's message per writer."
    res = {}
    def go(i):
        try: write(i); res[i] = "wrote"
        except OutputExistsError as e: res[i] = str(e)
    ts = [threading.Thread(target=go, args=(i,)) for i in range(n)]
    for t in ts: t.start()
    for t in ts: t.join()
    return res


@pytest.mark.parametrize("noreplace", [True, False], ids=["renameat2", "fallback"])
def test_two_writers_of_one_new_path_the_second_is_refused(tmp_path, monkeypatch, noreplace):  # E4's kind, stores
    if not noreplace: monkeypatch.setattr(files, "_renameat2", lambda a, b, flags: None)  # no RENAME_NOREPLACE here
    for rep in range(30):
        out, f = tmp_path / f"out{rep}", tmp_path / f"f{rep}.txt"
        both_in = threading.Barrier(2, timeout=60)
        def folder(i):
            with writing_folder(out, what="store") as tmp:
                (tmp / "v.txt").write_text(str(i))
                both_in.wait()  # each passed the check at the start: the path was free for both
        def file(i):
            with writing_file(f, "w", overwrite=False) as fh:
                fh.write(str(i)); fh.flush()
                both_in.wait()
        for kind, write, held in (("folder", folder, lambda: (out / "v.txt").read_text()),
                                  ("file", file, lambda: f.read_text())):
            both_in.reset()
            res = _race(2, write)
            wrote = [i for i in (0, 1) if res[i] == "wrote"]
            assert len(wrote) == 1, (rep, kind, res)  # the old code: both 'wrote', the first output replaced
            loser = res[1 - wrote[0]]
            assert str(f if kind == "file" else out) in loser and "overwrite=True" in loser
            assert held() == str(wrote[0])  # the winner's output is there, whole
        assert is_ours(out)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # the losers' partials removed


def test_two_to_zarr_of_one_new_store_keep_one_whole(tmp_path):  # the newcomer's case: exports.to_zarr in two threads
    from alphaearth_nb.exports import open_zarr, to_zarr
    from alphaearth_nb.testing import embedding_from_array, random_unit
    es = [embedding_from_array(random_unit((48, 48), seed=s)) for s in (1, 2)]
    for rep in range(30):
        p = tmp_path / f"emb{rep}.zarr"
        go = threading.Barrier(2, timeout=60)
        def write(i): go.wait(); to_zarr(es[i], p)
        res = _race(2, write)
        wrote = [i for i in (0, 1) if res[i] == "wrote"]
        assert len(wrote) == 1, (rep, res)
        got = open_zarr(p).transpose(*es[0].dims).values
        assert np.abs(got - es[wrote[0]].values).max() < 0.02  # int8 codes: within the quantisation step
        assert np.abs(got - es[1 - wrote[0]].values).max() > 0.1  # the store is the winner's, not the loser's
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_refused_move_is_ours_and_still_an_os_error(tmp_path, monkeypatch):
    "A move the OS refuses for another reason than a taken name (EXDEV, EACCES) is `DiskError`: one of ours, errno kept."
    import errno
    src = tmp_path / "a"; src.write_text("x")
    monkeypatch.setattr(files, "_renameat2", lambda a, b, flags: errno.EXDEV)
    with pytest.raises(core.DiskError) as e: files._move_new(src, tmp_path / "b")
    assert isinstance(e.value, OSError) and isinstance(e.value, core.AEFError) and e.value.errno == errno.EXDEV
    assert src.read_text() == "x" and not (tmp_path / "b").exists()  # nothing moved


_KEPT = []


def _take_stale(args):
    d, start = args
    import warnings as w

    from alphaearth_nb import checkpoint, runlock
    real = files.pid_alive
    def slow(*a):                                    # a loaded machine: the judging takes a while
        time.sleep(0.02); return real(*a)
    for m in (files, checkpoint, runlock):
        if hasattr(m, "pid_alive"): m.pid_alive = slow
    while time.time() < start: time.sleep(0.001)  # all start together
    try:
        with w.catch_warnings():
            w.simplefilter("ignore")
            _KEPT.append(run_lock(d)); _KEPT[-1].__enter__()   # kept: the pool's process lives on, its lock live
            return ("held", os.getpid())
    except RunLockedError as e: return ("refused", str(e))


def test_run_lock_stale_takeover_has_one_winner(tmp_path):  # two takers of one dead lock both held the folder
    import multiprocessing as mp
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = json.dumps({"pid": int(dead.stdout), "host": socket.gethostname(), "started": 0.0, "id": "dead"})
    with mp.get_context("fork").Pool(4) as pool:
        for rep in range(20):
            d = tmp_path / f"run{rep}"; d.mkdir(); (d / LOCK).write_text(stale)
            got = pool.map(_take_stale, [(d, time.time() + 0.1)] * 4)
            held = [pid for kind, pid in got if kind == "held"]
            assert len(held) == 1, (rep, got)
            for kind, msg in got:                     # the others name the winner, never the dead process
                if kind == "refused": assert f"pid {held[0]} " in msg, (rep, got)
            assert sorted(p.name for p in d.iterdir()) == [LOCK]   # the winner's lock, no guard or partial left
            assert json.loads((d / LOCK).read_text())["pid"] == held[0]


def test_a_failed_write_settles_zarr_only_for_a_zarr_store_and_cancels_nothing(tmp_path, monkeypatch):
    "writing_folder waits for zarr's loop only when a store was begun in its folder, and never cancels other writes."
    calls = []
    monkeypatch.setattr(files, "settle_zarr", lambda **kw: calls.append(kw) or 0)
    for i, names in enumerate([("data.csv",), ("store.zarr/zarr.json", "store.zarr/x/c/0")]):
        with pytest.raises(ValueError, match="boom"):
            with files.writing_folder(tmp_path / f"out{i}") as d:
                for f in names: (d / f).parent.mkdir(parents=True, exist_ok=True); (d / f).write_text("x")
                raise ValueError("boom")
        assert not (tmp_path / f"out{i}").exists() and not list(tmp_path.glob(f".out{i}*"))  # nothing left behind
    assert calls == [{"cancel": False}]   # plain files: no wait (was 30 s when another thread wrote zarr); a store: one


def _die_holding_the_guard(d):
    "A taker of the stale lock in `d` that dies (`os._exit`, as a kill would) the instant it holds a takeover guard."
    import warnings as w

    from alphaearth_nb import checkpoint, runlock
    real = runlock._create_lock
    def create(p, me):
        got = real(p, me)
        if got and checkpoint.TAKEOVER in p.name: os._exit(9)
        return got
    runlock._create_lock = create
    with w.catch_warnings():
        w.simplefilter("ignore")
        run_lock(d).__enter__()
    os._exit(0)


def _take_stale_jittery(args):
    "`_take_stale` on a loaded machine: each unlink waits 0-60 ms, each lock read and liveness check 0-2 ms."
    import pathlib
    import random

    from alphaearth_nb import checkpoint, runlock
    if not hasattr(runlock, "_jittered"):  # patched once per pool process
        random.seed(os.getpid())
        slow = lambda f, most: lambda *a, **k: (time.sleep(random.uniform(0, most)), f(*a, **k))[1]
        runlock.read_lock, runlock._jittered = slow(runlock.read_lock, 0.002), True
        pathlib.Path.unlink = slow(pathlib.Path.unlink, 0.06)  # judged, then unlinked: a wide gap between the two
        alive = slow(files.pid_alive, 0.002)
        for m in (files, checkpoint, runlock):
            if hasattr(m, "pid_alive"): m.pid_alive = alive
    d, start = args
    import warnings as w
    while time.time() < start: time.sleep(0.001)
    try:
        with w.catch_warnings():
            w.simplefilter("ignore")
            _KEPT.append(run_lock(d)); _KEPT[-1].__enter__()
            return ("held", os.getpid())
    except RunLockedError as e: return ("refused", str(e))


def test_run_lock_a_taker_dead_inside_the_guard_still_lets_one_in(tmp_path):
    "The guard's own stale takeover was check-then-unlink: with a taker dead while holding it, two could get in."
    import multiprocessing as mp

    from alphaearth_nb.checkpoint import TAKEOVER
    ctx = mp.get_context("fork")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    with ctx.Pool(6) as pool:                         # on 8da5b99 two held the folder in about 1 round of 5
        for rep in range(20):
            stale = json.dumps({"pid": int(dead.stdout), "host": socket.gethostname(), "started": 0.0, "id": f"d{rep}"})
            d = tmp_path / f"run{rep}"; d.mkdir(); (d / LOCK).write_text(stale)
            killed = ctx.Process(target=_die_holding_the_guard, args=(d,)); killed.start(); killed.join()
            assert killed.exitcode == 9 and [p for p in d.iterdir() if TAKEOVER in p.name], (rep, killed.exitcode)
            got = pool.map(_take_stale_jittery, [(d, time.time() + 0.1)] * 6)
            held = [pid for kind, pid in got if kind == "held"]
            assert len(held) == 1, (rep, got)
            for kind, msg in got:                     # the others name the winner
                if kind == "refused": assert f"pid {held[0]} " in msg, (rep, got)
            assert json.loads((d / LOCK).read_text())["pid"] == held[0]
            assert sorted(p.name for p in d.iterdir()) == [LOCK], (rep, sorted(p.name for p in d.iterdir()))


def test_run_lock_read_in_a_takeovers_gap_names_the_new_holder(tmp_path, monkeypatch):
    """The interleaving behind the flaky test above, replayed in order: a taker reads the lock in another taker's gap
    (the stale lock unlinked, the new one not yet linked), finds no lock, and the new lock lands before it looks again.
    It judges the lock anew and names the new holder; was RunLockedError naming 'pid ?' (run_lock asked p.exists()
    after _holder had found none, and judged the empty read as a live lock)."""
    from pathlib import Path

    from alphaearth_nb import runlock
    d = tmp_path / "run"; d.mkdir()
    p, aside = d / LOCK, d / "new-lock"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    p.write_text(json.dumps({"pid": int(dead.stdout), "host": socket.gethostname(), "started": 0.0, "id": "dead"}))
    winner = {"pid": os.getppid(), "host": socket.gethostname(), "started": time.time(), "id": "winner"}
    real_read, real_exists, gap = runlock.read_lock, Path.exists, [1]
    def read(q):
        if q == p and gap:                          # the other taker unlinks the stale lock as we read it
            gap.pop(); p.unlink(); aside.write_text(json.dumps(winner))
        return real_read(q)
    def exists(q):
        there = real_exists(q)
        if q == p and not there and real_exists(aside): aside.rename(p)   # its new lock lands just after we look
        return there
    monkeypatch.setattr(runlock, "read_lock", read)
    monkeypatch.setattr(Path, "exists", exists)
    with pytest.raises(RunLockedError, match=rf"\(pid {winner['pid']} on host "):
        with run_lock(d): pass
    assert not gap and json.loads(p.read_text()) == winner   # the gap was replayed; the winner's lock untouched


def test_our_marker_warning_is_silenced_by_one_filter_not_catch_warnings(tmp_path):
    """Review b 7: exports.open_zarr and the CLI each wrapped the open in catch_warnings (which swaps the process's
    filter list and restores it: threads undo each other); now one filter naming only the marker, added once."""
    import warnings
    from alphaearth_nb.exports import open_zarr, to_zarr
    from alphaearth_nb.files import quiet_marker
    from alphaearth_nb.testing import embedding_from_array, random_unit
    e = embedding_from_array(random_unit((4, 4), seed=2))
    to_zarr(e, tmp_path / "e.zarr")
    with warnings.catch_warnings():
        warnings.simplefilter("always"); quiet_marker()
        warnings.simplefilter("error")                                 # any other warning still raises
        quiet_marker(); quiet_marker()                                 # moved first again, never twice
        n = sum(f[1] is not None and ".aef" in f[1].pattern for f in warnings.filters)
        assert n == 1                                                  # added once
        got = [open_zarr(tmp_path / "e.zarr") for _ in range(2)]
        with pytest.raises(UserWarning, match="other"): warnings.warn("other")
    np.testing.assert_allclose(got[0].values, e.values, atol=0.02)      # int8 codes by default: within a step
