"""help(alphaearth_nb) lists every public module or none. nbdev-export writes a 'Modules:' list into __init__'s
docstring of the modules whose docstring has more than its summary and Docs link (nbdev.config._substantive: over 3
lines), so a notebook whose `>` summary was wrapped onto two lines was listed and one written on one line was not:
5 of the package's modules were listed (checkpoint, geometries, nn, runlock, samples) and antimeridian, with the
others, was not. Now no summary is wrapped, so no partial list is written."""
import ast
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "alphaearth_nb"


def test_the_package_docstring_lists_every_module_or_none():
    doc = ast.get_docstring(ast.parse((PKG / "__init__.py").read_text())) or ""
    listed = set(re.findall(r"^- `alphaearth_nb\.(\w+)`", doc, re.M))
    public = {p.stem for p in PKG.glob("*.py") if not p.name.startswith("_")}
    assert listed in (set(), public), (f"__init__'s docstring lists {len(listed)} of the {len(public)} modules "
                                       f"(missing e.g. {sorted(public - listed)[:3]}): write each notebook's `>` "
                                       "summary on one line (nbdev lists a module whose docstring is over 3 lines)")


def test_every_notebook_summary_is_one_line():
    wrapped = []
    for nb in sorted((ROOT / "nbs").glob("[0-9]*.ipynb")):   # the modules' notebooks (index.ipynb: the README)
        title = "".join(json.loads(nb.read_text())["cells"][0]["source"])
        if len(re.findall(r"^> ", title, re.M)) > 1: wrapped.append(nb.name)
    assert not wrapped, f"{wrapped}: write the `>` summary on one line (a wrapped one lists its module alone)"
