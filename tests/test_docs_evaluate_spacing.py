"""The docs' `aef evaluate ... --labels samples` lines run: the sample scene is 1.5 km across, where `aef evaluate`'s
default spacing (the paper's 1280 m between scored points, 53df11dc) keeps 3 points and the command exits 2 naming
--spacing; so each such line in the notebooks' prose and the README passes --spacing (the README's quick start: 50).
Was: 29d_evaluate_cmd's prose named the sample path's last step without it."""
import json
import re
from pathlib import Path

import alphaearth_nb

ROOT = Path(alphaearth_nb.__file__).resolve().parents[1]
LINE = re.compile(r"aef evaluate [^`\n]*--labels samples[^`\n]*")


def _texts():
    "(where, text) of every markdown cell of the notebooks and of the README."
    yield "README.md", (ROOT / "README.md").read_text()
    for nb in sorted((ROOT / "nbs").rglob("*.ipynb")):
        for i, c in enumerate(json.loads(nb.read_text())["cells"]):
            if c["cell_type"] == "markdown": yield f"{nb.relative_to(ROOT)} cell {i}", "".join(c["source"])


def test_every_documented_sample_evaluate_passes_spacing():
    found = [(w, m) for w, t in _texts() for m in LINE.findall(re.sub(r"\s*\n\s*", " ", t))]
    assert found, "no `aef evaluate ... --labels samples` line read"   # the README's quick start has one
    bad = [(w, m) for w, m in found if "--spacing" not in m]
    assert not bad, bad
