"""Rows of a points table without coordinates (NaN x/y or lon/lat, an empty CSV cell): one rule at every door
(geo.with_coordinates, s33 crs): a UserWarning naming how many and the first row labels, a LabelError when every row
has none. Was: training_set/classify dropped them without a word, sample gave `inside` False without a word (all of
them: a NoDataWarning 'no finite coordinates', training: 'mark unlabelled pixels with NaN', a fix of another thing)."""
import numpy as np
import pandas as pd
import pytest

from alphaearth_nb import cubes
from alphaearth_nb.analysis import classify, training_set
from alphaearth_nb.core import LabelError, NoDataWarning
from alphaearth_nb.geo import to_crs
from alphaearth_nb.places import sample
from alphaearth_nb.testing import embedding_from_array, random_unit

BANDS = [f"A{i:02d}" for i in range(64)]


def setup():
    "A 6 x 6 UTM map; a table of 4 rows (index 10..13), rows 11 and 13 without coordinates, in x/y and lon/lat."
    e = embedding_from_array(random_unit((6, 6), seed=1))
    xs, ys = e.x.values[[1, 2, 3, 4]].astype(float), e.y.values[[1, 2, 3, 4]].astype(float)
    lon, lat = to_crs(xs, ys, "EPSG:32631", "EPSG:4326")
    xs[1], ys[3], lon[1], lat[3] = np.nan, np.nan, np.nan, np.nan
    lab = [1, 2, 2, 1]
    return e, (pd.DataFrame({"x": xs, "y": ys, "label": lab}, index=[10, 11, 12, 13]),
               pd.DataFrame({"lon": lon, "lat": lat, "label": lab}, index=[10, 11, 12, 13]))


WORDS = r"2 of 4 rows of the .*table have no coordinates .*rows 11, 13\)"


def test_some_rows_without_coordinates_are_named_at_every_door(tmp_path):
    e, tables = setup()
    want = e.values[[1, 3], [1, 3]]                                          # rows 10 and 12: pixels (1, 1), (3, 3)
    for t in tables:
        with pytest.warns(NoDataWarning, match=WORDS):
            s = sample(e, t, crs=None if "lon" in t else "EPSG:32631")
        assert s["inside"].tolist() == [True, False, True, False]
        np.testing.assert_allclose(s.loc[[10, 12], BANDS].to_numpy(), want, rtol=1e-6)
        with pytest.warns(NoDataWarning, match=WORDS):
            X, v = training_set(e, t)
        np.testing.assert_allclose(X, want, rtol=1e-6); assert v.tolist() == [1, 2]
        with pytest.warns(NoDataWarning, match=WORDS):
            classify(e, t, k=1)
        with pytest.warns(NoDataWarning, match=WORDS):
            assert cubes.label_table(e, t)["label"].tolist() == [1, 2]
        with pytest.warns(NoDataWarning, match=WORDS):
            assert cubes.aggregate(e, t, buffer=1)["n_pixels"].tolist() == [1, 0, 1, 0]
        t.to_csv(p := tmp_path / "t.csv")                                    # a CSV: the same table, the same words
        with pytest.warns(NoDataWarning, match=r"2 of 4 rows of the .*table have no coordinates"):
            sample(e, str(p), crs=None if "lon" in t else "EPSG:32631")
    with pytest.warns(NoDataWarning, match=r"1 of 2 points have no coordinates .*position 1\)"):   # arrays
        sample(e, ([float(e.x[1]), np.nan], [float(e.y[1]), float(e.y[2])]), crs="EPSG:32631")


def test_every_row_without_coordinates_is_a_label_error_at_every_door():
    e, tables = setup()
    for t in tables:
        t = t.assign(**{c: np.nan for c in t.columns if c != "label"})
        for f in (lambda: sample(e, t, crs=None if "lon" in t else "EPSG:32631"), lambda: training_set(e, t),
                  lambda: cubes.label_table(e, t), lambda: cubes.aggregate(e, t, buffer=1)):
            with pytest.raises(LabelError, match=r"all 4 rows of the .*table have no coordinates"):
                f()


def test_a_geodataframe_of_nan_points_and_each_door_say_it_once():
    "points_from_xy of a table with empty cells: POINT (NaN NaN) rows, said as a table's are, once per call."
    gpd = pytest.importorskip("geopandas")
    e, (t, ll) = setup()
    g = gpd.GeoDataFrame(t, geometry=gpd.points_from_xy(t.x, t.y), crs="EPSG:32631")
    for f in (lambda: sample(e, g), lambda: training_set(e, g), lambda: training_set(e, ll),
              lambda: training_set(e, t), lambda: classify(e, ll, k=1)):
        with pytest.warns(NoDataWarning) as w:
            f()
        said = [str(m.message) for m in w if "have no coordinates" in str(m.message)]
        assert len(said) == 1 and "rows 11, 13)" in said[0], said
    with pytest.warns(NoDataWarning, match=r"gdf = gdf\[gdf.geometry.x.notna\(\)"):
        sample(e, g)


def test_geo_reexports_the_points_module():
    "one_point, LON_NAMES, LAT_NAMES and with_coordinates live in `points` (02d, split from geo to keep it under 600 lines)."
    from alphaearth_nb import geo, points
    for n in ("one_point", "LON_NAMES", "LAT_NAMES", "with_coordinates"):
        assert getattr(geo, n) is getattr(points, n), n


def test_a_table_that_needs_its_crs_is_told_that_first():
    "An x/y table without `crs=` and no map: the CRS it needs is its fault to name, no NaN-row warning before it."
    import warnings
    from alphaearth_nb.core import GridError
    from alphaearth_nb.places import read_geometries
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(GridError, match="needs its CRS"):
            read_geometries(pd.DataFrame({"x": [5.99, 6.0], "y": [45.001, np.nan]}))
