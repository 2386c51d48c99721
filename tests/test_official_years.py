"""The official product opened with xee over several years (variables A00..A63 over (time, X, Y) or (time, lon, lat),
one image per year, as xee >= 0.1 opens GOOGLE/SATELLITE_EMBEDDING/V1/ANNUAL) given to the mapping functions."""
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.core import DimensionError, band_names
from alphaearth_nb.testing import fake_xee

YEARS = ["2022-01-01", "2023-01-01", "2024-01-01"]


def _years(layout):
    v = np.random.default_rng(0).normal(size=(3, 6, 7, 64))
    v /= np.linalg.norm(v, axis=-1, keepdims=True)
    if layout == "v0": x, y, crs = 500005 + 10.0 * np.arange(7), 5000095 - 10.0 * np.arange(6), "EPSG:32631"
    else: x, y, crs = 6.0 + 1e-4 * np.arange(7), 45.0 - 1e-4 * np.arange(6), "EPSG:4326"
    return fake_xee({b: v[..., i] for i, b in enumerate(band_names())}, YEARS, x, y, layout=layout, crs=crs)


def _same(a, b, name):
    if isinstance(a, pd.DataFrame):
        assert sorted(set(a["year"])) == [2022, 2023, 2024], name
        return pd.testing.assert_frame_equal(a, b, obj=name)
    assert "time" in a.dims, name                                        # every year mapped
    for v in (a.data_vars if isinstance(a, xr.Dataset) else [None]):
        av, bv = (a, b) if v is None else (a[v], b[v])
        assert av.dims == bv.dims, name
        np.testing.assert_allclose(av.values.astype(float), bv.values.astype(float), atol=1e-6, err_msg=name)


@pytest.mark.parametrize("layout", ["v0", "deg"])
def test_functions_that_map_a_cube_answer_on_several_years_as_on_its_cube(layout):
    """similarity, change, classify, regress, cluster, rgb, coarsen, sample, validate and yearly_change map a cube
    (time, y, x, band) year by year elsewhere: on the Dataset, free function and `ds.aef.X` alike, they answer as on
    `aef.from_official(ds)`. Was: DimensionError 'this official product holds 3 years: select one ... or take the cube
    ... `aef.from_official(ds)`' from every one of them."""
    ds = _years(layout)
    cube = aef.from_official(ds)
    px, py = float(cube.x[2]), float(cube.y[3])
    pts = pd.DataFrame({"x": cube.x.values[1:5], "y": cube.y.values[1:5], "label": ["a", "b", "a", "b"],
                        "value": [1.0, 2.0, 3.0, 4.0]})
    calls = {"similarity": ((px, py),), "change": (cube.isel(time=[0, 0, 0]).assign_coords(time=cube.time),),
             "classify": (pts,), "regress": (pts,), "cluster": (2,), "rgb": (), "coarsen": (2,),
             "sample": (([px], [py]),), "validate": (), "yearly_change": ()}
    from alphaearth_nb import analysis, cubes, embeddings
    free = {"validate": embeddings.validate_embedding} | {n: getattr(cubes, n) for n in ("coarsen", "sample", "yearly_change")}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, args in calls.items():
            want = getattr(cube.aef, name)(*args)
            _same(getattr(ds.aef, name)(*args), want, f"ds.aef.{name}")
            _same((free.get(name) or getattr(analysis, name))(ds, *args), want, f"aef.{name}(ds)")
    assert ds.aef.similarity((px, py)).sel(x=px, y=py).values.tolist() == pytest.approx([1, 1, 1], abs=1e-6)
    import matplotlib.pyplot as plt
    assert [a.get_title() for a in ds.aef.plot()] == ["2022", "2023", "2024"]   # a panel per year, as a cube's
    plt.close("all")


@pytest.mark.parametrize("layout", ["v0", "deg"])
def test_one_map_functions_name_the_year_selection_and_the_cube_call(layout):
    """What takes one map only (`.aef.embedding`, quantize, dequantize: refused on a cube too) keeps its refusal, now
    naming the call that works on one of the Dataset's years, `ds.sel(time='2024').aef.quantize(...)`, and the years
    held; `as_embedding(ds)` names the selection and the cube. Was: 'select one, e.g. `ds.sel(time='2024')`, or take
    the cube ..., `aef.from_official(ds)`', though the cube is refused by quantize as well."""
    ds = _years(layout)
    for name in ("quantize", "dequantize"):
        with pytest.raises(DimensionError, match=r"ds\.sel\(time='2024'\)\.aef\.%s\(" % name) as e:
            getattr(ds.aef, name)()
        assert "2022, 2023, 2024" in str(e.value) and "from_official(ds).aef" not in str(e.value)
    with pytest.raises(DimensionError, match=r"ds\.sel\(time='2024'\)\.aef\.embedding"):
        ds.aef.embedding
    with pytest.raises(DimensionError, match=r"ds\.sel\(time='2024'\).*aef\.from_official\(ds\)") as e:
        aef.embeddings.as_embedding(ds)
    assert "2022, 2023, 2024" in str(e.value)
    one = ds.sel(time="2024")                                     # the selection it names works
    np.testing.assert_array_equal(one.aef.quantize().values, aef.from_official(one).aef.quantize().values)
