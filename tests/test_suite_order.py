"""The order the suite runs in on two workers: test files holding slow tests first (conftest), the tutorials first
among the notebooks (tools/nbtest.py), and `make test` keeping the order conftest gives (xdist reorders by test count
else)."""
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _item(nodeid, slow=False):
    return types.SimpleNamespace(nodeid=nodeid, get_closest_marker=lambda name: object() if slow and name == "slow" else None)


def test_files_with_slow_tests_come_first_then_by_test_count_in_file_order(request):
    conftest, = [p for p in request.config.pluginmanager.get_plugins()   # the module pytest loaded (a test file
                 if str(getattr(p, "__file__", "")).endswith(("tests/conftest.py", "tests\\conftest.py"))]  # imports none)
    items = [_item("tests/test_a.py::x"), _item("tests/test_a.py::y"), _item("tests/test_b.py::x"),
             _item("tests/test_c.py::x"), _item("tests/test_c.py::y", slow=True), _item("tests/test_d.py::only", slow=True),
             _item("tests/test_e.py::x"), _item("tests/test_e.py::y"), _item("tests/test_e.py::z")]
    conftest.pytest_collection_modifyitems(None, items)
    assert [i.nodeid for i in items] == ["tests/test_c.py::x", "tests/test_c.py::y", "tests/test_d.py::only",
                                         "tests/test_e.py::x", "tests/test_e.py::y", "tests/test_e.py::z",
                                         "tests/test_a.py::x", "tests/test_a.py::y", "tests/test_b.py::x"]


def test_every_file_that_waits_for_aef_run_slow_marks_a_test_slow():
    "A test run only with AEF_RUN_SLOW=1 (`make test`, CI) is slow, so its file goes first (conftest): marked " \
    "`pytest.mark.slow` in the file. Was: test_perturb_once_a_run (two tiny fits, ~34 CPU-s) unmarked, among the " \
    "one-test files that go last."
    gated = [p for p in sorted((ROOT / "tests").glob("test_*.py")) if "AEF_RUN_SLOW" in p.read_text()]
    assert len(gated) >= 5, gated   # test_train, test_stream, test_export, test_shell_chain, test_perturb_once_a_run
    assert [p.name for p in gated if "pytest.mark.slow" not in p.read_text()] == []


def test_make_test_keeps_that_order():
    lines = [l for l in (ROOT / "Makefile").read_text().splitlines() if "-m pytest" in l and "-n 2" in l]
    assert lines and all("--dist loadfile" in l and "--no-loadscope-reorder" in l for l in lines), lines


def test_the_tutorials_start_first_among_the_notebooks(load_script):
    nbtest = load_script(ROOT / "tools" / "nbtest.py")
    nbs = ROOT / "nbs"
    files = [nbs / "00_core.ipynb", nbs / "tutorials" / "02_b.ipynb", nbs / "index.ipynb", nbs / "tutorials" / "01_a.ipynb"]
    assert nbtest.run_order(files) == [files[3], files[1], files[0], files[2]]
    every = nbtest.run_order(sorted(nbs.rglob("*.ipynb")))
    n = sum("tutorials" in p.parts for p in every)
    assert n >= 1 and all("tutorials" in p.parts for p in every[:n])
