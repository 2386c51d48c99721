"""A missing optional package names both installs: PyPI's `pip install 'alphaearth_nb[maps]'` and, for a clone of the
repository (the README's way, `make` and its .venv), `.venv/bin/pip install -e ".[maps]"`; each extra the package
names is one pyproject.toml declares (note47: the `[maps]` hint named PyPI's form alone, which a clone does not want)."""
import ast
import tomllib
from pathlib import Path

import pytest

import alphaearth_nb
from alphaearth_nb.core import MissingDependencyError
from alphaearth_nb.spatial import require

ROOT = Path(alphaearth_nb.__file__).resolve().parents[1]


def parsed(text:str) -> ast.Module:
    """`ast.parse(text)`, once more on CPython 3.11's spurious "AST constructor recursion depth mismatch" (python/cpython
    gh-106905: seen in threaded programs; the mid-session suite of session 57 met it once here, on 3.11.7)."""
    try: return ast.parse(text)
    except SystemError as e:
        if "recursion depth mismatch" not in str(e): raise
        return ast.parse(text)


def test_a_missing_extra_names_the_pypi_and_the_clone_install():
    with pytest.raises(MissingDependencyError) as e: require("no_such_module_here", "maps", "the live map")
    msg = str(e.value)
    assert "`pip install 'alphaearth_nb[maps]'`" in msg and '`.venv/bin/pip install -e ".[maps]"`' in msg, msg


def test_every_extra_named_is_declared():
    "Each `require(module, extra)` of the package names an extra of pyproject.toml (else both installs fail)."
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    named = set()
    for py in (ROOT / "alphaearth_nb").glob("*.py"):
        for node in ast.walk(parsed(py.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "require" \
                    and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant):
                named.add((py.stem, node.args[1].value))
    assert len(named) > 10, named   # the calls are read
    assert not {n for n in named if n[1] not in declared}, sorted(n for n in named if n[1] not in declared)
