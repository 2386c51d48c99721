"""Two points written as (x, y) pairs, `[(lon, lat), (lon, lat)]`, have the shape of the documented (xs, ys) form
with two points, and were read so: both points came back transposed (inside False, or other pixels) without a
word. Right: pairs written as pairs are refused naming both explicit forms, for `official.sample_points` (PointError)
and every reader of places (`read_geometries`: label_table, ...), and read the one way that lies on the map where a map
says it (`sample`, s49); (xs, ys) as arrays or lists in a tuple reads as
documented, and the explicit forms give each point its own pixel."""
import numpy as np
import pandas as pd
import pytest
from pyproj import Transformer

from alphaearth_nb import official
from alphaearth_nb.core import LabelError, PointError, band_names
from alphaearth_nb.cubes import label_table, sample
from alphaearth_nb.places import read_geometries
from alphaearth_nb.testing import embedding_from_array, random_unit

EMB = embedding_from_array(random_unit((6, 6), seed=1))   # EPSG:32631, centres 500005.. east, 4999995.. south
E, N = np.array([500005.0, 500055.0]), np.array([4999995.0, 4999945.0])   # pixels (0, 0) and (5, 5)
LON, LAT = Transformer.from_crs("EPSG:32631", "EPSG:4326", always_xy=True).transform(E, N)
PAIRS = {"list of tuples": [(LON[0], LAT[0]), (LON[1], LAT[1])],
         "tuple of tuples": ((LON[0], LAT[0]), (LON[1], LAT[1])),
         "list of lists": [[LON[0], LAT[0]], [LON[1], LAT[1]]]}


def _want():
    return EMB.values[[0, 5], [0, 5]]


@pytest.mark.parametrize("form", list(PAIRS))
def test_two_pairs_are_refused_naming_both_forms(form):
    for call, kind in ((lambda p: read_geometries(p), LabelError), (lambda p: label_table(EMB, p), LabelError),
                       (lambda p: official.sample_points(p, 2024, source="/nonexistent"), PointError)):   # no map
        with pytest.raises(kind, match=r"two \(x, y\) pairs or as \(xs, ys\)") as e:
            call(PAIRS[form])
        assert "{'lon': [lon1, lon2], 'lat': [lat1, lat2]}" in str(e.value)
        assert "pd.DataFrame([(lon1, lat1), (lon2, lat2)], columns=['lon', 'lat'])" in str(e.value)


@pytest.mark.parametrize("form", list(PAIRS))
def test_two_pairs_on_a_map_read_the_one_way_that_lies_on_it(form):
    "s49: `sample` has the map: read as (xs, ys) these lie off it (x 500005 m as a latitude), so they are the pairs."
    out = sample(EMB, PAIRS[form])
    assert out["inside"].all()
    np.testing.assert_array_equal(out[band_names()].to_numpy(np.float32), _want())


def test_the_explicit_forms_give_each_point_its_pixel():
    for pts in ({"lon": list(LON), "lat": list(LAT)}, pd.DataFrame(PAIRS["list of tuples"], columns=["lon", "lat"]),
                (LON, LAT), (list(LON), list(LAT)), [LON, LAT]):       # arrays or lists in a tuple: (xs, ys)
        out = sample(EMB, pts)
        assert out["inside"].all()
        np.testing.assert_array_equal(out[band_names()].to_numpy(np.float32), _want())


def test_pairs_that_read_the_same_both_ways_pass():
    out = sample(EMB, [(E[0], N[0]), (N[0], N[1])], crs="EPSG:32631")   # x2 == y1: the same two points
    assert len(out) == 2 and out["inside"].tolist() == [True, False]


def test_more_pairs_are_told_the_table_form():
    with pytest.raises(LabelError, match=r"pd.DataFrame\(pairs, columns=\['lon', 'lat'\]\)"):
        sample(EMB, [(LON[0], LAT[0]), (LON[1], LAT[1]), (LON[0], LAT[1])])
    with pytest.raises(LabelError, match=r"a\[:, 0\], a\[:, 1\]"):
        sample(EMB, np.c_[LON, LAT])
