"""Sampling a points table that already holds A00..A63 (an earlier sample's answer, sampled again for another map or
year) replaces them with a warning naming them: one set of band columns, never A00 twice (places.sample, the table
and GeoDataFrame forms, a cube, and official.sample_points, which share places.points_table)."""
import warnings

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("rioxarray")
from alphaearth_nb.core import band_names
from alphaearth_nb.cubes import join_years
from alphaearth_nb.places import sample
from alphaearth_nb.testing import embedding_from_array, random_unit


def _map(seed): return embedding_from_array(random_unit((6, 8), seed)).rio.write_crs("EPSG:32631")


def _again(fn):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        out = fn()
    msg = " | ".join(str(x.message) for x in w)
    assert "already holds A00..A63" in msg and "rename them first" in msg, msg
    assert list(out.columns).count("A00") == 1 and not any(str(c).endswith(("_x", "_y")) for c in out.columns), \
        list(out.columns)
    return out


def _check(first, again, emb):
    assert len(again) == len(first) and list(again.index) == list(first.index)
    v = np.stack([emb.sel(x=x, y=y).values for x, y in zip(first.x, first.y)])
    np.testing.assert_allclose(again[band_names()].to_numpy(np.float64), v, rtol=1e-6)   # the second map's vectors


def test_a_table_sampled_again_holds_one_set_of_bands():
    a, b = _map(0), _map(1)
    pts = pd.DataFrame({"x": a.x.values[:3], "y": a.y.values[:3], "name": ["p", "q", "r"]}, index=[7, 8, 9])
    first = sample(a, pts, crs="EPSG:32631")
    _check(first, _again(lambda: sample(b, first, crs="EPSG:32631")), b)


def test_a_geodataframe_sampled_again_stays_one_with_one_set():
    gpd = pytest.importorskip("geopandas")
    a, b = _map(2), _map(3)
    g = gpd.GeoDataFrame({"name": ["p", "q"]}, geometry=gpd.points_from_xy(a.x.values[:2], a.y.values[:2]),
                         crs="EPSG:32631")
    first = sample(a, g)
    again = _again(lambda: sample(b, first))
    assert type(again).__name__ == "GeoDataFrame" and again.crs == first.crs
    _check(first.assign(x=first.geometry.x, y=first.geometry.y), again, b)


def test_a_cube_sample_sampled_again():
    cube = join_years([_map(4), _map(5)], years=[2023, 2024]).rio.write_crs("EPSG:32631")
    pts = pd.DataFrame({"x": cube.x.values[:2], "y": cube.y.values[:2]})
    first = sample(cube, pts, crs="EPSG:32631")          # a row a point and year, a year column
    again = _again(lambda: sample(cube, first, crs="EPSG:32631"))   # each row at its own year
    assert len(again) == 4 and again.year.tolist() == first.year.tolist()
    np.testing.assert_array_equal(again[band_names()].to_numpy(), first[band_names()].to_numpy())


def test_official_sample_points_sampled_again(tmp_path):
    from alphaearth_nb import official as off
    try: m = off.build_local_mirror(tmp_path / "m", years=(2024,), size=32)
    except Exception as e: pytest.skip(f"no shared data: {e}")
    gpd = pytest.importorskip("geopandas")
    pts = gpd.GeoDataFrame({"name": ["p"]}, geometry=gpd.points_from_xy([6.0], [45.0]), crs="EPSG:4326")
    first = off.sample_points(pts, 2024, source=m)   # its answer keeps the geometry (a table keeps its own columns)
    again = _again(lambda: off.sample_points(first, 2024, source=m))
    np.testing.assert_array_equal(again[band_names()].to_numpy(), first[band_names()].to_numpy())
