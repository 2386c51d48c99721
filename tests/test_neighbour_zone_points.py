"""Kind B across a UTM zone's edge: points of the zone beside the map's, given without their CRS, are told the CRS
that places them (they were told `crs='EPSG:4326'` or the map's own, both just tried and failed)."""
import pandas as pd
import pytest

from alphaearth_nb.analysis import classify, similarity
from alphaearth_nb.core import LabelError, PointError



@pytest.mark.parametrize("crs", ["EPSG:32631", "EPSG:4326"])
def test_points_of_the_next_utm_zone_are_told_their_zone(zone_edge, crs):
    """Four field points in EPSG:32632 (x about 261,000 m) on a map in zone 31 near 6 E or in lon/lat there,
    as a table without a CRS: classify raised 'give points on the map and say their CRS, `crs='EPSG:4326'` or
    `crs='EPSG:32631'`' (or `crs='EPSG:4326'` alone on the lon/lat map), readings just tried. Right: the error
    names `crs='EPSG:32632'`, the similarity query's too, and with it the labels land on their pixels."""
    e, X, Y = zone_edge(crs)
    lab = pd.DataFrame({"x": X, "y": Y, "label": [1, 2, 1, 2]})
    with pytest.raises(LabelError, match="crs='EPSG:32632'"):
        classify(e, lab, k=1)
    with pytest.raises(PointError, match="crs='EPSG:32632'"):
        similarity(e, (X[0], Y[0]))
    got = classify(e, lab, k=1, crs="EPSG:32632")["class"].values[zone_edge.rows, zone_edge.cols]
    assert got.tolist() == [1, 2, 1, 2]
