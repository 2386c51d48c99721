"""A bare pair without a CRS that lies on the map both as the map's coordinates and as lon/lat (a Web Mercator map
within 180 m of (0, 0): (0.001, 0.0005) is 0.001 m east as metres and 111 m east as degrees) is read one way at every
door, lon/lat (`geo.point_crs`: a tie goes to EPSG:4326, what the tutorials give points in), warned naming both and
`crs=`. Was: `similarity` read it in the map's CRS, `sample` and `aggregate` as lon/lat: two pixels for one pair."""
import warnings

import numpy as np
import pytest

import alphaearth_nb as aef
from alphaearth_nb.core import GridWarning
from alphaearth_nb.geo import to_crs
from alphaearth_nb.testing import embedding_from_array, grid_coords, random_unit

BANDS = aef.band_names()
P = (0.001, 0.0005)


def _map():
    return embedding_from_array(random_unit((40, 40), seed=5), coords=grid_coords(40, 40, x0=-195.0, y0=195.0),
                                crs="EPSG:3857")


def _pixel(e, crs):
    (x,), (y,) = to_crs([P[0]], [P[1]], crs, "EPSG:3857")
    return int(np.argmin(np.abs(e.y.values - y))), int(np.argmin(np.abs(e.x.values - x)))


def test_the_pair_fits_both_ways_on_two_pixels():
    e = _map()
    assert _pixel(e, "EPSG:4326") != _pixel(e, "EPSG:3857")


def test_every_door_reads_the_pair_as_lon_lat_and_says_so():
    e = _map()
    r, c = _pixel(e, "EPSG:4326")
    want = e.values[r, c]
    with pytest.warns(GridWarning, match=r"both read in .*read in EPSG:4326; pass `crs=`"):
        s = aef.similarity(e, P)
    assert int(np.argmax(s.values)) == r * e.sizes["x"] + c
    with pytest.warns(GridWarning, match=r"read in EPSG:4326; pass `crs=`"):
        got = aef.places.sample(e, P)[BANDS].to_numpy()[0]
    np.testing.assert_allclose(got, want, rtol=1e-6)
    with pytest.warns(GridWarning, match=r"read in EPSG:4326; pass `crs=`"):
        z = aef.cubes.aggregate(e, P, buffer=1)[BANDS].to_numpy()[0]
    np.testing.assert_allclose(z, want, rtol=1e-5)


def test_crs_said_reads_it_in_the_map_crs_at_every_door():
    e = _map()
    r, c = _pixel(e, "EPSG:3857")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert int(np.argmax(aef.similarity(e, P, crs="EPSG:3857").values)) == r * e.sizes["x"] + c
        np.testing.assert_allclose(aef.places.sample(e, P, crs="EPSG:3857")[BANDS].to_numpy()[0], e.values[r, c],
                                   rtol=1e-6)
