"""Points and geometries in the wrong CRS, one rule and advice that works at every door (s33 crs):
1. a GeoDataFrame whose CRS label is wrong (UTM metres labelled EPSG:4326, lon/lat labelled the map's UTM zone) is a
   GridError naming `gdf.set_crs(<the CRS that puts them on the map>, allow_override=True)`, not "pass `crs=`" (which
   a GeoDataFrame's own CRS refuses): sample, training_set, classify, aggregate, label_table, similarity;
2. feet given as metres (a factor 3.2808: US survey or international feet), and a map in feet, are named with the
   fix (the CRS in feet, EPSG:2263 for NY Long Island's EPSG:32118, or the scaling);
3. points in the map's CRS (or lon/lat) without `crs=`: read so without a word at every door (was: sample's arrays
   and x/y tables in lon/lat warned, similarity and training_set did not); where both readings hold, a warning at
   every door."""
import warnings

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb import cubes
from alphaearth_nb.analysis import classify, similarity, training_set
from alphaearth_nb.core import GridError, GridWarning, LabelError, NoDataWarning, PointError
from alphaearth_nb.geo import grid_coords, to_crs
from alphaearth_nb.places import sample
from alphaearth_nb.testing import embedding_from_array, random_unit

gpd = pytest.importorskip("geopandas")
BANDS = [f"A{i:02d}" for i in range(64)]
FT_US, FT = 1200 / 3937, 0.3048   # metres per foot


def utm_map():
    "A 10 x 10 map at 10 m in UTM 31N near Paris; pixels (2, 3) and (7, 6) in map metres and in lon/lat."
    (x,), (y,) = to_crs([2.347], [48.853], "EPSG:4326", "EPSG:32631")
    e = embedding_from_array(random_unit((10, 10), seed=3), coords=grid_coords(10, 10, x0=round(x) - 45.0, y0=round(y) + 45.0))
    xs, ys = e.x.values[[3, 6]].astype(float), e.y.values[[2, 7]].astype(float)
    lon, lat = to_crs(xs, ys, "EPSG:32631", "EPSG:4326")
    return e, (xs, ys), (lon, lat)


def gdf(xs, ys, crs, label=(1, 2)):
    return gpd.GeoDataFrame({"label": list(label)}, geometry=gpd.points_from_xy(xs, ys), crs=crs)


def doors(e, g):
    "Every door that reads points or zones that say their own CRS, on map `e`."
    return {"sample": lambda: sample(e, g), "training_set": lambda: training_set(e, g),
            "classify": lambda: classify(e, g, k=1), "label_table": lambda: cubes.label_table(e, g),
            "aggregate": lambda: cubes.aggregate(e, g, buffer=10), "similarity": lambda: similarity(e, g.iloc[[0]])}


@pytest.mark.parametrize("case", ["metres labelled EPSG:4326", "lon/lat labelled the map's zone"])
def test_a_wrong_label_names_set_crs_not_crs_at_every_door(case):
    e, (xs, ys), (lon, lat) = utm_map()
    wrong, right = ((gdf(xs, ys, "EPSG:4326"), "EPSG:32631") if case.startswith("metres") else
                    (gdf(lon, lat, "EPSG:32631"), "EPSG:4326"))
    fix = f"gdf = gdf.set_crs('{right}', allow_override=True)"
    for name, f in doors(e, wrong).items():
        with pytest.raises(GridError) as err:
            f()
        assert fix in str(err.value), (name, str(err.value))
        assert "pass `crs=" not in str(err.value) and "(`crs=`)" not in str(err.value), name
    fixed = wrong.set_crs(right, allow_override=True)                      # the fix as named: the right pixels
    s = sample(e, fixed)
    np.testing.assert_allclose(s[BANDS].to_numpy(), e.values[[2, 7], [3, 6]], rtol=1e-6)
    X, v = training_set(e, fixed)
    np.testing.assert_allclose(X, e.values[[2, 7], [3, 6]], rtol=1e-6); assert v.tolist() == [1, 2]
    assert float(similarity(e, fixed.iloc[[0]]).isel(y=2, x=3)) == pytest.approx(1.0, abs=1e-6)


def test_a_right_label_off_the_map_says_relabel_or_elsewhere_never_crs():
    "A GeoDataFrame really off the map: every door names its own label's check (set_crs), never `crs=` (refused)."
    e, (xs, ys), (lon, lat) = utm_map()
    bad = ("pass `crs=", "(`crs=`)", "`crs=...`")
    for far in (gdf(xs + 5e4, ys, "EPSG:32631"), gdf(lon + 1.0, lat, "EPSG:4326")):   # 50 km east; 1 degree east
        with pytest.warns(NoDataWarning, match=r"set_crs\(.*allow_override=True\)") as w:
            s = sample(e, far)
        assert not s["inside"].any() and not any(b in str(m.message) for m in w for b in bad)
        with pytest.warns(NoDataWarning, match=r"set_crs\(.*allow_override=True\)") as w:
            cubes.aggregate(e, far, buffer=1)
        assert not any(b in str(m.message) for m in w for b in bad)
        for f, err in ((lambda: training_set(e, far), LabelError), (lambda: similarity(e, far.iloc[[0]]), PointError)):
            with pytest.raises(err, match=r"set_crs\(<their CRS>, allow_override=True\)") as ex:
                f()
            assert not any(b in str(ex.value) for b in bad), str(ex.value)
        assert far.crs.to_string() in str(ex.value)                         # the label named is its own


def test_feet_given_as_metres_are_named_with_the_factor_and_fix():
    e, (xs, ys), _ = utm_map()
    for f, name in ((FT_US, "US survey feet"), (FT, "international feet")):
        with pytest.warns(NoDataWarning, match=rf"{name} \(x {f:.7g} m\).*a factor 3\.2808.*`x \* {f!r}, y \* {f!r}`"):
            s = sample(e, pd.DataFrame({"x": xs / f, "y": ys / f}), crs="EPSG:32631")
        assert not s["inside"].any()
        with pytest.raises(PointError, match=rf"{name}.*factor 3\.2808"):
            similarity(e, (xs[0] / f, ys[0] / f))
        with pytest.raises(LabelError, match=rf"{name}.*factor 3\.2808"):
            training_set(e, pd.DataFrame({"x": xs / f, "y": ys / f, "label": [1, 2]}), crs="EPSG:32631")
        s = sample(e, pd.DataFrame({"x": xs / f * f, "y": ys / f * f}), crs="EPSG:32631")   # the fix as named
        np.testing.assert_allclose(s[BANDS].to_numpy(), e.values[[2, 7], [3, 6]], rtol=1e-6)


def test_state_plane_feet_labelled_metres_name_the_feet_crs():
    "NY Long Island: EPSG:32118 (metres), its twin in US survey feet EPSG:2263; a map in metres near Manhattan."
    (x,), (y,) = to_crs([-73.95], [40.75], "EPSG:4326", "EPSG:32118")
    e = embedding_from_array(random_unit((8, 8), seed=4), coords=grid_coords(8, 8, x0=round(x), y0=round(y)),
                             crs="EPSG:32118")
    px, py = e.x.values[[1, 5]].astype(float), e.y.values[[2, 6]].astype(float)
    fx, fy = to_crs(px, py, "EPSG:32118", "EPSG:2263")                     # the same points in feet
    with pytest.raises(GridError, match=r"gdf = gdf.set_crs\('EPSG:2263', allow_override=True\)"):
        sample(e, gdf(fx, fy, "EPSG:32118"))                                 # feet under the metre label
    with pytest.warns(NoDataWarning, match=r"pass `crs='EPSG:2263'`"):
        sample(e, pd.DataFrame({"x": fx, "y": fy}), crs="EPSG:32118")
    s = sample(e, pd.DataFrame({"x": fx, "y": fy}), crs="EPSG:2263")        # the fix as named
    np.testing.assert_allclose(s[BANDS].to_numpy(), e.values[[2, 6], [1, 5]], rtol=1e-6)


def test_a_map_in_feet_is_named_with_its_scaling():
    e, (xs, ys), (lon, lat) = utm_map()
    ft = e.assign_coords(x=e.x / FT_US, y=e.y / FT_US)                      # metres' CRS, coordinates in feet
    with pytest.warns(NoDataWarning, match=r"map's coordinates look like US survey feet.*emb.assign_coords\(x=emb.x \*"):
        sample(ft, (lon, lat))
    back = ft.assign_coords(x=ft.x * FT_US, y=ft.y * FT_US)                 # the fix as named
    np.testing.assert_allclose(sample(back, (lon, lat))[BANDS].to_numpy(), e.values[[2, 7], [3, 6]], rtol=1e-6)


@pytest.mark.parametrize("reading", ["map metres", "lon/lat"])
def test_one_reading_on_the_map_is_read_so_without_a_word_at_every_door(reading):
    e, (xs, ys), (lon, lat) = utm_map()
    px, py = (xs, ys) if reading == "map metres" else (lon, lat)
    t = pd.DataFrame({"x": px, "y": py, "label": [1, 2]})
    want = e.values[[2, 7], [3, 6]]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for got in (sample(e, t)[BANDS].to_numpy(), sample(e, (px, py))[BANDS].to_numpy(), training_set(e, t)[0],
                    cubes.aggregate(e, t, buffer=1)[BANDS].to_numpy()):
            np.testing.assert_allclose(got, want, rtol=1e-6)
        np.testing.assert_allclose(sample(e, (px[0], py[0]))[BANDS].to_numpy(), want[:1], rtol=1e-6)
        assert float(similarity(e, (px[0], py[0])).isel(y=2, x=3)) == pytest.approx(1.0, abs=1e-6)
        assert cubes.label_table(e, t)["label"].tolist() == [1, 2]
        classify(e, t, k=1)


def test_where_both_readings_hold_every_door_warns():
    "A Web Mercator map within 180 m of (0, 0): (0.001, 0.001) lies on it as metres and as degrees (111 m)."
    e = embedding_from_array(random_unit((40, 40), seed=5), coords=grid_coords(40, 40, x0=-195.0, y0=195.0),
                             crs="EPSG:3857")
    p = (0.001, 0.001)
    t = pd.DataFrame({"x": [p[0]], "y": [p[1]], "label": [1]})
    for f in (lambda: sample(e, p), lambda: sample(e, t), lambda: similarity(e, p), lambda: training_set(e, t)):
        with pytest.warns(GridWarning, match=r"lie on the map both read in .*pass `crs=` to say which"):
            f()


def test_official_sample_points_name_the_relabel_not_crs(tmp_path):
    "The door without a map: lon/lat under a UTM label lie on no tile; read as lon/lat they lie where tiles are."
    from alphaearth_nb import official as off
    pytest.importorskip("rioxarray")
    try: m = off.build_local_mirror(tmp_path / "m", years=(2024,), size=32)
    except Exception as e: pytest.skip(f"no shared data: {e}")
    lon, lat = [6.0, 6.0001], [45.0, 45.0001]                               # on the mirror's tiles (test_sample_join)
    wrong = gdf(lon, lat, "EPSG:32632")
    with pytest.warns(NoDataWarning, match=r"says its CRS is EPSG:32632.*gdf = gdf.set_crs\('EPSG:4326', allow_override=True\)"):
        s = off.sample_points(wrong, years=2024, source=m)
    assert not s["inside"].any()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        s = off.sample_points(wrong.set_crs("EPSG:4326", allow_override=True), years=2024, source=m)   # the fix as named
    assert s["inside"].all()
    far = gdf(np.array(lon) + 50.0, lat, "EPSG:4326")                        # off every tile, its label right
    with pytest.warns(NoDataWarning, match=r"own CRS label \(EPSG:4326; if it is wrong, `gdf = gdf.set_crs") as w:
        off.sample_points(far, years=2024, source=m)
    assert not any("CRS (`crs=`)" in str(x.message) for x in w)


def test_a_state_plane_map_in_feet_names_its_feet_crs():
    "A map whose coordinates are US survey feet under EPSG:32118 (metres): write_crs(emb, 'EPSG:2263'), as named, reads it."
    (x,), (y,) = to_crs([-73.95], [40.75], "EPSG:4326", "EPSG:32118")
    e = embedding_from_array(random_unit((8, 8), seed=4), coords=grid_coords(8, 8, x0=round(x), y0=round(y)),
                             crs="EPSG:32118")
    lon, lat = to_crs(e.x.values[[1, 5]].astype(float), e.y.values[[2, 6]].astype(float), "EPSG:32118", "EPSG:4326")
    fx, fy = to_crs(e.x.values.astype(float), e.y.values.astype(float), "EPSG:32118", "EPSG:2263")
    ft = e.assign_coords(x=fx, y=fy)                                          # the same grid in feet, labelled metres
    with pytest.warns(NoDataWarning, match=r"look like US survey feet.*aef.geo.write_crs\(emb, 'EPSG:2263'\)"):
        sample(ft, (lon, lat))
    from alphaearth_nb.geo import write_crs
    s = sample(write_crs(ft, "EPSG:2263"), (lon, lat))                       # the fix as named
    np.testing.assert_allclose(s[BANDS].to_numpy(), e.values[[2, 6], [1, 5]], rtol=1e-6)
