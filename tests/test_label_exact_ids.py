"""The sweep of `labels.check_exact_ids` over the public entries that take class labels and did not check them:
`points_at` (the transfer protocol's pairs), `analysis.label_points` and `quality.compare_on_scene`. A float32 label
file read widened to float64 (the reader keeps `encoding['dtype']`) holds 20_000_001 as 20_000_000: the ids lost
digits before the package saw them, so classes merge. Each refuses with a `LabelError` naming float32; value rasters
(`positive=False` in `points_at`, `numbers=True` in `label_points`) are values, not ids, and pass."""
import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.supervised import label_points
from alphaearth_nb.core import LabelError
from alphaearth_nb.features import points_at
from alphaearth_nb.testing import embedding_from_array, random_unit

ID = 20_000_001                     # float32 reads it as 20_000_000


@pytest.fixture(scope="module")
def e():
    return embedding_from_array(random_unit((3, 4), seed=5))


def _widened(e, n=None):
    "A float64 raster of 20_000_001s whose file was float32 (what a reader that widens keeps: the file's type)."
    r = xr.DataArray(np.full((3, 4), float(ID)), dims=("y", "x"), coords={"y": e.y, "x": e.x},
                     attrs={"crs": "EPSG:32631"})
    r.encoding["dtype"] = np.dtype("float32")
    return r


def test_points_at_refuses_a_widened_float32_label_file(e):
    with pytest.raises(LabelError, match="float32"):
        points_at(e, _widened(e))
    with pytest.raises(LabelError, match="int32/int64"):                 # a float32 raster as it is, too
        points_at(e, _widened(e).astype(np.float32))


def test_points_at_passes_values_and_exact_ids(e):
    _, v = points_at(e, _widened(e), positive=False)                    # a value raster: values, not ids
    assert len(v) == 12
    _, y = points_at(e, _widened(e).astype(np.int64))                   # ids as integers keep their digits
    assert set(y.tolist()) == {ID}
    r = _widened(e); r.encoding["dtype"] = np.dtype("float64")
    _, y = points_at(e, r)                                               # a float64 file holds 20_000_001
    assert set(y.tolist()) == {ID}


def test_label_points_refuses_float32_ids(e):
    with pytest.raises(LabelError, match="float32"):
        label_points(_widened(e), grid_crs="EPSG:32631")
    t = {"x": e.x.values[:2], "y": e.y.values[:2], "label": np.array([ID, 3], np.float32)}
    with pytest.raises(LabelError, match="int32/int64"):
        label_points(t, grid_crs="EPSG:32631")
    _, _, v = label_points(t, grid_crs="EPSG:32631", numbers=True)      # a regression target passes
    assert len(v) == 2


def test_compare_on_scene_refuses_float32_ids_before_any_work(e):
    from alphaearth_nb.quality import compare_on_scene
    lab = _widened(e).expand_dims(year=[2020, 2021])
    lab.encoding["dtype"] = np.dtype("float32")
    with pytest.raises(LabelError, match="float32"):                    # before the stack (None) is read
        compare_on_scene(None, lab, {2020: e, 2021: e})
