"""A vector file of labels that says no CRS (a shapefile without its .prj, a GeoPackage or FlatGeobuf layer of
undefined SRS) is read in `crs=` by classify, sample and read_geometries, and refused naming the file and the fixes
without it. Was: geopandas' 'ValueError: Cannot transform naive geometries' from inside the package either way."""
import warnings

import numpy as np
import pytest

gpd = pytest.importorskip("geopandas")

from alphaearth_nb.analysis import classify
from alphaearth_nb.core import GridError
from alphaearth_nb.places import read_geometries, sample
from alphaearth_nb.testing import embedding_from_array, random_unit


def _map_and_points():
    "A 6 x 8 map (EPSG:32631) whose west half is one vector and east half another; a point per pixel of 4, labelled."
    v = random_unit((2,), seed=3)
    e = embedding_from_array(np.where(np.arange(8)[None, :, None] < 4, v[0], v[1]) * np.ones((6, 8, 1), np.float32))
    rc = [(0, 0), (5, 2), (1, 5), (4, 7)]
    pts = gpd.GeoDataFrame({"label": [1, 1, 2, 2]}, crs=e.attrs["crs"],
                           geometry=gpd.points_from_xy([float(e.x[c]) for _, c in rc], [float(e.y[r]) for r, _ in rc]))
    return e, pts


@pytest.mark.parametrize("ext", ["shp", "gpkg", "fgb"])
def test_a_file_without_crs_is_read_in_crs_or_refused(tmp_path, ext):
    e, pts = _map_and_points()
    utm, deg = tmp_path / f"utm.{ext}", tmp_path / f"deg.{ext}"
    pts.set_crs(None, allow_override=True).to_file(utm)
    pts.to_crs(4326).set_crs(None, allow_override=True).to_file(deg)
    assert gpd.read_file(utm).crs is None and gpd.read_file(deg).crs is None   # the files say no CRS
    want = np.where(np.arange(8) < 4, 1, 2)[None, :] * np.ones((6, 1), int)
    for p, crs in ((utm, "EPSG:32631"), (deg, "EPSG:4326")):
        assert read_geometries(p, crs).crs == crs
        for m in ("knn", "linear"):
            assert (classify(e, p, method=m, k=1, crs=crs)["class"].values == want).all()
        with warnings.catch_warnings():
            warnings.simplefilter("error")   # every point on the map: no off-map warning
            s = sample(e, p, crs=crs)
        west, east = e.values[0, 0], e.values[0, -1]   # each point's vector: its half's (FlatGeobuf reorders rows)
        want_v = np.where((s["label"].to_numpy() == 1)[:, None], west, east)
        assert s["inside"].all() and np.allclose(s[[f"A{i:02d}" for i in range(64)]].to_numpy(), want_v)
    for call in (lambda: classify(e, utm), lambda: sample(e, utm), lambda: read_geometries(utm)):
        with pytest.raises(GridError, match=r"does not say its CRS.*crs='EPSG:4326'.*set_crs") as err:
            call()
        assert str(utm) in str(err.value)
