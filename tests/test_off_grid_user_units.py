"""Points given in another CRS than the map's (lon/lat against a UTM map, UTM against a lon/lat map) that lie off
it are named in the units they were given in, beside the grid's, and the map's extent is said in those units too.
Was: 'first: x=500786.09, y=4999613.77; grid x in [500000.0, 500050.0] ... give coordinates in the grid's CRS
(EPSG:32631), or pass the CRS they are in, `crs=...`' for a point the user gave as lon 3.01, lat 45.15 with its CRS
said: metres they never typed, and a fix they had already made (geo.pixel_indices, so similarity, classify)."""
import re

import numpy as np
import pandas as pd
import pytest
from pyproj import Transformer

from alphaearth_nb import analysis, geo
from alphaearth_nb.core import LabelError, PointError
from alphaearth_nb.spatial import grid_coords
from alphaearth_nb.testing import embedding_from_array, random_unit

UTM = embedding_from_array(random_unit((4, 5), seed=2), coords=grid_coords(4, 5, 500_000., 5_000_000.), crs="EPSG:32631")
BOX = (500_000.0, 4_999_960.0, 500_050.0, 5_000_000.0)   # the map's pixel edges: 5 x 4 pixels of 10 m


def _lonlat_box():
    "The UTM map's edges in lon/lat (w, s, e, n), worked out apart from the package: pyproj, edges densified."
    return Transformer.from_crs("EPSG:32631", "EPSG:4326", always_xy=True).transform_bounds(*BOX, densify_pts=21)


def _says_the_span_in_degrees(msg):
    w, s, e, n = _lonlat_box()
    assert f"lon {w:.6f}..{e:.6f}, lat {s:.6f}..{n:.6f} in EPSG:4326" in msg, msg


def test_a_lonlat_point_off_a_utm_map_is_named_in_degrees():
    for call in (lambda: analysis.similarity(UTM, {"lon": 3.01, "lat": 45.15}),
                 lambda: analysis.similarity(UTM, (3.01, 45.15), crs="EPSG:4326")):
        with pytest.raises(PointError) as e:
            call()
        msg = str(e.value)
        assert "first: lon 3.01, lat 45.15 (EPSG:4326)" in msg, msg
        x, y = Transformer.from_crs("EPSG:4326", "EPSG:32631", always_xy=True).transform(3.01, 45.15)
        assert f"x={x:.9g}, y={y:.9g} in the grid's CRS" in msg, msg   # the grid's words kept beside them
        _says_the_span_in_degrees(msg)
        assert "give coordinates in the grid's CRS" not in msg, msg   # they said their CRS: no such fix


def test_a_lonlat_label_table_off_a_utm_map_is_named_in_degrees():
    lab = pd.DataFrame({"lon": [3.01, 3.02], "lat": [45.15, 45.16], "label": [0, 1]})
    with pytest.raises(LabelError) as e:
        analysis.classify(UTM, lab)
    assert "first: lon 3.01, lat 45.15 (EPSG:4326)" in str(e.value), str(e.value)
    _says_the_span_in_degrees(str(e.value))


def test_a_utm_point_off_a_lonlat_map_is_named_in_metres():
    ll = embedding_from_array(random_unit((4, 4), seed=3), coords={"y": [45.0015, 45.0005, 44.9995, 44.9985],
                              "x": [2.9985, 2.9995, 3.0005, 3.0015]}, crs="EPSG:4326")
    with pytest.raises(PointError) as e:
        analysis.similarity(ll, (600_000.0, 4_000_000.0), crs="EPSG:32631")
    msg = str(e.value)
    assert "first: x=600000, y=4000000 (EPSG:32631)" in msg, msg
    t = Transformer.from_crs("EPSG:4326", "EPSG:32631", always_xy=True).transform_bounds(2.998, 44.998, 3.002, 45.002,
                                                                                      densify_pts=21)
    spans = re.search(r"spans x ([\d.]+)\.\.([\d.]+), y ([\d.]+)\.\.([\d.]+) in EPSG:32631", msg)
    assert spans and np.allclose([float(v) for v in spans.groups()], [t[0], t[2], t[1], t[3]], atol=0.01), msg


def test_points_in_the_grids_own_crs_keep_its_words():
    with pytest.raises(PointError, match=r"first: x=499990.0, y=4999995.0; grid x in \[500000.0, 500050.0\].*"
                                         "give coordinates in the grid's CRS"):
        geo.pixel_indices(UTM, [499_990.0], [4_999_995.0])


def test_sample_off_the_map_names_the_points_as_given():
    from alphaearth_nb import places
    from alphaearth_nb.core import NoDataWarning
    with pytest.warns(NoDataWarning) as w:
        places.sample(UTM, pd.DataFrame({"lon": [3.01, 3.02], "lat": [45.15, 45.16]}))
    msg = str(w[0].message)
    assert "as given, lon 3.010000..3.020000, lat 45.150000..45.160000 in EPSG:4326" in msg, msg
    _says_the_span_in_degrees(msg)


def test_points_off_the_map_either_way_keep_their_digits():
    lab = pd.DataFrame({"x": [400_000.0, 400_010.0], "y": [4_999_995.0, 4_999_985.0], "label": [0, 1]})
    with pytest.raises(LabelError, match=r"first \(400000, 4999995\)\) lie outside the grid read either way"):
        analysis.classify(UTM, lab)   # was '(first (400000, 5e+06))': 5 m typed, 5 km read
