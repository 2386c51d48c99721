"""The no-data values a label or target warning offers to declare or drop are written exactly: int32's -2147483648
and 2147483647, float32's largest. Was `:g`: '-2.14748e+09', '2.14748e+09', '-3.40282e+38', fixes that matched no
cell (`labels.attrs['_FillValue'] = -2.14748e+09` left the pixels in; `df[df['value'] != -3.40282e+38]` kept the rows)."""
import re
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import LabelWarning
from alphaearth_nb.labels import labelled_cells
from alphaearth_nb.linear import warn_fill_values


def _said(fn, *a):
    with pytest.warns(LabelWarning) as got: fn(*a)
    return " ".join(str(w.message) for w in got)


def test_int32_negative_fill_declared_as_said_silences():
    lab = xr.DataArray(np.array([[0, 1, -2147483648], [1, 0, -2147483648]], np.int32), dims=("y", "x"))
    said = _said(labelled_cells, lab)
    v = re.search(r"_FillValue'\] = (\S+)`", said)[1]
    assert v == "-2147483648" and "-2147483648 (2 pixels)" in said, said
    lab.attrs["_FillValue"] = eval(v)   # the fix as written
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert labelled_cells(lab).sum() == 4


def test_int32_target_fill_declared_as_said():
    v = np.r_[np.arange(20), [2147483647] * 3].astype(np.int32)
    said = _said(warn_fill_values, v, xr.DataArray(v))
    assert "`targets.attrs['nodata'] = 2147483647`" in said and said.startswith("target value 2147483647 holds"), said


def test_float32_table_fill_dropped_as_said():
    df = pd.DataFrame(dict(value=np.r_[np.linspace(0, 30, 20), [-3.4028235e38] * 3].astype(np.float32)))
    said = _said(warn_fill_values, df["value"].to_numpy(np.float64), df)
    line = re.search(r"`(df = df\[.*?\])`", said)[1]
    scope = dict(df=df)
    exec(line, scope)   # the fix as written drops the three rows
    assert len(scope["df"]) == 20, (line, said)
