"""Kind B across a UTM zone's edge: points of the zone beside the map's, given without their CRS, are told the CRS
that places them (they were told `crs='EPSG:4326'` or the map's own, both just tried and failed)."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr
from pyproj import Transformer

from alphaearth_nb.analysis import classify, similarity
from alphaearth_nb.core import LabelError, PointError, band_names
from alphaearth_nb.testing import random_unit

R, C = np.array([3, 10, 20, 25]), np.array([5, 30, 12, 38])


def _zone31_map():
    "30 x 40 pixels of zone 31N near its east edge (about 5.99 E, 45 N)."
    return xr.DataArray(random_unit((30, 40), seed=3), dims=("y", "x", "band"),
                        coords={"y": np.arange(30)[::-1] * 10.0 + 4_985_005, "x": np.arange(40) * 10.0 + 734_005,
                                "band": band_names()}, attrs={"crs": "EPSG:32631"})


def _lonlat_map():
    "30 x 40 pixels of about 10 m in lon/lat at 6.0 E, 45 N (an Earth Engine export at scale 10 in EPSG:4326)."
    res = 8.983152841195214e-05
    return xr.DataArray(random_unit((30, 40), seed=3), dims=("y", "x", "band"),
                        coords={"y": 45.0 + (np.arange(30)[::-1] + 0.5) * res, "x": 6.0 + (np.arange(40) + 0.5) * res,
                                "band": band_names()}, attrs={"crs": "EPSG:4326"})


@pytest.mark.parametrize("make", [_zone31_map, _lonlat_map])
def test_points_of_the_next_utm_zone_are_told_their_zone(make):
    """Four field points in EPSG:32632 (x about 261,000 m) on a map in zone 31 near 6 E or in lon/lat there,
    as a table without a CRS: classify raised 'give points on the map and say their CRS, `crs='EPSG:4326'` or
    `crs='EPSG:32631'`' (or `crs='EPSG:4326'` alone on the lon/lat map), readings just tried. Right: the error
    names `crs='EPSG:32632'`, the similarity query's too, and with it the labels land on their pixels."""
    e = _zone31_map() if make is _zone31_map else _lonlat_map()
    X, Y = Transformer.from_crs(e.attrs["crs"], "EPSG:32632", always_xy=True).transform(e.x.values[C], e.y.values[R])
    lab = pd.DataFrame({"x": X, "y": Y, "label": [1, 2, 1, 2]})
    with pytest.raises(LabelError, match="crs='EPSG:32632'"):
        classify(e, lab, k=1)
    with pytest.raises(PointError, match="crs='EPSG:32632'"):
        similarity(e, (X[0], Y[0]))
    got = classify(e, lab, k=1, crs="EPSG:32632")["class"].values[R, C]
    assert got.tolist() == [1, 2, 1, 2]
