"""checkpoint's run lock (LOCK, TAKEOVER, LOCK_SETTLE, run_lock and the takeover of a dead run's lock) lives in
`runlock` (15a, below checkpoint), so checkpoint stays under the layout's module size; checkpoint re-exports each
public name, so `from alphaearth_nb.checkpoint import run_lock` works as before, and help() keeps the Parameters."""
import ast
import importlib
import os
from pathlib import Path

import pytest

from alphaearth_nb.core import RunLockedError

NAMES = ["LOCK", "TAKEOVER", "LOCK_SETTLE", "run_lock"]


def test_checkpoint_reexports_the_lock(tmp_path, reexported):
    rl, ck = reexported("runlock", "checkpoint", NAMES)
    from alphaearth_nb.checkpoint import LOCK, run_lock   # the old spelling
    with run_lock(tmp_path):
        assert rl.live_holder(tmp_path / LOCK)["pid"] == os.getpid()
        with pytest.raises(RunLockedError, match=f"pid {os.getpid()}"):
            with ck.run_lock(tmp_path): pass
    assert not (tmp_path / LOCK).exists()
    import alphaearth_nb
    assert "Parameters" in alphaearth_nb.runlock.is_stale.__doc__


def test_holders_docstring_keeps_to_the_line_length():
    src = (Path(importlib.import_module("alphaearth_nb.runlock").__file__)).read_text()
    fn = next(n for n in ast.parse(src).body if isinstance(n, ast.FunctionDef) and n.name == "_holder")
    lines = src.splitlines()[fn.lineno - 1:fn.end_lineno]
    assert max(map(len, lines)) <= 120
