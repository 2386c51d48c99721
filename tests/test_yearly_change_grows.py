"""`yearly_change`'s score grows with the change for any number of years (newcomer s55 finding 3). Was: each year's
spread was the median of the other years' distances computed *with* that year in their means, so the scored year's
own pull sat in its scale (as a z-score's std holds the point it scores: at most (n - 1) / sqrt(n), Shiffler 1988).
Three years a, a, b with cos(a, b) = c scored b at (1 - c) / (1 - sqrt((1 + c) / 2) + 0.02): at most 3.27, falling
for larger changes (2.79 at c = -0.6), NaN for b = -a; tutorial 02 thresholded `max_score > 3` at the cap. Now the
spread leaves the scored year out (the other years' distances among themselves): b scores (1 - c) / 0.02."""
import json
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import xarray as xr

import alphaearth_nb as aef

COS = [0.99, 0.9, 0.6, 0.3, 0.0, -0.3, -0.6, -1.0]


def _pair(c, seed=0):
    rng = np.random.default_rng(seed)
    a = rng.normal(size=64); a /= np.linalg.norm(a)
    o = rng.normal(size=64); o -= o @ a * a; o /= np.linalg.norm(o)
    return a, c * a + np.sqrt(max(1 - c * c, 0.0)) * o


def _cube(series):
    "One pixel per cosine of COS (columns), its years following `series` of 'a'/'b'."
    v = np.zeros((len(series), 1, len(COS), 64))
    for j, c in enumerate(COS):
        a, b = _pair(c)
        for t, s in enumerate(series): v[t, 0, j] = a if s == "a" else b
    return xr.DataArray(v.astype(np.float32), dims=("time", "y", "x", "band"), attrs={"crs": "EPSG:32631"},
                        coords={"time": pd.to_datetime([f"{2022 + t}-01-01" for t in range(len(series))]),
                                "y": [5.0], "x": 5.0 + 10 * np.arange(len(COS)), "band": aef.band_names()})


def _yc(cube):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return aef.years.yearly_change(cube).compute()


@pytest.mark.parametrize("series,year", [("aab", 2024), ("aba", 2023)])
def test_three_years_score_the_change_over_the_floor(series, year):
    yc = _yc(_cube(series))
    top = yc.max_score.values[0]
    # by hand: b against a, a (mean a): distance 1 - c; a and a among themselves: spread 0; score (1 - c) / 0.02
    np.testing.assert_allclose(top, (1 - np.array(COS)) / 0.02, rtol=1e-5)
    assert (np.diff(top) > 0).all() and top[-1] == pytest.approx(100)   # grows with the change; opposite: 100
    assert (yc.year_of_change.values[0] == year).all()   # b = -a too (was NaN: no split)
    assert np.isfinite(yc.score.values).all() and np.isfinite(yc.distance.values).all()


def test_the_unchanged_years_score_against_the_pair_with_the_changed_one():
    yc = _yc(_cube("aab"))
    c = np.array(COS)
    # an a year: distance to unit(a + b) is 1 - sqrt((1 + c) / 2) (1 where a + b = 0); spread: the other a and b
    # against each other, 1 - c
    d = np.where(c > -1, 1 - np.sqrt((1 + c) / 2), 1.0)
    np.testing.assert_allclose(yc.score.values[0, 0], d / (1 - c + 0.02), rtol=1e-4, atol=1e-6)
    assert (yc.score.values[0, 0] < 1).all()


@pytest.mark.parametrize("n", [4, 5, 7])
def test_more_years_grow_too(n):
    top = _yc(_cube("a" * (n - 1) + "b")).max_score.values[0]
    np.testing.assert_allclose(top, (1 - np.array(COS)) / 0.02, rtol=1e-5)


def test_a_pixel_with_two_years_of_data_scores_its_distance_over_the_floor():
    cube = _cube("aab")
    cube[0, 0, 2] = np.nan   # the 2022 of the pixel with c = 0.6: 2023 (a) and 2024 (b) left
    s = _yc(cube).score.values[:, 0, 2]
    assert np.isnan(s[0]) and s[1:] == pytest.approx([0.4 / 0.02] * 2, rel=1e-5)   # was 0.4 / 0.42 each


def test_tutorial_thresholds_a_score_the_change_can_pass():
    nb = json.loads((Path(aef.__file__).parent.parent / "nbs/tutorials/02_official_embeddings.ipynb").read_text())
    code = "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    assert "max_score > 3" not in code and "max_score > 5" in code
