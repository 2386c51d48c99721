"""Tutorial 04's comparison of our embedding with the official one (a cell not run: it needs Earth Engine) scored
`evaluate_embeddings(X, y, folds=100)` with no `xy=`: every labelled pixel, neighbours beside each other flattering
both (s56 tut). The cell now passes the pixels' x, y, so the points scored lie apart as the paper's. Here it runs on
stand-in maps and points."""
import json
from pathlib import Path

import numpy as np
import pandas as pd

import alphaearth_nb as aef
from alphaearth_nb.testing import embedding_from_array, random_unit

NB = Path(__file__).parent.parent / "nbs" / "tutorials" / "04_earth_engine.ipynb"


def test_the_comparison_cell_passes_the_points_places(tmp_path, monkeypatch):
    cell = next("".join(c["source"]) for c in json.loads(NB.read_text())["cells"]
                if c["cell_type"] == "code" and "evaluate_embeddings(" in "".join(c["source"]))
    ours, official = (embedding_from_array(random_unit((60, 60), seed=s)) for s in (1, 2))   # 10 m, EPSG:32631
    rng = np.random.default_rng(0)
    r, c = rng.integers(0, 60, 200), rng.integers(0, 60, 200)
    pd.DataFrame({"x": ours.x.values[c], "y": ours.y.values[r], "label": (c > 30).astype(int)}).to_csv(
        tmp_path / "my_points.csv", index=False)
    seen = []
    monkeypatch.setattr(aef, "evaluate_embeddings", lambda X, y, **kw: seen.append((X, kw)) or "table")
    monkeypatch.chdir(tmp_path)
    exec(cell.replace("#| eval: false", ""), {"aef": aef, "np": np, "pd": pd, "ours": ours, "official": official})
    assert len(seen) == 2
    for X, kw in seen:
        xy = kw.get("xy")
        assert xy is not None and xy.shape == (len(X), 2)
        assert np.isin(xy[:, 0], ours.x.values).all() and np.isin(xy[:, 1], ours.y.values).all()   # pixels' x, y
