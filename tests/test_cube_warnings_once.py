"""A cube's years read one label raster or table each: its warnings (negative class ids, points on pixels without
data, points of different labels at one pixel) are said once a call, dask-backed or not; two calls say them twice.
Was (82adc33e): once a year, the same words (two years: two LabelWarnings 'the label raster holds negative classes
other than -1 ...', two NoDataWarnings '1 of 5 labelled points lie on pixels without data')."""
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr


from alphaearth_nb.geo import crs_of, write_crs
from alphaearth_nb.testing import embedding_from_array, random_unit
from alphaearth_nb.years import join_years


def _cube(dask):
    e = embedding_from_array(random_unit((6, 8), seed=2))
    e[2, 3] = np.nan
    c = join_years([e.assign_attrs(period_start=f"{y}-01-01") for y in (2022, 2023, 2024)])
    return e, (c.chunk({"y": 3}) if dask else c)


def _said(fn, text):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        fn()
    return [str(m.message) for m in w if text in str(m.message)]


@pytest.mark.parametrize("dask", [False, True])
def test_a_rasters_negative_ids_once_a_call(dask):
    e, cube = _cube(dask)
    lab = xr.DataArray(np.where(np.arange(48).reshape(6, 8) % 3 == 0, 1, 2), dims=("y", "x"),
                       coords={"y": e.y, "x": e.x})
    lab[0, 0] = -2
    lab = write_crs(lab, crs_of(e))
    assert len(_said(lambda: cube.aef.classify(lab, k=1), "negative classes other than -1")) == 1
    assert len(_said(lambda: (cube.aef.classify(lab, k=1), cube.aef.classify(lab, k=1)),
                     "negative classes other than -1")) == 2   # once a call


@pytest.mark.parametrize("dask", [False, True])
def test_a_tables_warnings_once_a_call(dask):
    e, cube = _cube(dask)
    pts = pd.DataFrame({"x": e.x.values[[3, 5, 6, 7, 1, 1]], "y": e.y.values[[2, 1, 4, 5, 1, 1]],
                        "label": [1, 1, 2, 1, 1, 2]})   # one on the NaN pixel; two labels at pixel (1, 1)
    assert len(_said(lambda: cube.aef.classify(pts, k=1), "lie on pixels without data")) == 1
    assert len(_said(lambda: cube.aef.classify(pts, k=1), "points with different labels")) == 1
    one = cube.isel(time=0)
    assert len(_said(lambda: (one.aef.classify(pts, k=1), one.aef.classify(pts, k=1)), "lie on pixels without data")) == 2
