"""Tutorial 01 says what both of `fit`'s collapse signs measure and their thresholds, as `losses` has them: it named
the uniformity term alone, while a spread below `SPREAD_MIN` warns too (session 27)."""
import json
from pathlib import Path

from alphaearth_nb import losses

NB = Path(__file__).resolve().parent.parent / "nbs" / "tutorials" / "01_quickstart.ipynb"


def _text() -> str:
    cells = json.loads(NB.read_text())["cells"]
    return " ".join(" ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown").split())


def test_tutorial_names_both_collapse_signs_with_their_thresholds():
    t = _text()
    assert f"above {losses.COLLAPSED} (`losses.COLLAPSED`)" in t
    assert f"spread below {losses.SPREAD_MIN} (`losses.SPREAD_MIN`)" in t
    assert "mean `|u . u'|`" in t and "1 minus their mean pairwise cosine" in t   # what each measures
    assert "batch of one example" in t   # where only the spread can see it
