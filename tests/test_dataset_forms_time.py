"""The Dataset forms other readers hand the official product in, with their `time` dim, read alike by every face.

- odc-stac's `load` of one year (its 64 bands as variables `data.1`..`data.64`, or `band_1`..; dims (time, y, x) with
  one step, int8, nodata -128): `from_official(ds)` read it, but `ds.aef.similarity(...)` and every other map method
  (through `as_embedding`) raised DimensionError "extra dims ['time']", although the same Dataset with variables
  A00..A63 (xee's names) mapped. Right: one map, as `from_official` reads it (StackAccessor: the same answer).
- xee over several years: `ds.aef.explore()` and `Explorer(ds)` refused it as a one-map function, though the
  explorer takes the cube (a year picker; `aef.from_official(ds).aef.explore()` worked)."""
import importlib.util

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import band_names
from alphaearth_nb.embeddings import as_embedding, from_official
from alphaearth_nb.quantize import NODATA, dequantize, quantize
from alphaearth_nb.testing import fake_xee, random_unit

X = 500_005.0 + 10 * np.arange(6)
Y = 5_000_045.0 - 10 * np.arange(5)


def _odc(names):
    q = np.asarray(quantize(random_unit((5, 6), seed=8)), np.int8)
    q[0, 1] = NODATA
    ds = xr.Dataset({n: (("time", "y", "x"), q[None, ..., i], {"nodata": -128, "grid_mapping": "spatial_ref"})
                     for i, n in enumerate(names)},
                    coords={"time": pd.to_datetime(["2024-01-01"]), "y": Y, "x": X,
                            "spatial_ref": xr.Variable((), 0, {"crs_wkt": 'EPSG:32631', "spatial_ref": "EPSG:32631"})})
    return ds, np.asarray(dequantize(q), np.float32)


@pytest.mark.parametrize("names", [[f"data.{i}" for i in range(1, 65)], [f"band_{i}" for i in range(1, 65)]])
def test_one_year_of_band_variables_is_one_map(names):
    ds, want = _odc(names)
    before = {n: dict(ds[n].attrs) for n in names[:2]}
    e = as_embedding(ds)
    assert e.dims == ("y", "x", "band") and e.attrs.get("time", "").startswith("2024-01-01")
    np.testing.assert_allclose(e.values, want, atol=1e-7)
    np.testing.assert_array_equal(e.values, from_official(ds).values)
    s = ds.aef.similarity(want[2, 3])
    assert s.dims == ("y", "x") and s.values[2, 3] == pytest.approx(1.0, abs=1e-6) and np.isnan(s.values[0, 1])
    np.testing.assert_array_equal(s.values, from_official(ds).aef.similarity(want[2, 3]).values)
    assert ds.aef.cluster(2)["cluster"].dims == ("y", "x")
    assert {n: dict(ds[n].attrs) for n in names[:2]} == before   # the user's Dataset untouched


@pytest.mark.skipif(importlib.util.find_spec("ipyleaflet") is None, reason="needs the maps extra (ipyleaflet)")
def test_explorer_takes_xee_over_years():
    from alphaearth_nb.explorer import Explorer
    v = random_unit((2, 5, 6), seed=9)
    ds = fake_xee({b: v[..., i] for i, b in enumerate(band_names())}, ["2023-01-01", "2024-01-01"], X, Y)
    for ex in (Explorer(ds, basemaps=False), ds.aef.explore(basemaps=False)):
        assert [str(t)[:4] for t in ex.times] == ["2023", "2024"]
        ex.set_year(1)
        ex.click(X[3], Y[2], "query", crs="EPSG:32631")
        np.testing.assert_allclose(ex.query / np.linalg.norm(ex.query), v[1, 2, 3], atol=1e-6)


def test_years_of_band_variables_are_a_cube():
    """odc-stac's load over several years (variables data.1..data.64, one image a year): `from_official` read its
    cube, but `ds.aef.similarity(...)` raised "extra dims ['time']: select one" and `ds.aef.yearly_change()` 'needs a
    cube with a `time` dim' (it has one). Right: the cube, year by year, as for xee's A00..A63."""
    parts = []
    for k, year in enumerate(("2023", "2024", "2025")):
        ds, _ = _odc([f"data.{i}" for i in range(1, 65)])
        parts.append(ds.assign_coords(time=pd.to_datetime([f"{year}-01-01"])) if k != 1 else
                     ds.assign_coords(time=pd.to_datetime([f"{year}-01-01"])).map(lambda v: -v if v.ndim == 3 else v))
    ds = xr.concat(parts, "time")
    cube = from_official(ds)
    s = ds.aef.similarity(cube.values[0, 2, 3])
    assert s.dims == ("time", "y", "x") and s.values[0, 2, 3] == pytest.approx(1.0, abs=1e-6)
    np.testing.assert_array_equal(s.values, cube.aef.similarity(cube.values[0, 2, 3]).values)
    ch = ds.aef.yearly_change()
    assert ch.sizes["time"] == 3
