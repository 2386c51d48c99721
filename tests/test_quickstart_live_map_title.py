"""Tutorial 01's live-map picture is titled by what it draws: the clicked point is a positive, drawn as a circle
(`Explorer.picture`: positives 'o', negatives 'X'). Was: "the + point's look-alikes", a '+' that is in the figure
before it (the similarity map), not in this one."""
import json
from pathlib import Path

import matplotlib
matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]


def test_live_map_picture_title_names_the_marker_it_draws():
    from alphaearth_nb.testing import embedding_from_array, random_unit
    cells = json.loads((ROOT / "nbs" / "tutorials" / "01_quickstart.ipynb").read_text())["cells"]
    src = next("".join(c["source"]) for c in cells if c["cell_type"] == "code" and "m.picture(" in "".join(c["source"]))
    emb = embedding_from_array(random_unit((20, 20), seed=0))
    point = (float(emb.x[10]), float(emb.y[10]))
    ns = {"emb24": emb, "point": point, "print": lambda *a, **k: None}
    exec(src, ns)
    import matplotlib.pyplot as plt
    ax = plt.gcf().axes[0]   # the picture the cell drew
    markers = {l.get_marker() for l in ax.lines}
    title = ax.get_title()
    assert "+" not in title or "+" in markers, (title, markers)
    assert "o" in markers and "(o)" in title, (title, markers)
