"""Coordinates under GIS names (QGIS's X/Y, ArcGIS's POINT_X/POINT_Y) may hold degrees (a QGIS export of lon/lat
points writes X/Y): X/Y are read as the x/y of a file are, degrees judged by their values, so such a table is
classified and sampled where its points lie; POINT_X/POINT_Y in degrees are refused naming the rename to lon/lat,
and that rename puts every point on the map (following the words must not lead to a second error)."""

import pandas as pd
import pytest
from pyproj import Transformer

from alphaearth_nb.analysis import classify
from alphaearth_nb.core import LabelError
from alphaearth_nb.places import sample
from alphaearth_nb.testing import embedding_from_array, random_unit

E = embedding_from_array(random_unit((4, 5), seed=2))   # 10 m, corner (500000, 5000000), EPSG:32631
LON, LAT = Transformer.from_crs("EPSG:32631", "EPSG:4326", always_xy=True).transform([500005.0, 500035.0],
                                                                                     [4999995.0, 4999975.0])


def test_x_y_in_degrees_are_read_where_the_points_lie():
    t = pd.DataFrame({"X": LON, "Y": LAT, "label": ["crop", "forest"]})
    s = sample(E, t)
    assert s["inside"].all()
    assert (s["A00"].values == E.values[[0, 2], [0, 3], 0]).all()   # pixels (row 0, col 0) and (row 2, col 3)
    assert classify(E, t, k=1)["class"].attrs["class_names"] == ["crop", "forest"]


def test_point_x_y_in_degrees_are_named_with_the_rename_that_reads_them():
    t = pd.DataFrame({"POINT_X": LON, "POINT_Y": LAT, "label": ["crop", "forest"]})
    with pytest.raises(LabelError) as e:
        classify(E, t, k=1)
    assert "df.rename(columns={'POINT_X': 'lon', 'POINT_Y': 'lat'})" in str(e.value)
    renamed = t.rename(columns={"POINT_X": "lon", "POINT_Y": "lat"})   # the fix named
    assert sample(E, renamed)["inside"].all()
    assert classify(E, renamed, k=1)["class"].attrs["class_names"] == ["crop", "forest"]
