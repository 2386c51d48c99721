"""`places._span` judged "looks like degrees" one axis at a time: points at x 500000, y 300 on a UTM map were said
"x 500000.0..500000.0, y 300.000000..300.000000", metres printed as degrees (s56 r2). The two axes of a place are
now judged together: degrees where both look like them, metres to 0.1 where either does not."""
import numpy as np

from alphaearth_nb.places import off_map_hint
from alphaearth_nb.testing import embedding_from_array, random_unit

E = embedding_from_array(random_unit((6, 6), seed=1))   # EPSG:32631, x from 500000, y from 5000000


def test_a_small_y_beside_a_large_x_is_said_in_metres():
    said = off_map_hint(E, np.array([500000.0]), np.array([300.0]))
    assert "the points x 500000.0..500000.0, y 300.0..300.0" in said, said


def test_lon_lat_given_with_a_crs_of_metres_keep_their_decimals():
    said = off_map_hint(E, np.array([5.995]), np.array([45.002]))
    assert "the points x 5.995000..5.995000, y 45.002000..45.002000" in said, said
