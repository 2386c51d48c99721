"The tutorials' stored outputs (nbs/tutorials): readers without a kernel see what each cell prints and draws."
import json
import re
from pathlib import Path

import pytest

TUTORIALS = sorted((Path(__file__).resolve().parents[1] / "nbs" / "tutorials").glob("*.ipynb"))
SHOWS = re.compile(r"\bprint\(|plt\.subplots\(|\.picture\(|plot_history\(")   # a cell that prints or draws


def _shows(src:str) -> bool:
    "The cell prints or draws outside an `except` block (a cell that prints only when data is missing need not)."
    in_except = False
    for line in src.splitlines():
        if line and not line[0].isspace(): in_except = line.startswith("except")
        if SHOWS.search(line) and not (in_except and line[0:1].isspace()): return True
    return False


def _code_cells(path):
    "(index in the notebook, cell) of each code cell."
    return [(i, c) for i, c in enumerate(json.loads(path.read_text())["cells"]) if c["cell_type"] == "code"]


@pytest.mark.parametrize("path", TUTORIALS, ids=lambda p: p.stem)
def test_cells_that_print_or_draw_have_their_output_stored(path):
    "Tutorial 02 was stored with 9 of its always-run cells empty, the transfer table its prose discusses among them."
    empty = [i for i, c in _code_cells(path) if _shows("".join(c["source"]))
             and not "".join(c["source"]).lstrip().startswith("#| eval: false") and not c.get("outputs")]
    assert empty == [], f"{path.name}: cells {empty} print or draw but have no stored output: re-execute it"


@pytest.mark.parametrize("path", TUTORIALS, ids=lambda p: p.stem)
def test_stored_outputs_hold_no_warnings_and_stay_small(path):
    "A warning in a stored output (tutorial 02's NotGeoreferencedWarning) is a fault shown to every reader."
    warned = [i for i, c in _code_cells(path) for o in c.get("outputs", [])
              if o.get("name") == "stderr" and re.search(r"Warning\b", "".join(o.get("text", "")))]
    assert warned == [], f"{path.name}: cells {warned} store a warning"
    assert path.stat().st_size < 1024 * 1024, f"{path.name} is over 1 MB: downsample its figures"


BADGE = "colab.research.google.com/github/"
INSTALL = re.compile(r'^!pip install "alphaearth_nb(?:\[([\w,]+)\])? @ git\+https://github\.com/[\w-]+/alphaearth_nb"$', re.M)
NEEDS = {"maps": re.compile(r"\.explore\("),   # ipyleaflet, ipywidgets (spatial.require names the extra)
         "official": re.compile(r"\b(?:aef\.official|off)\.\w+\(|\.aef\.(?:sample|to_cog|map_to_cog|vectorize)\("),
         "corpus": re.compile(r"\bsites\.\w+\(|\bexport\.export_sites\(")}


@pytest.mark.parametrize("path", TUTORIALS, ids=lambda p: p.stem)
def test_colab_badge_comes_with_an_install_line_naming_the_extras_its_cells_need(path):
    "Tutorial 01 told Colab to install the bare package and then called .aef.explore() (the `maps` extra: ipyleaflet);"
    " tutorial 05 had a badge and no install line at all."
    cells = json.loads(path.read_text())["cells"]
    md = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    if BADGE not in md: pytest.skip(f"{path.name} has no Colab badge")
    lines = INSTALL.findall(md)
    assert len(lines) == 1, f"{path.name}: a Colab badge needs one '!pip install \"alphaearth_nb[...] @ git+...\"' line"
    run = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code"
                    and not "".join(c["source"]).lstrip().startswith("#| eval: false"))
    missing = [extra for extra, uses in NEEDS.items() if uses.search(run) and extra not in lines[0].split(",")]
    assert missing == [], f"{path.name}: its cells need the extras {missing}, which its install line leaves out"
