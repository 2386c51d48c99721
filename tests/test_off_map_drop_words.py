"""`off_map`'s words. The way to drop labels off the map (`off_map='drop'`) was added to `geo._off_said`'s refusal by
replacing its text ': drop those, or' in `supervised._drop_said` (a rewording there would lose it, silently); the
fix phrase is now given to the builder (`pixel_indices(drop=)`, `point_crs(drop=)`). And `off_map='drop'` of
polygons beside points counted the rows of the pixel table (each polygon's pixels, a point, a polygon wholly off the
map) as 'N of M labelled points': now the labels off the map (points, or polygons wholly off it) and the labelled
pixels that remain."""
import numpy as np
import pytest

from alphaearth_nb.analysis import training_set
from alphaearth_nb.core import LabelError, LabelWarning, PointError
from alphaearth_nb.geo import pixel_indices
from alphaearth_nb.testing import embedding_from_array, random_unit

gpd = pytest.importorskip("geopandas")


@pytest.fixture(scope="module")
def emb():
    return embedding_from_array(random_unit((10, 10), seed=1))   # EPSG:32631, 10 m


def test_the_builder_says_the_callers_way_to_drop(emb):
    xs, ys = np.r_[emb.x.values[:3], 1e7], np.r_[emb.y.values[:3], emb.y.values[0]]
    with pytest.raises(PointError, match=r"drop it \(with my way, it\), or use a map that covers it too"):
        pixel_indices(emb, xs, ys, drop=" (with my way, {them})")
    with pytest.raises(PointError, match=r": drop it, or use a map"):   # none given: the words as they were
        pixel_indices(emb, xs, ys)


def test_polygons_and_points_dropped_are_counted_as_labels_and_pixels(emb):
    from shapely.geometry import Point, box
    x0, y0 = float(emb.x[0]), float(emb.y[0])   # the north-west pixel's centre
    g = gpd.GeoDataFrame({"label": ["a", "b", "b", "a", "b"]}, crs=32631, geometry=[
        box(x0 - 5, y0 - 25, x0 + 25, y0 + 5),   # 3 x 3 pixels on the map (edges on pixel edges)
        box(x0 + 500, y0, x0 + 540, y0 + 40),   # wholly off it
        box(x0 + 55, y0 - 75, x0 + 75, y0 - 55),   # 2 x 2
        Point(x0 + 50, y0 - 50), Point(x0 + 900, y0 - 50)])   # on it, off it
    with pytest.raises(LabelError, match=r"drop those \(`off_map='drop'` leaves them out\), or use a map"):
        training_set(emb, g)
    with pytest.warns(LabelWarning, match=r"^2 of the labels \(points, or polygons wholly off it\) lie off the map "
                                          r"\(outside its grid, EPSG:32631\): left out, as asked; 14 labelled pixels remain$"):
        X, y = training_set(emb, g, off_map="drop")
    assert len(y) == 14 and np.unique(y, return_counts=True)[1].tolist() == [10, 4]   # a: 9 + the point
