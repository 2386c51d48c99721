"""Points partly off a UTM map, given in lon/lat: the words named each side ('1 to the north-east') by the map's own
grid while printing its span in lon/lat, so a point 'to the north-east' could have a latitude inside the printed lat
span (a UTM grid's north is not the meridian's away from the central meridian). The side is now said to be the
grid's (its CRS named) wherever the span is printed in another CRS; in the map's own CRS the two agree, unsaid."""
import re

import numpy as np
import pyproj
import pytest

from alphaearth_nb.core import PointError
from alphaearth_nb.geo import pixel_indices
from alphaearth_nb.testing import embedding_from_array, grid_coords, random_unit


def _map():   # 40 x 40 pixels of 10 m in UTM 31N, far east of its central meridian (3 E) so grid north turns
    c = grid_coords(40, 40)
    c = {"y": c["y"] - c["y"].mean() + 5_000_000.0, "x": c["x"] - c["x"].mean() + 790_000.0}
    return embedding_from_array(random_unit((40, 40), seed=3), coords=c)


def test_sides_are_said_to_be_the_grids_where_the_span_is_in_lon_lat():
    e = _map()
    xs = np.array([float(e.x[5]), float(e.x[39]) + 30.0])   # the second 30 m east of the last column, same row
    ys = np.array([float(e.y[20]), float(e.y[0]) + 3.0])    # and 3 m north of the first row: north-east of the grid
    lon, lat = pyproj.Transformer.from_crs("EPSG:32631", "EPSG:4326", always_xy=True).transform(xs, ys)
    with pytest.raises(PointError) as got:
        pixel_indices(e, xs, ys, given=(lon, lat, "EPSG:4326"))
    said = str(got.value)
    assert "1 to the north-east of the map (sides by its grid, EPSG:32631), which spans lon" in said, said
    lo, hi = map(float, re.search(r"which spans lon \S+, lat (\S+)\.\.(\S+) in EPSG:4326", said).groups())
    assert lo <= lat[1] <= hi   # why it is said: the point's latitude lies inside the printed span
    with pytest.raises(PointError) as got:   # given in the map's CRS: the span in it, the side unqualified
        pixel_indices(e, xs, ys, given=(xs, ys, "EPSG:32631"))
    assert "1 to the north-east of the map, which spans x" in str(got.value) and "sides by" not in str(got.value)
