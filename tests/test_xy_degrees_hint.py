"""Coordinates under GIS names (QGIS's X/Y, ArcGIS's POINT_X/POINT_Y) are x/y of any CRS: the rename the refusal
names says which `crs=` reads them, EPSG:4326 for degrees (a QGIS export of lon/lat points writes X/Y too) beside a
zone's for metres. Was: "pass their CRS, e.g. `crs='EPSG:32631'`" alone, which, followed for degrees, put every point
off the map (a second error). Found by session 31's newcomer walk (a CSV of lon/lat under X/Y)."""

import pandas as pd
import pytest
from pyproj import Transformer

from alphaearth_nb.analysis import classify
from alphaearth_nb.core import LabelError
from alphaearth_nb.places import sample
from alphaearth_nb.testing import embedding_from_array, random_unit

E = embedding_from_array(random_unit((4, 5), seed=2))   # 10 m, corner (500000, 5000000), EPSG:32631


def test_x_y_in_degrees_are_named_with_the_crs_that_reads_them():
    lon, lat = Transformer.from_crs("EPSG:32631", "EPSG:4326", always_xy=True).transform([500005.0, 500035.0],
                                                                                         [4999995.0, 4999975.0])
    t = pd.DataFrame({"X": lon, "Y": lat, "label": ["crop", "forest"]})
    with pytest.raises(LabelError) as e:
        classify(E, t, k=1)
    assert "crs='EPSG:4326'` for degrees" in str(e.value) and "crs='EPSG:32631'" in str(e.value)
    renamed = t.rename(columns={"X": "x", "Y": "y"})   # the fix named, with the degrees' crs
    assert sample(E, renamed, crs="EPSG:4326")["inside"].all()
    assert classify(E, renamed, crs="EPSG:4326", k=1)["class"].attrs["class_names"] == ["crop", "forest"]
