"""label_table keeps the label column's dtype: a categorical column its categories (unused ones too) and their
order, nullable Int64 / string / boolean columns theirs, for points, polygons' pixels and a polygon too small to
hold a pixel centre alike. Was: `to_numpy()` turned a categorical column into objects (strings), Int64 into int64."""
import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point, box

from alphaearth_nb.cubes import label_table
from alphaearth_nb.testing import embedding_from_array, random_unit

EMB = embedding_from_array(random_unit((6, 6), seed=1))   # 10 m pixels, centres 500005.. east, 4999995.. south
GEOMS = [Point(500005, 4999995),                          # a point
         box(500010, 4999960, 500030, 4999980),           # 2 x 2 pixel centres
         box(500051, 4999941, 500053, 4999943)]           # holds no pixel centre: labels the pixel it lies in


@pytest.mark.parametrize("polygons", ["rasterize", "sample"])
def test_categorical_labels_keep_their_categories(polygons):
    cat = pd.Categorical(["water", "crop", "urban"], categories=["crop", "water", "urban", "snow"], ordered=True)
    t = label_table(EMB, gpd.GeoDataFrame({"label": cat}, geometry=GEOMS, crs="EPSG:32631"), polygons=polygons)
    assert isinstance(t["label"].dtype, pd.CategoricalDtype)
    assert t["label"].cat.categories.tolist() == ["crop", "water", "urban", "snow"] and t["label"].cat.ordered
    assert t["label"].tolist() == ["water", "urban"] + ["crop"] * 4   # points, small polygons, pixels


@pytest.mark.parametrize("values,dtype", [([3, 1, 2], "Int64"), (["a", "b", "c"], "string"),
                                          ([True, False, True], "boolean")])
def test_nullable_labels_keep_their_dtype(values, dtype):
    g = gpd.GeoDataFrame({"label": pd.array(values, dtype=dtype)}, geometry=GEOMS, crs="EPSG:32631")
    t = label_table(EMB, g)
    assert t["label"].dtype == pd.array(values, dtype=dtype).dtype
    assert t["label"].tolist() == [values[0], values[2]] + [values[1]] * 4


def test_a_point_table_keeps_its_categories():
    df = pd.DataFrame({"x": [500005.0, 500015.0], "y": [4999995.0, 4999985.0],
                       "label": pd.Categorical(["b", "a"], categories=["a", "b", "c"])})
    t = label_table(EMB, df, crs="EPSG:32631")
    assert t["label"].cat.categories.tolist() == ["a", "b", "c"] and t["label"].tolist() == ["b", "a"]
