"""The docs name `year_of_change` as what `yearly_change` gives since a95ebbf4: the first year of a pixel's changed
state, from the best split of its years, not the year of the largest score. Was: tutorial 02's prose 'names the year
of the largest change' and its figure titled 'year of largest change', and 24a_years' list 'year_of_change: the year
of the largest score' (a newcomer reading the figure took the colour for the year the score peaked)."""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _text(nb: str) -> str:
    "Every cell's source of a notebook, and its stored text outputs."
    out = []
    for c in json.loads((ROOT / "nbs" / nb).read_text())["cells"]:
        out.append("".join(c["source"]))
    return "\n".join(out)


def test_tutorial_02_names_the_first_year_of_the_changed_state():
    text = _text("tutorials/02_official_embeddings.ipynb")
    assert "largest change" not in text, "tutorial 02 still calls year_of_change the year of the largest change"
    assert "first year\nof the pixel's changed state" in text or "first year of the pixel's changed state" in text


def test_years_page_names_the_first_year_of_the_changed_state():
    text = _text("24a_years.ipynb")
    assert "`year_of_change`: the year of the largest score" not in text
    assert "the first year of the pixel's changed state" in text
