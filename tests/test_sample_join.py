"Vectors sampled at points join back to the points they were sampled at: the input table's index is kept."
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import LabelError, NoDataWarning, band_names
from alphaearth_nb.places import sample
from alphaearth_nb.testing import embedding_from_array, random_unit

gpd = pytest.importorskip("geopandas")
from shapely.geometry import MultiPoint, Point  # noqa: E402


def _points(e, index):
    x, y = e.x.values, e.y.values
    return gpd.GeoDataFrame({"id": ["a", "b", "c"]}, geometry=[Point(x[0], y[0]), Point(x[2], y[1]), Point(x[3], y[3])],
                            crs="EPSG:32631", index=index)


def test_a_filtered_table_joins_its_own_vectors():
    "A shuffled or filtered table (index 7, 2, 0): out was renumbered 0, 1, 2, so df.join(out) put point 'c''s "
    "vector on row 2 (point 'b') and row 0 ('c') got point 'a''s."
    e = embedding_from_array(random_unit((4, 4), seed=2))
    pts = _points(e, [7, 2, 0])
    out = sample(e, pts)
    assert out.index.tolist() == [7, 2, 0] and out["id"].tolist() == ["a", "b", "c"]
    joined = pts[["id"]].join(out[band_names()])
    for pid, (r, c) in zip("abc", [(0, 0), (1, 2), (3, 3)]):
        np.testing.assert_array_equal(joined.loc[joined.id == pid, band_names()].to_numpy()[0], e.values[r, c])
    both = pd.concat([pts[["id"]], out[band_names()]], axis=1)              # aligned by index, as pandas does
    np.testing.assert_array_equal(both[band_names()].to_numpy(), out[band_names()].to_numpy())
    cube = xr.concat([e, -e], "time").assign_coords(time=[2023, 2024])
    out = sample(cube, pts)                                                 # each year's rows repeat the index
    assert out.index.tolist() == [7, 2, 0, 7, 2, 0] and out["year"].tolist() == [2023] * 3 + [2024] * 3
    np.testing.assert_array_equal(out.loc[out.year == 2024, band_names()].loc[2].to_numpy(), -e.values[1, 2])


def test_a_row_without_a_geometry_is_off_the_map():
    "A feature without a geometry was refused as 'sampling needs points; for polygons use aggregate'; a point without "
    "coordinates warned numpy's 'invalid value encountered in cast'."
    e = embedding_from_array(random_unit((4, 4), seed=2))
    pts = _points(e, ["p", "q", "r"])
    pts.loc["q", "geometry"] = None
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = sample(e, pts)
        with pytest.warns(NoDataWarning, match=r"1 of 2 points have no coordinates .*position 0\)"):   # said (geo.with_coordinates)
            nan = sample(e, ([np.nan, float(e.x[1])], [np.nan, float(e.y[1])]), crs="EPSG:32631")
    assert out["inside"].tolist() == [True, False, True] and out.loc["q", band_names()].isna().all()
    assert nan["inside"].tolist() == [False, True]
    multi = gpd.GeoDataFrame(geometry=[MultiPoint([(float(e.x[0]), float(e.y[0]))] * 2)], crs="EPSG:32631")
    with pytest.raises(LabelError, match=r"got \['MultiPoint'\]: one row per point, `gdf = gdf.explode"):
        sample(e, multi)


def test_official_sample_points_keep_the_index(tmp_path):
    from alphaearth_nb import official as off
    pytest.importorskip("rioxarray")
    try: m = off.build_local_mirror(tmp_path / "m", years=(2024,), size=32)
    except Exception as e: pytest.skip(f"no shared data: {e}")
    lon, lat = [6.0, 170.0, 6.0001], [45.0, 0.0, 45.0001]                   # the second on no tile
    pts = gpd.GeoDataFrame({"id": [1, 2, 3]}, geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326", index=[9, 4, 0])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out, plain = off.sample_points(pts, 2024, source=m), off.sample_points((lon, lat), 2024, source=m)
    assert out.index.tolist() == [9, 4, 0] and out["inside"].tolist() == [True, False, True]
    np.testing.assert_array_equal(out[band_names()].to_numpy(), plain[band_names()].to_numpy())
    np.testing.assert_array_equal(pts.join(out[band_names()]).loc[0, band_names()].to_numpy(float),
                                  plain.loc[2, band_names()].to_numpy(float))
