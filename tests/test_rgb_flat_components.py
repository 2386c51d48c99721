"""rgb: identical vectors take one colour. A principal component without spread (a map of one or two distinct
official vectors, a uniform lake) is one value on every pixel. Was: the float32 rounding of the projections
(~1e-8) stretched to [0, 1], so a map of one vector took two colours, (0, 0, 1) and (0, 1, 0)."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.clusters import rgb
from alphaearth_nb.core import band_names


@pytest.fixture(scope="module")
def vectors(shared_data):
    "Three real official vectors (unit, on the int8 grid) of the Amazon samples."
    df = pd.read_csv(shared_data / "aef_samples" / "alphaearth_s1_dw_samples_amazon_forest_2024.csv", nrows=3)
    return df[band_names()].to_numpy(np.float32)


def _map(v, rows):  # a 9 x 10 map whose row i holds vector v[rows[i]]
    a = v[np.asarray(rows)][:, None, :].repeat(10, 1)
    return xr.DataArray(a, dims=("y", "x", "band"), coords={"y": 5.0 - np.arange(9.0), "x": np.arange(10.0),
                                                           "band": band_names()}, attrs={"crs": "EPSG:32631"})


def _colours(c):  # the distinct colours of a colour map, within 1e-6 (invisible; one 8-bit step is 4e-3)
    return np.unique(np.round(c.values.reshape(-1, 3), 6), axis=0)


@pytest.mark.parametrize("chunked", [False, True])
def test_one_vector_is_one_colour(vectors, chunked):
    m = _map(vectors, [0] * 9)
    c = rgb(m.chunk({"y": 2}) if chunked else m)
    assert len(_colours(c)) == 1   # was 2: (0, 0, 1) on 18 pixels, (0, 1, 0) on 72


def test_two_vectors_are_two_colours(vectors):
    rows = [1] * 4 + [0] * 5
    c = rgb(_map(vectors, rows)).values
    assert len(_colours(rgb(_map(vectors, rows)))) == 2   # was 4: the flat components' rounding coloured
    assert np.ptp(c[:4].reshape(-1, 3), 0).max() < 1e-6 and np.ptp(c[4:].reshape(-1, 3), 0).max() < 1e-6
    assert np.abs(c[0, 0] - c[8, 0]).max() == pytest.approx(1.0)   # the one real component still spans [0, 1]


def test_a_real_spread_is_still_stretched(vectors):
    c = rgb(_map(vectors, [0, 1, 2] * 3))
    assert len(_colours(c)) == 3
    assert float(c.min()) == 0.0 and float(c.max()) == 1.0
