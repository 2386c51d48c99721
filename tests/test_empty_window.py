"""A period whose frames are all without data (a year that failed to load, or was masked as NaN whole) is refused
before any tile is embedded: it gave an all-NaN map without a word, eager or lazy, while a year without frames borrows
its neighbours' (kind F: plausible but wrong inputs must not pass silently)."""
import warnings

import jax
import numpy as np
import pytest

from alphaearth_nb.core import NoValidDataError, PeriodError
from alphaearth_nb.embed import embed
from alphaearth_nb.model import AlphaEarth, preset


@pytest.fixture(scope="module")
def model():
    return AlphaEarth(preset("tiny"), key=jax.random.key(0))


def _s2(crop, empty_from="2024-01-01", share=1.0):
    s2 = crop["sentinel2"].to_dataset().isel(y=slice(0, 16), x=slice(0, 16))
    t = np.flatnonzero(s2.time.values >= np.datetime64(empty_from))
    gone = np.zeros(s2.sizes["time"], bool); gone[t[:int(round(share * len(t)))]] = True
    bands = [b for b in s2.data_vars if b != "cloud"]
    return s2.assign({b: s2[b].where(~s2.time.isin(s2.time.values[gone])) for b in bands}), bands


@pytest.mark.parametrize("lazy", [False, True])
def test_a_period_without_a_valid_value_is_refused(crop, model, lazy):
    s2, bands = _s2(crop)
    s2 = s2.chunk({"time": 8}) if lazy else s2
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(NoValidDataError, match=r"2024-01-01 .. 2025-01-01.*73 frames of sentinel2.*dropna"):
            embed(s2, model, 2024, progress=False, lazy=True)
        fixed = s2.dropna("time", how="all", subset=bands)   # the fix, as named: 2023's frames are read instead
        with pytest.raises(PeriodError, match="no frame lies in 2024"):   # 2023's frames alone: 2024 holds none
            embed(fixed, model, 2024, progress=False, lazy=True)
        out = embed(fixed, model, 2024, progress=False, lazy=True, allow_extrapolation=True)   # lazy: nothing embedded
    assert out.attrs["support_end"] < "2024"


def test_a_period_with_some_valid_frames_passes(crop, model):
    s2, _ = _s2(crop, share=0.9)   # a cloudy year: most dates masked whole, a few with data
    embed(s2.chunk({"time": 8}), model, 2024, progress=False, lazy=True)
