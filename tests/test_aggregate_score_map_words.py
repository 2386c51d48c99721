"""`chg.aef.aggregate(fields)` of a change (or similarity) map was refused with an embedding's words (f65dc79a); session
54 said what the map is and printed a rioxarray line for its mean per zone, which raised NoDataInBounds for a zone
holding no pixel centre and ignored coverage="area". Session 55: `aggregate` reduces a map of float scores itself
(`zone_areas.score_map`): a column named by the map (`change`, `change_mean`/`_std`, `change_p10` ..), the same zones,
rules and `n_pixels` as for embeddings (a zone smaller than a pixel: its pixel). A class map's integer ids have no
mean: refused, naming the 0/1 map per class whose mean is the class's share, a line that runs."""
import warnings

import numpy as np
import pytest

gpd = pytest.importorskip("geopandas")
from shapely.geometry import box

import alphaearth_nb as aef
from alphaearth_nb.core import DimensionError
from alphaearth_nb.testing import embedding_from_array, random_unit

E, F = (embedding_from_array(random_unit((6, 8), seed=s)) for s in (1, 2))
X, Y = float(E.x[0]) - 5, float(E.y[0]) + 5   # the map's north-west corner


def _zones():
    return gpd.GeoDataFrame({"name": ["field", "gps"]}, crs=E.attrs["crs"],
                            geometry=[box(X, Y - 40, X + 40, Y), box(X + 21, Y - 39, X + 23, Y - 37)])   # 4 x 4; 2 m


def _agg(m, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return m.aef.aggregate(_zones(), **kw)


@pytest.mark.parametrize("coverage", ["centre", "area"])
def test_a_score_maps_values_per_zone(coverage):
    if coverage == "area": pytest.importorskip("exactextract")
    m = aef.change(E, F)
    got = _agg(m, coverage=coverage)                                          # was a DimensionError
    assert list(got.columns[-3:]) == ["n_pixels", "fraction_on_map", "change"] and got["n_pixels"].tolist() == [16, 1]
    np.testing.assert_allclose(got["change"], [float(m.isel(y=slice(0, 4), x=slice(0, 4)).mean()), float(m.isel(y=3, x=2))],
                               rtol=1e-5)
    sd = _agg(m, how="mean_std", coverage=coverage)
    assert sd["change_std"].iloc[0] == pytest.approx(float(m.isel(y=slice(0, 4), x=slice(0, 4)).std()), rel=1e-4)
    sim = aef.similarity(E, E.values[1, 2])
    assert list(_agg(sim, how="percentiles", q=(50,)).columns[-1:]) == ["similarity_p50"]


def test_a_class_map_is_refused_with_a_share_line_that_runs():
    pts = {"x": E.x.values[[0, 1, 5, 6]], "y": E.y.values[[0, 1, 4, 5]], "label": list("aabb")}
    import pandas as pd
    m = aef.classify(E, pd.DataFrame(pts), column="label", k=1)["class"]
    with pytest.raises(DimensionError) as err: _agg(m)
    said = str(err.value)
    assert "have no mean" in said and "aef.embed(...)" not in said, said
    line = said.split("0/1 map, `")[1].split("`")[0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = eval(line, {"aef": aef, "m": m, "c": int(m.values[0, 0]), "zones": _zones()})
    want = float((m.isel(y=slice(0, 4), x=slice(0, 4)) == int(m.values[0, 0])).mean())
    assert got.iloc[0, -1] == pytest.approx(want)


def test_a_class_map_read_back_as_floats_is_still_no_score():
    pts = {"x": E.x.values[[0, 1, 5, 6]], "y": E.y.values[[0, 1, 4, 5]], "label": list("aabb")}
    import pandas as pd
    m = aef.classify(E, pd.DataFrame(pts), column="label", k=1)["class"]
    for f in (m.astype("float32"), m.astype("float32").assign_attrs(measure=None, class_names=["a", "b"])):
        with pytest.raises(DimensionError, match="have no mean"): _agg(f)   # not a mean of class ids


def test_whole_number_floats_that_say_no_measure_are_not_averaged():
    """A land-cover GeoTIFF of ids 10/20/30 read with masked=True is float with no attrs: its mean per zone (ids
    averaged, 20 for a half 10 half 30 field) was returned as a score (s55 r2 #9). Now refused, naming each class's
    share, a line that runs; `measure='amount'` (heights, counts) is averaged; 0/1 masks and real scores as before."""
    import xarray as xr
    ids = np.where(np.arange(8)[None, :] < 2, 10.0, 30.0) * np.ones((6, 1))
    ids[5, 7] = np.nan
    m = xr.DataArray(ids.astype("float32"), dims=("y", "x"), coords={"y": E.y, "x": E.x}, attrs={"crs": E.attrs["crs"]})
    with pytest.raises(DimensionError, match="whole numbers only") as err: _agg(m)
    said = str(err.value)
    assert "10, 30" in said, said
    line = said.split("0/1 map, `")[1].split("`")[0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = eval(line, {"aef": aef, "m": m, "c": 10, "zones": _zones()})
    assert got["n_pixels"].iloc[0] == 16 and got.iloc[0, -1] == pytest.approx(0.5)   # 2 of the field's 4 columns
    amount = _agg(m.assign_attrs(measure="amount"))
    assert amount.iloc[0, -1] == pytest.approx(20.0)
    assert _agg(m == 10).iloc[0, -1] == pytest.approx(0.5)   # a mask of bools: its share (refused before)


def test_a_float_map_of_0_and_1_that_says_no_measure_is_said_to_be_read_as_a_mask():
    """Two cluster ids 0 and 1 as floats (`kmeans` of two, read back with masked=True) were averaged as a 0/1 mask:
    cluster 1's share, right, but unsaid, and cluster 0's share nowhere (s56 ra). Now said, with the other share and
    the attrs that mark a share; a mask of bools or one that says `measure='share'` is quiet."""
    import xarray as xr
    ids = (np.arange(8)[None, :] >= 2) * np.ones((6, 1))
    m = xr.DataArray(ids.astype("float32"), dims=("y", "x"), coords={"y": E.y, "x": E.x}, attrs={"crs": E.attrs["crs"]})
    with pytest.warns(aef.core.UnitsWarning, match=r"0 and 1 only.*read as a 0/1 mask: each zone's value is the share of "
                                                   r"its pixels at 1.*cluster 0's is 1 minus it.*measure='share'"):
        got = m.aef.aggregate(_zones())
    assert got.iloc[0, -1] == pytest.approx(0.5)
    with warnings.catch_warnings():
        warnings.simplefilter("error", aef.core.UnitsWarning)
        (m == 1).aef.aggregate(_zones())
        m.assign_attrs(measure="share").aef.aggregate(_zones())
        (m * 0.5 + 0.25).aef.aggregate(_zones())   # scores: no mask
