"""A label raster in another CRS that lies off the map (a wrong CRS given to it, most often: the same numbers in the
next UTM zone) is refused alike by the two readers of label rasters, `analysis.training_set` and `evaluate.points_at`:
the `LabelError` `labels.OFF_MAP` words. Was: points_at raised GridError 'different CRS ... points_at pairs cells on
one grid. Reproject the labels onto the features' grid first ... or take the vectors with training_set', though since
73eafe9 it places a raster in another CRS by its cells as training_set does (reprojecting a raster off the map gives
no label, and training_set refused it as off the map)."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.analysis import training_set
from alphaearth_nb.core import GridWarning, LabelError
from alphaearth_nb.evaluate import points_at
from alphaearth_nb.geo import to_crs
from alphaearth_nb.testing import embedding_from_array, random_unit

E = embedding_from_array(random_unit((6, 6), seed=4))   # 10 m, corner (500000, 5000000), EPSG:32631


def _lonlat(east:float):
    "Classes 1..4 on a lon/lat grid of about 30 m over the map, moved `east` degrees."
    lon, lat = to_crs(np.array([499980.0, 500080.0]), np.array([5000020.0, 4999920.0]), "EPSG:32631", "EPSG:4326")
    s = 0.0004
    xs, ys = np.arange(lon.min(), lon.max(), s) + s / 2 + east, np.arange(lat.max(), lat.min(), -s) - s / 2
    v = np.random.default_rng(0).integers(1, 5, (len(ys), len(xs)))
    return xr.DataArray(v, dims=("y", "x"), coords={"y": ys, "x": xs}, attrs={"crs": "EPSG:4326"})


@pytest.mark.parametrize("lab", [_lonlat(1.0),                                            # a degree east of the map
                                 xr.DataArray(np.arange(1, 37).reshape(6, 6), dims=("y", "x"),  # the next UTM zone
                                              coords={"y": E.y.values, "x": E.x.values}, attrs={"crs": "EPSG:32632"})],
                         ids=["lonlat_elsewhere", "next_utm_zone"])
def test_both_readers_refuse_a_raster_off_the_map_alike(lab):
    n = int(np.isfinite(lab.values.astype(float)).sum())
    msgs = []
    for read in (training_set, points_at):
        with pytest.raises(LabelError, match=f"all {n} labelled pixels of the label raster lie outside the grid of the "
                                             r"map \(crs EPSG:32631\)") as e:
            read(E, lab)
        msgs.append(str(e.value))
    assert msgs[0] == msgs[1] and "reproject" not in msgs[1].lower()


def test_a_raster_in_another_crs_on_the_map_still_pairs():
    "The same readers on a raster that does lie on the map: one row a labelled pixel, the same pairs."
    lab = _lonlat(0.0)
    with pytest.warns(GridWarning, match="cell holding its centre"): X1, y1 = training_set(E, lab)
    with pytest.warns(GridWarning, match="cell holding its centre"): X2, y2 = points_at(E, lab)
    assert len(y1) == len(y2) == 36
    assert sorted(zip(y1.tolist(), map(tuple, X1))) == sorted(zip(y2.tolist(), map(tuple, X2)))
