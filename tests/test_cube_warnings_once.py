"""A cube's years read one label raster or table each: its warnings (negative class ids, points on pixels without
data, points of different labels at one pixel) are said once a call, dask-backed or not; two calls say them twice.
Was (82adc33e): once a year, the same words (two years: two LabelWarnings 'the label raster holds negative classes
other than -1 ...', two NoDataWarnings '1 of 5 labelled points lie on pixels without data'). Session 43: the rule
lives in analysis.over_time (each year's warnings recorded, each text said once a call; core.one_saying/unsaid gone),
so the gate's 'N of M pixels are not embedding vectors' of each year's map is said once too (was: once a year, 3 for
a 3-year cube on fd01040d); a year of other words says them too, and the user's filters still judge each."""
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr


from alphaearth_nb.geo import crs_of, write_crs
from alphaearth_nb.testing import embedding_from_array, random_unit, said
from alphaearth_nb.years import join_years


def _cube(dask):
    e = embedding_from_array(random_unit((6, 8), seed=2))
    e[2, 3] = np.nan
    c = join_years([e.assign_attrs(period_start=f"{y}-01-01") for y in (2022, 2023, 2024)])
    return e, (c.chunk({"y": 3}) if dask else c)


def _said(fn, text): return said(fn, holding=text)


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


def _zeros_cube(bad_pixels):
    "A 3-year cube of `xr.concat` (not gated on joining), pixel (1, j) all zero in year i for j < bad_pixels[i]."
    e = embedding_from_array(random_unit((6, 8), seed=2))
    maps = []
    for n in bad_pixels:
        m = e.copy(deep=True)
        m[1, :n] = 0.0   # all zero: no embedding vector
        maps.append(m)
    c = xr.concat(maps, dim="time").assign_coords(time=pd.to_datetime(["2022-01-01", "2023-01-01", "2024-01-01"]))
    lab = xr.DataArray(np.where(np.arange(48).reshape(6, 8) % 3 == 0, 1, 2), dims=("y", "x"), coords={"y": e.y, "x": e.x})
    return c.assign_attrs(e.attrs), write_crs(lab, crs_of(e))


def test_the_gates_words_once_a_call():
    cube, lab = _zeros_cube([1, 1, 1])
    said = _said(lambda: cube.aef.classify(lab, k=1), "are not embedding vectors")
    assert len(said) == 1 and said[0].startswith("1 of 48 pixels are not embedding vectors"), said
    cube, lab = _zeros_cube([1, 2, 1])   # other words in 2023: said too, each text once, in the order first said
    said = _said(lambda: cube.aef.classify(lab, k=1), "are not embedding vectors")
    assert [s.split(" are")[0] for s in said] == ["1 of 48 pixels", "2 of 48 pixels"], said


def test_the_users_filters_still_judge_them():
    from alphaearth_nb.core import NoDataWarning
    cube, lab = _zeros_cube([1, 1, 1])
    with warnings.catch_warnings():
        warnings.simplefilter("error", NoDataWarning)
        with pytest.raises(NoDataWarning, match="1 of 48 pixels are not embedding vectors"):
            cube.aef.classify(lab, k=1)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        warnings.filterwarnings("ignore", category=NoDataWarning)
        cube.aef.classify(lab, k=1)
    assert not [m for m in w if issubclass(m.category, NoDataWarning)], [str(m.message)[:60] for m in w]
