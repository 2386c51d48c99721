"""`join_years` gives a cube whose `time` increases whatever order the maps come in, each map with its own year:
`join_years([cube, emb_2020])`, the fix `warn_missing_years` names for a cube of 2019, 2021, 2022 (1c7a4f2), fills
the gap in place. Was: the order given, [2019, 2021, 2022, 2020], which `cube.sel(time=slice('2019', '2021'))`
refuses (pandas' KeyError on a non-monotonic index) and every per-year result carried unsorted."""
import warnings

import numpy as np
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb import years
from alphaearth_nb.core import TimeWarning


def _map(seed, **attrs):
    v = np.random.default_rng(seed).normal(size=(3, 3, 64))
    v /= np.linalg.norm(v, axis=-1, keepdims=True)
    return xr.DataArray(v.astype("float32"), dims=("y", "x", "band"), attrs={"crs": "EPSG:32631", **attrs},
                        coords={"y": 5e6 - 10 * np.arange(3) - 5, "x": 5e5 + 10 * np.arange(3) + 5,
                                "band": aef.band_names()})


def test_maps_given_out_of_order_keep_their_years_in_increasing_time():
    a, b = _map(0), _map(1)
    cube = years.join_years([a, b], years=[2024, 2023])
    assert cube.time.dt.year.values.tolist() == [2023, 2024]
    np.testing.assert_array_equal(cube.sel(time="2024").squeeze("time").values, a.values)
    np.testing.assert_array_equal(cube.sel(time="2023").squeeze("time").values, b.values)


def test_the_named_fix_fills_the_gap_in_place():
    cube = years.join_years([_map(0), _map(1), _map(2)], years=[2019, 2021, 2022])
    with pytest.warns(TimeWarning, match=r"miss \[2020\].*join_years\(\[cube, emb_2020\]\)"):
        years.yearly_change(cube)
    emb_2020 = _map(3, period_start="2020-01-01")
    full = years.join_years([cube, emb_2020])
    assert full.time.dt.year.values.tolist() == [2019, 2020, 2021, 2022]
    np.testing.assert_array_equal(full.isel(time=1).values, emb_2020.values)
    assert full.sel(time=slice("2019", "2021")).sizes["time"] == 3
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        years.yearly_change(full)   # no year missing now
