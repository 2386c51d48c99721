"pyflakes finds no unused import, unused variable, shadowed import or f-string without a placeholder in the package "
"(the notebooks' exported cells), the tests, the benchmarks or the tools (session 21's review: 60 of them were left)."
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# imports made for what importing does, which pyflakes cannot see: (file, name)
SIDE_EFFECTS = {("alphaearth_nb/maps.py", ("rioxarray",)),      # registers `.rio`, after the check naming the extra
                ("alphaearth_nb/official.py", ("odc.geo.xr",))}  # registers `.odc`


def test_no_unused_names():
    api = pytest.importorskip("pyflakes.api")
    from pyflakes import messages as m
    from pyflakes.reporter import Reporter
    kinds = (m.UnusedImport, m.UnusedVariable, m.RedefinedWhileUnused, m.FStringMissingPlaceholders)
    found = []
    class Collect(Reporter):
        def __init__(self): pass
        def flake(self, msg):
            if isinstance(msg, kinds) and (self.path, msg.message_args[:1]) not in SIDE_EFFECTS:
                found.append(f"{self.path}:{msg.lineno}: {msg.message % msg.message_args}")
        def syntaxError(self, filename, msg, *a): found.append(f"{filename}: {msg}")
        def unexpectedError(self, filename, msg): found.append(f"{filename}: {msg}")
    files = [p for d in ("alphaearth_nb", "tests", "benchmarks", "tools") for p in sorted((ROOT / d).glob("*.py"))
             if p.name != "_modidx.py"]
    assert len(files) > 150
    for p in files:
        r = Collect(); r.path = p.relative_to(ROOT).as_posix()
        api.check(p.read_text(), r.path, r)
    assert not found, "\n".join(found)
