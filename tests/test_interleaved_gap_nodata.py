"""refuse_interleaved takes two neighbouring labels for one place only where they lie within check_same_grid's
allowance (a millionth of a pixel, or float32's rounding: what join_years, the fix it names, calls one grid), so a
cube selection with a gap of rows (rows 0..9 and 25..39: 10 m steps beside one of 160 m) whose one year has no data
in its two northern rows reads. Was (ab14d3f6): GridError 'the y labels 5000385.0 and 5000375.0, 10 apart (a pixel
is 160) ... and so do 0 more such pairs: one place under two labels' (review46)."""
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.core import GridError
from alphaearth_nb.same_grid import refuse_interleaved
from alphaearth_nb.testing import random_unit


def _cube():
    maps = [xr.DataArray(random_unit((40, 5), seed=s), dims=("y", "x", "band"), attrs={"crs": "EPSG:32631"},
                         coords={"y": 5_000_395.0 - 10 * np.arange(40), "x": 500_005.0 + 10 * np.arange(5),
                                 "band": aef.band_names()}) for s in (1, 2, 3)]
    maps[1][:2] = np.nan   # 2023: no data in the two northern rows (a tile's edge)
    return aef.cubes.join_years(maps, years=[2022, 2023, 2024])


def test_a_gap_of_rows_with_a_year_of_no_data_reads():
    sel = _cube().isel(y=np.r_[0:10, 25:40])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # NaN pixels said
        c = aef.change(sel.isel(time=0), sel.isel(time=1))
        out = aef.cubes.yearly_change(sel)
    assert np.isnan(c.values[:2]).all() and np.isfinite(c.values[2:]).all()
    assert dict(out["year_of_change"].sizes) == {"y": 25, "x": 5}
    refuse_interleaved(sel)   # nothing said


def test_an_interleaved_cube_is_still_refused_once_said():
    m = _cube().isel(time=0, y=slice(0, 4))
    j = m.assign_coords(y=m.y - 1e-6)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cube = xr.concat([m, j], "time", join="outer").assign_coords(time=pd.to_datetime(["2022", "2023"]))
    with pytest.raises(GridError) as e: refuse_interleaved(cube)
    msg = str(e.value)
    assert "one place under two labels" in msg and "more such pairs" in msg, msg   # 4 pairs: the first and 3 more
    with pytest.raises(GridError) as e: refuse_interleaved(cube.isel(y=[0, 1, 2]))   # rows 0, 0', 1: one pair
    assert "0 more" not in str(e.value) and "more such pairs" not in str(e.value), str(e.value)
