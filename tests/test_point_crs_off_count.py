"""Points without a CRS of which some lie on the map in one reading (the map's CRS, or lon/lat) and the rest on it in
neither are counted and named by the reading taken: '1 label(s) (first (8.07872995, 45.0403606)) lie outside the
grid read either way ...; the other 3 lie on it read as lon/lat (EPSG:4326)' (geo.point_crs). Was: the count and
the first point of the map's CRS reading whatever the reading taken: '4 label(s) (first (3.00006361, 45.1534322))
lie outside the grid read either way', where 3 of the 4 lie on the map read as lon/lat."""
import numpy as np
import pandas as pd
import pytest
from pyproj import Transformer

from alphaearth_nb import analysis
from alphaearth_nb.core import LabelError, PointError
from alphaearth_nb.spatial import grid_coords
from alphaearth_nb.testing import embedding_from_array, random_unit

UTM = embedding_from_array(random_unit((4, 5), seed=2), coords=grid_coords(4, 5, 500_000., 5_000_000.), crs="EPSG:32631")
XS, YS = np.array([500_005.0, 500_015.0, 500_025.0, 900_000.0]), np.array([4_999_995.0, 4_999_985.0, 4_999_975.0, 4_999_995.0])
LON, LAT = Transformer.from_crs("EPSG:32631", "EPSG:4326", always_xy=True).transform(XS, YS)


def test_lonlat_without_a_crs_one_off_is_counted_as_read():
    with pytest.raises(LabelError) as e:
        analysis.classify(UTM, pd.DataFrame({"x": LON, "y": LAT, "label": [0, 1, 0, 1]}))
    msg = str(e.value)
    assert msg.startswith(f"1 label(s) (first ({LON[3]:.9g}, {LAT[3]:.9g})) lie outside the grid read either way"), msg
    assert "the other 3 lie on it read as lon/lat (EPSG:4326)" in msg, msg


def test_map_crs_without_a_crs_one_off_is_counted_as_read():
    with pytest.raises(LabelError) as e:
        analysis.classify(UTM, pd.DataFrame({"x": XS, "y": YS, "label": [0, 1, 0, 1]}))
    msg = str(e.value)
    assert msg.startswith("1 label(s) (first (900000, 4999995)) lie outside the grid read either way"), msg
    assert "the other 3 lie on it read in the map's CRS (EPSG:32631)" in msg, msg


def test_all_off_says_no_other():
    with pytest.raises(PointError) as e:
        analysis.similarity(UTM, (400_000.0, 4_999_995.0))
    assert "the other" not in str(e.value), str(e.value)
