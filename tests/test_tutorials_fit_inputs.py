"""Tutorials 01 and 03 train their tiny model on the sources the model reads, as they embed with them, so their
training cells show no SourceWarning, and their prose says what `fit` and `.aef.embed` do with a source the model
does not read (leave it out, with a SourceWarning: one rule since c2e9e6a3). Was: `aef.fit(model, stack, ...)` and
`aef.fit("tiny", stack, ...)` on all seven sources, whose refreshed outputs were a SourceWarning naming dem, era5,
gedi, landcover, landsat and sentinel1, and tutorial 01's prose 'a stack with a source the model was not built to
read is refused'."""
import ast
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _cells(name):
    nb = json.loads((ROOT / "nbs" / "tutorials" / name).read_text())
    return [("".join(c["source"]), c["cell_type"]) for c in nb["cells"]]


@pytest.mark.parametrize("name", ["01_quickstart.ipynb", "03_training.ipynb"])
def test_tutorial_fits_tiny_on_the_sources_it_reads(name):
    import alphaearth_nb as aef
    ns = {"IN_TEST": True}
    for src, kind in _cells(name):   # the code up to the fit call: imports, the scene (cropped in 01), the model
        if kind != "code" or "plt.subplots" in src or "eval: false" in src: continue   # pictures: not this test's
        if "aef.fit(" in src:
            body = src.replace("#| slow", "")
            exec(body.split("state, ")[0], ns)   # the lines before the call
            call = next(n for n in ast.walk(ast.parse(body)) if isinstance(n, ast.Call) and ast.unparse(n.func) == "aef.fit")
            break
        if "aef.fit(" not in src and "fit(" in src: continue   # other runs (the stand-in): not this test's
        exec(src, ns)
    model = eval(ast.unparse(call.args[0]), ns)
    cfg = aef.preset(model) if isinstance(model, str) else model.cfg
    data = eval(ast.unparse(call.args[1]), ns)   # the stack fit is given
    assert aef.model.unread_sources(list(data.children), cfg) == [], sorted(data.children)


def test_quickstart_prose_says_unread_sources_are_left_out_not_refused():
    prose = " ".join(s for s, k in _cells("01_quickstart.ipynb") if k == "markdown")
    assert "not built to read is refused" not in prose
    assert "SourceWarning" in prose
