"Layout rules of DESIGN.md (tools/layout_check.py): the package passes, and the checker catches each breach."
import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("layout_check", ROOT / "tools" / "layout_check.py")
layout_check = importlib.util.module_from_spec(_spec); _spec.loader.exec_module(layout_check)


def _tree(root:Path, modules:dict) -> Path:
    "A fake repository: {'NN_name': source} -> nbs/NN_name.ipynb (default_exp name) and alphaearth_nb/name.py."
    (root / "nbs").mkdir(parents=True); (root / "alphaearth_nb").mkdir()
    for key, src in modules.items():
        name = key.split("_", 1)[1]
        nb = {"cells": [{"cell_type": "code", "source": [f"#| default_exp {name}"]}]}
        (root / "nbs" / f"{key}.ipynb").write_text(json.dumps(nb))
        (root / "alphaearth_nb" / f"{name}.py").write_text(src)
    return root


def test_the_package_keeps_the_layout_rules(capsys):
    assert layout_check.main(["--root", str(ROOT)]) == 0, capsys.readouterr().out


def test_the_checker_reports_each_breach(tmp_path):
    root = _tree(tmp_path, {
        "00_core": "class AEFError(Exception): pass\n",
        "01_low": "from .high import thing\nfrom .core import AEFError\n",
        "02_high": "from .low import _private\nclass OwnError(ValueError): pass\n",
        "03_top": "def f():\n    from alphaearth_nb.low import x\n" + "y = 1\n" * 20,
        "04_raises": ("def f(v):\n    if v: raise ValueError('no')\n"
                      "class It:\n    def __next__(self): raise StopIteration\n"
                      "def __getattr__(name): raise AttributeError(name)\n"),
    })
    found = "\n".join(layout_check.check(root, max_lines=10, quiet=True))
    assert "floor: alphaearth_nb/low.py:1: low (01) imports high (02)" in found
    assert "private import: alphaearth_nb/high.py:1 imports _private from low" in found
    assert "error class outside core: alphaearth_nb/high.py:2 class OwnError" in found
    assert "function-level import: alphaearth_nb/top.py:2 imports low.x" in found
    assert "size: alphaearth_nb/top.py has 22 lines" in found
    assert "circle: high -> low -> high" in found
    assert "raise outside the family: alphaearth_nb/raises.py:2 raises ValueError" in found
    assert "StopIteration" not in found and "AttributeError" not in found   # what the protocol asks for
    assert "core.py" not in found   # error classes belong there
    clean = _tree(tmp_path / "clean", {"00_core": "class AEFError(Exception): pass\n",
                                       "01_a": "from .core import AEFError\n"})
    assert layout_check.check(clean, quiet=True) == []


def test_known_findings_are_shown_and_stale_ones_fail():
    failing, known = layout_check.split_known(["size: a.py has 700 lines", "circle: a -> b -> a"],
                                              {"size: a.py": "being split", "size: gone.py": "was split"})
    assert known == ["size: a.py has 700 lines  [being split]"]
    assert failing[0] == "circle: a -> b -> a" and "stale KNOWN entry 'size: gone.py'" in failing[1]


def test_no_test_file_imports_another():
    "Shared builders live in conftest fixtures or alphaearth_nb.testing: a test file importing another runs its tests' "
    "module twice and breaks when that file is renamed (test_user_paths imported test_embed's make_stack)."
    import ast
    names = {p.stem for p in (ROOT / "tests").glob("*.py")}
    found = []
    for p in sorted((ROOT / "tests").glob("test_*.py")):
        for node in ast.walk(ast.parse(p.read_text())):
            mods = ([a.name for a in node.names] if isinstance(node, ast.Import)
                    else [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level else [])
            found += [f"{p.name}:{node.lineno} imports {m}" for m in mods if m.split(".")[0] in names]
    assert not found, found
