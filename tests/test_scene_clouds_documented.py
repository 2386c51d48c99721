"""The packaged sample scene masks clouds (NaN under cloud, no `cloud` layer), where the paper feeds cloudy pixels to
the encoder (AEF.md section 1, arXiv 2507.22291 S1, S1.1): so nbs/20_train's 'Where we still differ' table names it.
When the scene gains cloudy values with a `cloud` layer, this fails: drop the row then."""
import json
from pathlib import Path

import numpy as np

from alphaearth_nb.scene import load_scene
from alphaearth_nb.stacks import CLOUD

NB = Path(__file__).resolve().parents[1] / "nbs" / "20_train.ipynb"


def test_masked_scene_clouds_are_a_documented_difference():
    s2 = load_scene()[0]["sentinel2"].to_dataset()
    assert CLOUD not in s2.data_vars
    b2 = s2["B2"].values
    assert np.isnan(b2).mean() > 0.2                      # cloud and shadow are NaN: the inputs are masked
    table = next("".join(c["source"]) for c in json.load(open(NB))["cells"] if "Where we still differ" in "".join(c["source"]))
    row = next((r for r in table.splitlines() if r.startswith("| the sample scene's clouds |")), None)
    assert row is not None and "NaN under cloud" in row and "input-masked" in row
