"""`aggregate`'s docstring said a pixel centre on a zone's boundary "counts the same however the map is stored", read
as however the zones are given: a box whose edges lie on pixel centres counts 420 pixels drawn in the map's CRS and
414 after `.to_crs(4326)` (reprojected vertex by vertex back, its edges move by rounding). The docstring states the
rule (the centre rule, no area weighting) and what moves it; edges on pixel edges count the same in either CRS, and
either storage order of the map counts the same."""
import warnings

import pytest

gpd = pytest.importorskip("geopandas")
from shapely.geometry import box

from alphaearth_nb.cubes import aggregate
from alphaearth_nb.testing import embedding_from_array, random_unit

EMB = embedding_from_array(random_unit((40, 40), seed=1))   # 10 m pixels, EPSG:32631


def _count(zones, emb=EMB):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return int(aggregate(emb, zones).n_pixels.iloc[0])


def test_edges_on_pixel_edges_count_the_same_in_any_crs_and_order():
    x, y = EMB.x.values, EMB.y.values
    z = gpd.GeoDataFrame({"f": [1]}, geometry=[box(x[5] - 5, y[30] - 5, x[25] - 5, y[10] - 5)], crs="EPSG:32631")
    assert _count(z) == _count(z.to_crs(4326)) == _count(z, EMB.isel(y=slice(None, None, -1))) == 20 * 20


def test_the_docstring_states_the_rule_and_what_moves_it():
    doc = " ".join(aggregate.__doc__.split())
    assert "counts the same however the map is stored" not in doc
    assert "centre rule" in doc and "no area weighting" in doc and "`.to_crs(4326)`" in doc


def test_edges_on_centres_move_with_reprojection_as_the_docstring_says():
    x, y = EMB.x.values, EMB.y.values
    z = gpd.GeoDataFrame({"f": [1]}, geometry=[box(x[5], y[30], x[25], y[10])], crs="EPSG:32631")
    a, b = _count(z), _count(z.to_crs(4326))
    doc = " ".join(aggregate.__doc__.split())
    assert f"counts {a} pixels drawn in EPSG:32631 and {b} after" in doc
