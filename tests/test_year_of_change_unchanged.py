"""`yearly_change`'s `year_of_change` is NaN where no split separates a pixel's years: a pixel the same every year
(every split ties). Was: the cube's second year (the first split tried), as if a change in that year, though
`max_score` said none (review45). A pixel that changed keeps its year, a balanced step too (3 years one way, 3
another: `max_score` 1.28 (0.91 before s55's leave-one-out spread), so a threshold on it would hide that change); and nbs/24a_years' prose says what
`year_of_change` is, the first year of the changed state, not 'the year of the largest score' (stale since a95ebbf4)."""
import json
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import xarray as xr

import alphaearth_nb as aef


def _unit(v): return v / np.linalg.norm(v, axis=-1, keepdims=True)


def _cube(series):
    "A (len(series), 2, 2) cube: pixel (0, 0) follows `series` of 'a'/'b', the others 'a' every year."
    rng = np.random.default_rng(3)
    a = _unit(rng.normal(size=64))
    n = rng.normal(size=64)
    b = _unit(0.5 * a + np.sqrt(0.75) * _unit(n - (n @ a) * a))   # cos(a, b) = 0.5
    v = np.broadcast_to(a, (len(series), 2, 2, 64)).copy()
    for t, s in enumerate(series): v[t, 0, 0] = a if s == "a" else b
    return xr.DataArray(v.astype(np.float32), dims=("time", "y", "x", "band"), attrs={"crs": "EPSG:32631"},
                        coords={"time": pd.to_datetime([f"{2019 + t}-01-01" for t in range(len(series))]),
                                "y": [15.0, 5.0], "x": [5.0, 15.0], "band": aef.band_names()})


def _yc(cube):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return aef.cubes.yearly_change(cube)


def test_a_pixel_the_same_every_year_has_no_year_of_change():
    yc = _yc(_cube("aaaabb"))
    yoc = yc["year_of_change"].values
    assert np.isnan(yoc[0, 1]) and np.isnan(yoc[1, 0]) and np.isnan(yoc[1, 1])
    assert yoc[0, 0] == 2023
    assert float(yc["max_score"].values[1, 1]) < 1e-6


def test_int8_codes_the_same_every_year_have_none_either():
    cube = _cube("aaaaa")
    q = aef.quantize.quantize(cube.values)
    codes = cube.copy(data=np.asarray(q))
    assert np.isnan(_yc(codes)["year_of_change"].values).all()


def test_a_balanced_step_keeps_its_year():
    yc = _yc(_cube("aaabbb"))
    assert float(yc["year_of_change"].values[0, 0]) == 2022
    # by hand: d = 1 - 3.5 / sqrt(19) of a against 2a + 3b; the others' spread 1 - 3 / sqrt(12) (b against 2a + 2b,
    # the median of the five); d / (spread + 0.02) = 1.2797: why the rule is no threshold on max_score
    assert abs(float(yc["max_score"].values[0, 0]) - 1.2797236) < 1e-5


def test_the_years_notebook_says_what_year_of_change_is():
    nb = json.loads((Path(aef.__file__).parent.parent / "nbs/24a_years.ipynb").read_text())
    prose = "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    assert "the year of the largest score, and" not in prose
    assert "the first year of the pixel's changed state" in prose
