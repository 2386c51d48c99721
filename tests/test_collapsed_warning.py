"""An own model's map that is nearly one vector everywhere (an undertrained model: median cosine between pixels
0.987 for a 20-step `tiny`, the official product's 0.24) went through similarity/classify/change with no word
(newcomer s55 finding 5): similarity 0.95-0.98 on every class, change 0.04-0.11 'stable' everywhere. Now a
`TrainingWarning`, once per model, naming the median, the cause (too few steps) and the fix (train longer)."""
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.core import TrainingWarning


def _map(spread, model, seed=0, year=2017):
    rng = np.random.default_rng(seed)
    base = rng.normal(size=64)
    v = base / np.linalg.norm(base) + spread * rng.normal(size=(12, 12, 64))
    v /= np.linalg.norm(v, axis=-1, keepdims=True)
    at = {"crs": "EPSG:32633", "embedding:model": model, "period_start": f"{year}-01-01", "period_end": f"{year}-12-31"}
    return xr.DataArray(v.astype(np.float32), dims=("y", "x", "band"), attrs=at,
                        coords={"y": 5e6 + 5 - 10 * np.arange(12), "x": 5e5 + 5 + 10 * np.arange(12),
                                "band": aef.band_names()})


def _ours(w): return [x for x in w if issubclass(x.category, TrainingWarning)]


def test_a_collapsed_own_map_is_warned_once_with_the_cause_and_fix():
    e = _map(0.02, "alphaearth_nb tiny sha256:collapsed1")
    with pytest.warns(TrainingWarning, match=r"nearly one vector everywhere: median cosine between pixels 0\.9\d\d, of "
                                             r"2,000 pairs.*similarity will tell few places apart.*too few steps gives this"
                                             r".*train it longer.*one land cover alone.*may give it too"):
        e.aef.similarity((5e5 + 15, 5e6 - 5))
    with warnings.catch_warnings(record=True) as w:   # once per model
        warnings.simplefilter("always")
        e.aef.change(_map(0.02, "alphaearth_nb tiny sha256:collapsed1", seed=0, year=2018) * 1.0)
    assert not _ours(w)


@pytest.mark.parametrize("door", ["change", "classify"])
def test_every_map_door_says_it(door):
    m = f"alphaearth_nb tiny sha256:collapsed-{door}"
    e = _map(0.02, m)
    with pytest.warns(TrainingWarning, match=f"so {door} will tell few"):
        if door == "change": e.aef.change(_map(0.02, m, seed=1, year=2018))
        else: e.aef.classify(pd.DataFrame({"x": [5e5 + 5, 5e5 + 55], "y": [5e6 + 5, 5e6 - 55], "label": [0, 1]}), k=1)


@pytest.mark.parametrize("model,spread", [("alphaearth_nb small sha256:spread", 1.0), (None, 0.02),
                                          (aef.embeddings.OFFICIAL_COLLECTION, 0.02)])
def test_a_spread_map_an_unrecorded_model_and_the_official_product_pass_quietly(model, spread):
    e = _map(spread, model)
    if model is None: e.attrs.pop("embedding:model")
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        e.aef.similarity((5e5 + 15, 5e6 - 5))
    assert not _ours(w)
    med = aef.map_checks.warn_collapsed(e, "similarity")
    assert med is None if spread == 0.02 else med < 0.2


def test_a_map_of_one_land_cover_is_not_called_undertrained_as_a_fact():
    """A trained model's map of one homogeneous land cover (all forest: its pixels alike, median cosine past 0.9) was
    told 'the model is undertrained' as a fact (s55 r2 #7): the words say what was measured and both readings."""
    e = _map(0.03, "alphaearth_nb small sha256:trained-forest", seed=5)
    with pytest.warns(TrainingWarning) as w: e.aef.similarity((5e5 + 15, 5e6 - 5))
    said = str(_ours(w)[0].message)
    assert "the model is undertrained" not in said and "one land cover alone" in said and "no fault" in said, said
