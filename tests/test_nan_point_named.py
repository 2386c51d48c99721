"""A point whose coordinates are NaN (or infinite: an empty cell of a table, a failed geocode) is named as having no
coordinates, with the fix (drop it), by `geo.pixel_indices` (so similarity, points_at, classify's points): 'has NaN
or infinite coordinates'. Was: '1 point(s) lie outside the grid (first: lon nan, lat 45 (EPSG:4326), x=nan, y=nan in
the grid's CRS ...): give points on the grid, which spans lon 3.000000..3.000509 ...', advice about a CRS or an
extent that no NaN can follow (found by session 35's review of 07f89cd)."""
import numpy as np
import pytest

from alphaearth_nb.analysis import similarity
from alphaearth_nb.core import PointError
from alphaearth_nb.geo import pixel_indices
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.mark.parametrize("pt,crs", [((np.nan, 45.0), "EPSG:4326"), ((3.0, np.inf), "EPSG:4326"),
                                    ((np.nan, 4999990.0), None)])
def test_a_nan_point_is_named_as_such(pt, crs):
    e = embedding_from_array(random_unit((4, 4), seed=1))
    with pytest.raises(PointError, match=r"1 point\(s\) have NaN or infinite coordinates \(first: point 0") as err:
        similarity(e, pt, **({"crs": crs} if crs else {}))
    assert "outside the grid" not in str(err.value) and "drop" in str(err.value)


def test_a_nan_among_points_on_the_map_is_counted_alone():
    e = embedding_from_array(random_unit((4, 4), seed=1))
    xs, ys = np.array([500005.0, np.nan, 500015.0]), np.array([4999995.0, 4999995.0, np.nan])
    with pytest.raises(PointError, match=r"2 point\(s\) have NaN or infinite coordinates \(first: point 1, x=nan"):
        pixel_indices(e, xs, ys)
    rows, cols = pixel_indices(e, xs[:1], ys[:1])   # the finite one reads as before
    assert rows.tolist() == [0] and cols.tolist() == [0]
