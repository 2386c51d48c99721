"embed on a stack where one of the model's input sources holds no valid value (or no frame) in the frames fed to "
"the model for the period, while the others do: the embedding is made without that source, which was silent (a "
"failed download of one sensor's year); a NoDataWarning names it and the fix (kind F)."

import jax
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import NoDataWarning
from alphaearth_nb.embed import embed
from alphaearth_nb.model import AlphaEarth, preset
from alphaearth_nb.scene import load_scene
from alphaearth_nb.testing import warned


@pytest.fixture(scope="module")
def parts():
    stack = load_scene()[0]
    tree = {k: stack[k].to_dataset().isel(y=slice(0, 16), x=slice(0, 16)) for k in ("sentinel2", "landsat")}
    model = AlphaEarth(preset("tiny", inputs=("sentinel2", "landsat"), targets=("sentinel2",)), key=jax.random.key(0))
    return tree, model


def _embed(tree, model):
    return warned(embed, xr.DataTree.from_dict(tree), model, 2024, progress=False, category=NoDataWarning)


def test_a_source_without_data_for_the_period_is_named(parts):
    tree, model = parts
    ls = tree["landsat"]
    year = ls.time.dt.year == 2024
    gone = ls.assign({v: ls[v].where(~year) for v in ls.data_vars if "time" in ls[v].dims})
    e, said = _embed({**tree, "landsat": gone}, model)
    assert np.isfinite(e.values).all()   # embedded, from sentinel2 alone
    assert len(said) == 1 and "landsat" in said[0] and "sentinel2" not in said[0].split(":")[0], said


def test_every_source_with_data_is_quiet(parts):
    tree, model = parts
    _, said = _embed(tree, model)
    assert said == []
