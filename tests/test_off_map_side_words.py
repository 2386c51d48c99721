"""Labels in lon/lat, right, of which some lie on the next tile, were told "1 label(s) lie outside the grid ...: give
coordinates in the grid's CRS (or pass crs=) and drop those outside it": CRS advice for points in the right frame.
Where some points lie on the map, the words now say how many lie off it to each side, the map's lon/lat span and
which points (from 0), with no CRS advice; points all off it keep the CRS advice (`crs_advice`)."""
import numpy as np
import pandas as pd
import pytest
from pyproj import Transformer

from alphaearth_nb import analysis
from alphaearth_nb.core import LabelError
from alphaearth_nb.spatial import grid_coords
from alphaearth_nb.testing import embedding_from_array, random_unit

UTM = embedding_from_array(random_unit((4, 5), seed=2), coords=grid_coords(4, 5, 500_000., 5_000_000.), crs="EPSG:32631")
XS = np.array([500_005.0, 500_300.0, 500_015.0, 500_025.0, 499_000.0])
YS = np.array([4_999_995.0, 4_999_995.0, 4_999_985.0, 4_999_975.0, 5_000_900.0])
LON, LAT = Transformer.from_crs("EPSG:32631", "EPSG:4326", always_xy=True).transform(XS, YS)
SPAN = Transformer.from_crs("EPSG:32631", "EPSG:4326", always_xy=True).transform_bounds(
    500_000, 4_999_960, 500_050, 5_000_000, densify_pts=21)


@pytest.mark.parametrize("cols", [("lon", "lat"), ("x", "y")])   # named lon/lat; x/y read either way
def test_points_partly_off_the_map_say_side_span_and_which(cols):
    with pytest.raises(LabelError) as e:
        analysis.classify(UTM, pd.DataFrame({cols[0]: LON, cols[1]: LAT, "label": [0, 1, 0, 1, 1]}))
    msg = str(e.value)
    assert "1 to the east" in msg and "1 to the north-west" in msg, msg
    assert f"lon {SPAN[0]:.6f}..{SPAN[2]:.6f}, lat {SPAN[1]:.6f}..{SPAN[3]:.6f}" in msg, msg
    assert "(rows 1, 4 of the labels, from 0)" in msg, msg   # the user's rows (s55: tests/test_off_map_user_rows.py)
    said = msg.replace("; `crs=` says their CRS", "")   # x/y of no CRS: the drop reads them as the others lie
    assert "crs=" not in said and "CRS (or pass" not in said, msg   # no other CRS advice: some lie on the map


def test_points_all_off_keep_the_crs_advice():
    with pytest.raises(LabelError) as e:
        analysis.classify(UTM, pd.DataFrame({"lon": LON[[1, 4]], "lat": LAT[[1, 4]], "label": [0, 1]}))
    assert "to the east" not in str(e.value), str(e.value)
