"""A cube's year without data is a no-data copy of another year's result (`per_year._fill_empty_years`); its attrs
are that result's, but a year attr (`change`'s `from_year`) that named that year names the filled year's own, so
years that differ are dropped as conflicting when stacked. Was: the other year's kept, so `change(cube, map)` of a
cube whose only year with data was 2024 said `from_year=2024` for all three years. The other attrs stay as a cube
without an empty year gives them (crs, method, the class map's nodata)."""
import warnings

import numpy as np
import pandas as pd
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.testing import embedding_from_array, random_unit

TIMES = pd.to_datetime(["2022-01-01", "2023-01-01", "2024-01-01"])


def _cube(maps):
    return xr.concat(maps, "time").assign_coords(time=TIMES)


def _quiet(f, *a, **k):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # the years without data, said
        return f(*a, **k)


def test_change_of_a_cube_with_one_year_of_data_names_no_one_year():
    m = embedding_from_array(random_unit((4, 5), seed=1))
    later = m.assign_coords(time=pd.Timestamp("2025-01-01"))
    c = _quiet(aef.change, _cube([m * np.nan, m * np.nan, m]), later)
    assert c.isel(time=[0, 1]).isnull().all() and float(np.nanmax(c.isel(time=2).values)) < 1e-6
    assert "from_year" not in c.attrs and c.attrs.get("to_year") == 2025, c.attrs


def test_the_other_attrs_are_those_of_a_cube_without_an_empty_year():
    m, n = (embedding_from_array(random_unit((4, 5), seed=s)) for s in (1, 2))
    lab = xr.DataArray((np.arange(20).reshape(4, 5) % 2).astype(np.int16), dims=("y", "x"), coords={"y": m.y, "x": m.x})
    for f in (lambda c: aef.similarity(c, m.values[0, 0]), lambda c: aef.classify(c, lab, k=1)):
        full, gap = f(_cube([m, n, m])), _quiet(f, _cube([m, n * np.nan, m]))
        assert gap.attrs == full.attrs, (gap.attrs, full.attrs)
        for k in getattr(full, "data_vars", {}):
            assert gap[k].attrs == full[k].attrs, (k, gap[k].attrs, full[k].attrs)
