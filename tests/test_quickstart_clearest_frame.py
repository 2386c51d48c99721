"""Tutorial 01's true-colour view is what its text says, "the clearest Sentinel-2 frame of summer 2024": the frame
whose `cloud` layer flags the fewest pixels. Was: the frame with the most non-NaN B4 values, but the sample scene
keeps its clouds in the values (eaa34e12), so every frame scored 1.0 and argmax took the first, 2024-06-03 (0.8% of
its pixels flagged) over 2024-06-23 (0.3%); a summer whose first frame is overcast would have shown white."""
import json
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def test_quickstart_shows_the_frame_with_the_fewest_flagged_pixels():
    cells = json.loads((ROOT / "nbs" / "tutorials" / "01_quickstart.ipynb").read_text())["cells"]
    src = next("".join(c["source"]) for c in cells if c["cell_type"] == "code" and "best = " in "".join(c["source"]))
    lines = src.split("true_colour = ", 1)[0]   # the lines that pick the frame: s2, summer, best
    import alphaearth_nb as aef
    stack = aef.load_scene()[0]
    ns = {"stack": stack, "np": np, "aef": aef}
    exec(lines, ns)
    summer, best = ns["summer"], ns["best"]
    flagged = summer["cloud"].mean(("y", "x"))
    assert float(best["cloud"].mean()) == float(flagged.min()), (str(best.time.values)[:10], float(best["cloud"].mean()))
