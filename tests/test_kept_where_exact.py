"""The class-share line's condition (`nodata.kept_where`) printed fill values rounded to 6 digits (`{f:g}`, s56 r2):
an int32 map with `_FillValue` 2147483647 got `m != 2.14748e+09`, which keeps the fill pixels, so the share of a class
came out 0.5 where it is 0.667 over the pixels with data. Now each fill is printed exactly and the line, followed,
drops them (int32 max and min, uint32 max, float32 min: GDAL's usual float no data)."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.nodata import kept_where


@pytest.mark.parametrize("dtype, fill", [("int32", 2147483647), ("int32", -2147483648), ("uint32", 4294967295),
                                         ("float32", float(np.finfo(np.float32).min)), ("uint8", 255)])
def test_the_printed_condition_drops_the_fill(dtype, fill):
    a = np.array([[1, 1, 0, fill]]).astype(dtype)   # class 1: 2 of the 3 pixels with data
    m = xr.DataArray(a, dims=("y", "x"), attrs={"_FillValue": fill})
    cond = kept_where(m)
    share = float((m == 1).where(eval(cond, {"m": m})).mean())
    assert share == pytest.approx(2 / 3), (cond, share)   # was 0.5 for all but uint8: `m != 2.14748e+09`
