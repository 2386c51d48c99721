"""One rule for points given without a CRS (geo.point_crs): the map's CRS or lon/lat, whichever puts them on the map,
in similarity, sample, classify/training_set points, one_point's forms and the live map's click/add_label."""
import importlib.util
import warnings

import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point

from alphaearth_nb.analysis import classify, similarity, training_set
from alphaearth_nb.core import LabelError, PointError
from alphaearth_nb.geo import grid_coords, point_crs, to_crs
from alphaearth_nb.places import sample
from alphaearth_nb.testing import embedding_from_array, random_unit

LON, LAT = 2.347, 48.853


def utm_map():
    "A 10 x 10 map at 10 m in UTM 31N around Paris, the middle pixel in map metres and in lon/lat."
    (x,), (y,) = to_crs([LON], [LAT], "EPSG:4326", "EPSG:32631")
    g = grid_coords(10, 10, x0=round(x) - 45.0, y0=round(y) + 45.0)
    e = embedding_from_array(random_unit((10, 10), seed=3), coords=g)
    mx, my = float(e.x[4]), float(e.y[4])
    (lon,), (lat,) = to_crs([mx], [my], "EPSG:32631", "EPSG:4326")
    return e, (mx, my), (float(lon), float(lat))


def ll_map():
    "A 10 x 10 map in EPSG:4326 (0.0001 degree pixels): its map CRS and lon/lat are one reading."
    g = {"y": 48.85 - 0.0001 * np.arange(10), "x": 2.34 + 0.0001 * np.arange(10)}
    e = embedding_from_array(random_unit((10, 10), seed=4), coords=g, crs="EPSG:4326")
    p = (float(e.x[4]), float(e.y[4]))
    return e, p, p


MAPS = [utm_map, ll_map]


@pytest.mark.parametrize("make", MAPS)
def test_a_tuple_in_the_map_crs_and_in_lon_lat_is_one_pixel_in_sample(make):
    "sample((x, y)) in the map's CRS: a PointError on main (read as lon/lat); now the pixel, as similarity finds."
    e, xy, ll = make()
    want = e.isel(y=4, x=4).values
    for p in (xy, ll, {"x": xy[0], "y": xy[1]}, Point(*xy), {"lon": ll[0], "lat": ll[1]}):
        s = sample(e, p)
        assert s["inside"].all(), p
        np.testing.assert_allclose(s[[f"A{i:02d}" for i in range(64)]].to_numpy()[0], want, rtol=1e-6)


@pytest.mark.parametrize("make", MAPS)
def test_similarity_reads_both_forms_and_sample_agrees(make):
    e, xy, ll = make()
    a, b = similarity(e, xy), similarity(e, ll)
    np.testing.assert_allclose(a.values, b.values, rtol=1e-6)
    assert float(a.isel(y=4, x=4)) == pytest.approx(1.0, abs=1e-5)


@pytest.mark.parametrize("make", MAPS)
def test_off_the_map_names_both_readings_and_the_fix(make):
    e, xy, ll = make()
    off = (xy[0] + 5e4, xy[1]) if make is utm_map else (ll[0] + 5.0, ll[1])
    for f in (lambda: similarity(e, off), lambda: sample(e, off), lambda: sample(e, {"x": off[0], "y": off[1]})):
        with pytest.raises(PointError, match=r"EPSG:4326.*crs="):
            f()


def test_crs_given_wins_and_is_not_second_guessed():
    e, xy, ll = utm_map()
    with pytest.raises(PointError):                     # map metres said to be lon/lat: refused, not reread
        similarity(e, xy, crs="EPSG:4326")
    with pytest.raises(PointError):                     # lon/lat said to be map metres: off the map
        similarity(e, ll, crs="EPSG:32631")


def test_swapped_lon_lat_keeps_its_hint():
    e, xy, ll = utm_map()
    with pytest.raises(PointError, match="look swapped"):
        similarity(e, (ll[1], ll[0]))
    with pytest.raises(PointError, match="look swapped"):
        sample(e, (ll[1], ll[0]))


def test_arrays_partly_off_keep_inside_and_all_in_the_map_crs_read_so():
    e, xy, ll = utm_map()
    s = sample(e, ([ll[0], ll[0] + 1.0], [ll[1], ll[1]]))          # lon/lat, the second off: per point
    assert s["inside"].tolist() == [True, False]
    with warnings.catch_warnings():                                # none on as lon/lat, all in map metres: one
        warnings.simplefilter("error")                             # reading holds, read so without a word, as
        s = sample(e, ([xy[0], xy[0] + 10], [xy[1], xy[1]]))       # similarity reads it (was: warned, s33 crs)
    assert s["inside"].all()


@pytest.mark.parametrize("make", MAPS)
def test_classify_and_training_set_points_in_either_reading(make):
    e, xy, ll = make()
    (gx, gy) = np.meshgrid(e.x.values[[1, 8]], e.y.values[[1, 8]])
    tab = pd.DataFrame({"x": gx.ravel(), "y": gy.ravel(), "label": [1, 1, 2, 2]})
    lon, lat = to_crs(tab.x, tab.y, "EPSG:32631" if make is utm_map else "EPSG:4326", "EPSG:4326")
    X1, v1 = training_set(e, tab)
    X2, v2 = training_set(e, tab.assign(x=lon, y=lat))                # x/y columns holding lon/lat: on the map so
    np.testing.assert_allclose(X1, X2, rtol=1e-6); np.testing.assert_array_equal(v1, v2)
    a = classify(e, tab, k=1)["class"].values
    b = classify(e, tab.assign(x=lon, y=lat), k=1)["class"].values
    np.testing.assert_array_equal(a, b)
    off = tab.assign(x=tab.x + (5e4 if make is utm_map else 5.0))
    with pytest.raises(LabelError, match=r"EPSG:4326.*crs="):
        training_set(e, off)


def test_where_both_readings_hold_lon_lat_wins_at_every_door():
    "A Web Mercator map within 180 m of (0, 0): degrees and metres both land on it; a tie is lon/lat at every door."
    g = grid_coords(40, 40, x0=-195.0, y0=195.0)
    e = embedding_from_array(random_unit((40, 40), seed=5), coords=g, crs="EPSG:3857")
    p = (0.001, 0.001)                    # 0.001 m in map metres, 111 m as degrees: on the map both ways
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # the GridWarning naming both readings
        assert point_crs(e, *p) == "EPSG:4326"                                # was the map's (similarity's default)
        assert point_crs(e, *p, default="EPSG:4326") == "EPSG:4326"
        (x,), (y,) = to_crs([p[0]], [p[1]], "EPSG:4326", "EPSG:3857")
        got = sample(e, p)[[f"A{i:02d}" for i in range(64)]].to_numpy()[0]
        np.testing.assert_allclose(got, e.sel(x=x, y=y, method="nearest").values, rtol=1e-6)
        q = similarity(e, p)
    assert float(q.sel(x=x, y=y, method="nearest")) == pytest.approx(1.0, abs=1e-5)   # the same pixel as sample's


@pytest.mark.skipif(importlib.util.find_spec("ipyleaflet") is None, reason="needs the maps extra (ipyleaflet)")
@pytest.mark.parametrize("make", MAPS)
def test_explorer_click_and_add_label_take_either_reading_and_crs(make):
    from alphaearth_nb.explorer import Explorer
    e, xy, ll = make()
    m = Explorer(e, basemaps=False)
    m.click(*ll, mode="positive"); m.click(*xy, mode="positive"); m.click(*xy, mode="positive", crs=m.crs)
    assert len({(round(x, 3), round(y, 3)) for x, y, _ in m.positives}) == 1
    m.add_label(*ll, "a"); m.add_label(*xy, "b", crs=m.crs)
    assert len({(round(x, 3), round(y, 3)) for x, y, _ in m._labels}) == 1
    with pytest.raises(PointError, match="EPSG:4326"):
        m.add_label(ll[0] + 5.0, ll[1], "c")
