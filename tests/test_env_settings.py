"""Environment settings set to junk (kind G): `aef` says `aef: error: <the variable and its values>`, exit 2, instead of
a traceback at import; `import alphaearth_nb` still works (a warning names the variable); a compile cache that cannot
be made (a read-only home in a container, a file in its place) costs compile time, not the command."""
import os
import subprocess
import sys

import pandas as pd
import pytest

from alphaearth_nb.core import band_names
from alphaearth_nb.testing import random_unit


@pytest.fixture(scope="module")
def table(tmp_path_factory):
    t = tmp_path_factory.mktemp("env") / "t.csv"
    pd.DataFrame(random_unit((40,), seed=1), columns=band_names()).assign(label=[1, 2] * 20).to_csv(t, index=False)
    return t


def _run(args, **env):
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=600,
                          env={**os.environ, "MPLBACKEND": "Agg", **env})


# `python -m alphaearth_nb.cli evaluate ...` under an environment, as a fresh import in one forked process
# (conftest.fresh_imports): the interpreter's argv as `-m` gives it (which the import-time warning reads), then the
# command's own entry, as runpy runs it
AEF = """
import sys
sys.orig_argv = [sys.executable, "-m", "alphaearth_nb.cli", *{args!r}]; sys.argv = ["-m", *{args!r}]
from alphaearth_nb.cli import main
sys.exit(main())
"""
JUNK = [("AEF_CPU_DEVICES", "abc"), ("AEF_CPU_DEVICES", "4.0"), ("AEF_CPU_THREADS", "abc"), ("AEF_UNROLL_CAP", "abc"),
        ("AEF_LLVM_OPTIONS", "disable-lsr")]


@pytest.fixture(scope="module")
def runs(table, fresh, tmp_path_factory):
    "Every run of this file but `python -m otherpkg`'s, in one process: name -> (returncode, stdout, stderr)."
    args = ["evaluate", "--embeddings", str(table), "--shots", "1", "--folds", "1"]
    (f := tmp_path_factory.mktemp("cache") / "f").write_text("a file where the cache folder goes")
    cases = {**{f"junk {n}={v}": (AEF.format(args=args), {n: v}) for n, v in JUNK},
             "import": ("import alphaearth_nb; print('imported')", {"AEF_CPU_DEVICES": "abc"}),
             "cache": (AEF.format(args=args), {"AEF_COMPILE_CACHE": str(f)})}
    drop = ("AEF_CPU_DEVICES", "AEF_CPU_THREADS", "AEF_COMPILE_CACHE", "NPROC", "AEF_UNROLL_CAP", "AEF_LLVM_OPTIONS")
    return dict(zip(cases, fresh([(c, {"MPLBACKEND": "Agg", **e}) for c, e in cases.values()], drop=drop)))


@pytest.mark.parametrize("name,value", JUNK)
def test_junk_count_is_an_aef_error(runs, name, value):
    r = runs[f"junk {name}={value}"]
    assert r.returncode == 2 and "Traceback" not in r.stderr and "Warning" not in r.stderr, r.stderr[-500:]
    assert r.stderr.strip().startswith(f"aef: error: {name}={value!r} is not a"), r.stderr[-500:]


def test_import_with_a_junk_count_warns(runs):
    r = runs["import"]
    assert r.returncode == 0 and "imported" in r.stdout, r.stderr[-500:]
    assert "AEF_CPU_DEVICES='abc' is not a device count" in r.stderr and "Ignored" in r.stderr


def test_unwritable_compile_cache_is_a_note(runs):
    r = runs["cache"]
    assert r.returncode == 0 and "linear" in r.stdout, r.stderr[-500:]
    assert "aef: note: no compile cache" in r.stderr and "AEF_COMPILE_CACHE" in r.stderr


def test_import_under_another_packages_dash_m_still_warns(tmp_path):
    """Review b 8: sys.argv[0] == '-m' hid the warning under any `python -m pkg` whose package imports ours while it
    is found (argv[0] is '-m' then); only `python -m alphaearth_nb.cli` (which reports it as its error) is quiet."""
    pkg = tmp_path / "otherpkg"; pkg.mkdir()
    (pkg / "__init__.py").write_text("import alphaearth_nb\n"); (pkg / "__main__.py").write_text("")
    r = subprocess.run([sys.executable, "-m", "otherpkg"], capture_output=True, text=True, timeout=600, cwd=tmp_path,
                       env={**os.environ, "AEF_CPU_THREADS": "abc",
                            "PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")])})
    assert r.returncode == 0 and "AEF_CPU_THREADS='abc'" in r.stderr and "Ignored" in r.stderr, r.stderr[-500:]
