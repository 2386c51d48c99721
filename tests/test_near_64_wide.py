"""Two inputs of the width and units checks. (1) A plain array 63 wide (an embedding with one band lost: `x[:, 1:]`,
63 of the int8 codes) was read as features without a word by
evaluate_embeddings, knn_search and the linear fits, where an embedding has 64 bands: now a DimensionError naming the
width and the fix; features of those widths that are no embedding, and a table naming its columns, pass. (2)
`units.check_units` called alone said `ds[bands] * 1e4` without saying what `bands` is: it says them now (the bands
given in the unit of those named: Sentinel-1's dB bands, not `angle`), and the fix so completed runs."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import DimensionError, UnitsError
from alphaearth_nb.evaluate import evaluate_embeddings
from alphaearth_nb.knn import knn_search
from alphaearth_nb.linear import check_xy
from alphaearth_nb.quantize import quantize
from alphaearth_nb.units import check_units

RNG = np.random.default_rng(0)
V = RNG.normal(size=(90, 64))
V /= np.linalg.norm(V, axis=1, keepdims=True)
Y = np.repeat(np.arange(3), 30)


def _score(x): return evaluate_embeddings(x, Y, shots=(1,), folds=2, methods=("knn1",))


@pytest.mark.parametrize("x, words", [
    (V[:, 1:], "whose rows look like AlphaEarth vectors less one band"),
    (V[:, :63].astype(np.float32), "63 wide"),
    (np.asarray(quantize(V.astype(np.float32)))[:, 1:], "int8 codes (-128..127) of the official product")])
def test_an_array_one_band_off_an_embedding_is_refused_naming_its_width(x, words):
    for call in (lambda: _score(x), lambda: knn_search(x[:40], x[40:], k=1), lambda: check_xy(x, Y)):
        with pytest.raises(DimensionError) as e: call()
        assert words in str(e.value) and "an embedding has 64 bands" in str(e.value), e.value
        assert f"an array {x.shape[1]} wide" in str(e.value), e.value


def test_all_64_bands_as_the_message_says_pass():
    with pytest.raises(DimensionError, match=r"pass all 64"): _score(V[:, 1:])
    assert len(_score(V)) == 1


def test_features_of_those_widths_that_are_no_embedding_pass():
    for x in (RNG.normal(size=(90, 63)), RNG.integers(0, 1000, (90, 63)), np.c_[np.arange(90.0), V]):
        assert len(_score(x)) == 1
    named = pd.DataFrame(V[:, 1:], columns=[f"f{i}" for i in range(63)])   # the way out the message names
    assert len(_score(named)) == 1 and knn_search(named.iloc[:40], named.iloc[40:], k=1)[0].shape == (50, 1)


def test_check_units_alone_says_what_bands_are_and_the_fix_runs():
    bands = ("B2", "B3", "B4", "B8", "B11", "B12")
    ds = xr.Dataset({b: ("i", RNG.uniform(0.01, 0.4, 500)) for b in bands})   # reflectance in 0..1
    with pytest.raises(UnitsError) as e: check_units("sentinel2", bands, [ds[b].values for b in bands])
    said = str(e.value)
    assert f"`bands = {list(bands)!r}`" in said and "`ds`: the Dataset of these values" in said, said
    fix = said.split("`")[1]
    assert fix == "ds[bands] * 1e4", said
    ns = {"ds": ds, "bands": list(bands)}; exec(f"ds[bands] = {fix}", ns)
    check_units("sentinel2", bands, [ns["ds"][b].values for b in bands])   # passes now


def test_check_units_alone_leaves_the_auxiliary_band_out():
    amp = {"VV": 10 ** (RNG.uniform(-20, -5, 800) / 20), "VH": 10 ** (RNG.uniform(-25, -12, 800) / 20),
           "angle": RNG.uniform(0.5, 0.8, 800)}
    with pytest.raises(UnitsError) as e: check_units("sentinel1", tuple(amp), list(amp.values()))
    assert "`bands = ['VV', 'VH']`" in str(e.value), e.value
