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
