"""conftest's `pixel_points`: the one builder of labelled points on a map's pixel centres (was a copy in
test_vector_layers, test_zip_in_folder, test_cli_point_table_labels, test_cli_vector_labels and labelled_store)."""
import numpy as np
import pytest

pytest.importorskip("geopandas")

from alphaearth_nb.testing import embedding_from_array, random_unit


def test_points_lie_on_pixel_centres_labelled_by_column(pixel_points):
    e = embedding_from_array(random_unit((12, 10), seed=1))
    pts = pixel_points(e, 50, seed=3, classes=("west", "east"))
    assert len(pts) == 50 and pts.crs == e.attrs["crs"]
    col = np.searchsorted(e.x.values, pts.geometry.x.values)
    assert np.isin(pts.geometry.x.values, e.x.values).all() and np.isin(pts.geometry.y.values, e.y.values).all()
    np.testing.assert_array_equal(pts["label"].values, np.where(col < 5, "west", "east"))
    assert pts.equals(pixel_points(e, 50, seed=3, classes=("west", "east")))   # the seed's draw, again
