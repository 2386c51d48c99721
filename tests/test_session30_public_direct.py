"""Direct tests of three public functions session 30 added without a test of their own (each was reached only
through its callers): `gate.linear_as_codes` (99dd837), `places.coordinate_hint` (d84b414) and
`supervised.rows_by_year` (f60a033). Tests only: they pass on the main they were written against, as tests of
behaviour already there must."""
import re
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb import places
from alphaearth_nb.core import LabelError, LabelWarning, UnitsWarning
from alphaearth_nb.gate import linear_as_codes
from alphaearth_nb.quantize import dequantize, quantize
from alphaearth_nb.supervised import rows_by_year


def _unit(n, seed=0):
    v = np.random.default_rng(seed).normal(size=(n, 64))
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_linear_as_codes_gives_the_product_codes_of_the_directions():
    v = _unit(12)
    q = np.round(127 * v).astype(np.int8)
    with pytest.warns(UnitsWarning, match=r"12 of 12 row\(s\) are a linear scaling"):
        got = linear_as_codes(q, "row")
    assert got.dtype == np.int8
    want = quantize((q / np.linalg.norm(q.astype(np.float32), axis=1, keepdims=True)).astype(np.float32))
    np.testing.assert_array_equal(got, want)
    cos = (dequantize(got).astype(np.float64) * v).sum(1) / np.linalg.norm(dequantize(got), axis=1)
    assert cos.min() > 0.999
    with pytest.warns(UnitsWarning, match="12 of 12 row"):   # int16 alike
        np.testing.assert_array_equal(linear_as_codes(q.astype(np.int16), "row"), want)
    codes = quantize(v.astype(np.float32))   # the product's own codes, and floats: as given, no warning
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert linear_as_codes(codes) is codes
        f = v.astype(np.float32)
        assert linear_as_codes(f) is f


@pytest.mark.parametrize("cols,kind", [(["lon_dd", "lat_dd", "label"], "degrees"),
                                       (["Lat_WGS84", "Lon_WGS84", "label"], "degrees"),
                                       (["POINT_X", "POINT_Y", "label"], "projected"),
                                       (["Easting", "Northing", "label"], "projected")])
def test_coordinate_hint_names_a_rename_that_reads(cols, kind):
    hint = places.coordinate_hint(cols)
    code = re.search(r"`(df = df\.rename\(columns=\{.*?\}\))`", hint).group(1)
    df = pd.DataFrame({cols[0]: [2.0, 2.1], cols[1]: [48.0, 48.1], "label": [1, 2]})
    if kind == "projected": df[cols[0]], df[cols[1]] = [500_000.0, 500_100.0], [5_000_000.0, 5_000_100.0]
    ns = {"df": df}
    exec(code, ns)
    gdf = places.read_geometries(ns["df"], **({"crs": "EPSG:32631"} if kind == "projected" else {}))
    assert len(gdf) == 2 and gdf.crs is not None
    if kind == "projected": assert "crs=" in hint
    else: assert "longitude and latitude" in hint


def test_coordinate_hint_is_empty_without_coordinate_names():
    assert places.coordinate_hint(["label", "name", 3]) == ""


def test_rows_by_year_pairs_rows_with_the_cube_years():
    cube = xr.DataArray(np.zeros((2, 1, 1, 64), np.float32), dims=("time", "y", "x", "band"),
                        coords={"time": pd.to_datetime(["2021-01-01", "2022-01-01"]), "y": [5.0], "x": [5.0],
                                "band": aef.band_names()})
    t = pd.DataFrame({"x": [1.0, 2.0, 3.0], "y": [1.0, 2.0, 3.0], "label": [1, 2, 3], "year": [2022, 2021, 2022]})
    per = rows_by_year(cube, t)
    assert [p["label"].tolist() for p in per] == [[2], [1, 3]]
    assert rows_by_year(cube, t.drop(columns="year")) is None   # every year takes every row
    with pytest.warns(LabelWarning, match=r"labels of years \[2019\] are not years of the cube"):
        rows_by_year(cube, t.assign(year=[2022, 2021, 2019]))
    with pytest.raises(LabelError, match=r"no row for \[2021\]"):
        rows_by_year(cube, t.assign(year=2022))
