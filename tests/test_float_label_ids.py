"""Class ids a float type cannot hold (float32 is exact for integers only up to 2^24 = 16,777,216): a float32 label
raster or column of ids like 20_000_001 lost digits on the way in (it reads 20_000_000) and classes merged without a
word. Refused with a `LabelError` naming the fix wherever class labels come in; integers and float64 ids in range
(WorldCereal codes, field case C2) and regression targets pass."""
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.analysis import classify, regress, training_set
from alphaearth_nb.core import LabelError
from alphaearth_nb.evaluate import evaluate_embeddings
from alphaearth_nb.labels import encode_labels
from alphaearth_nb.testing import embedding_from_array, random_unit

IDS = [20_000_001, 20_000_003, 3]      # float32 reads the first two as 20_000_000 and 20_000_004


@pytest.fixture(scope="module")
def e():
    return embedding_from_array(random_unit((3, 4), seed=3))


def _raster(e, dtype):
    a = np.full((3, 4), np.nan if np.dtype(dtype).kind == "f" else -1); a[0, :3] = IDS; a[2, :3] = IDS
    return xr.DataArray(a.astype(dtype), dims=("y", "x"), coords={"y": e.y, "x": e.x}, attrs={"crs": "EPSG:32631"})


def _table(e, col):
    return pd.DataFrame({"x": np.r_[e.x.values[:3], e.x.values[:3]], "y": np.repeat(e.y.values[[0, 2]], 3),
                         "label": col})


def test_float32_label_raster_refused_naming_the_fix(e):
    assert np.float32(IDS[0]) == np.float32(20_000_000)       # the digits are gone before the package sees them
    for m in ("knn", "linear"):
        with pytest.raises(LabelError, match="int32/int64"):
            classify(e, _raster(e, np.float32), method=m, k=1)


def test_float32_file_read_as_float64_refused(e):
    r = _raster(e, np.float32).astype(np.float64)
    r.encoding["dtype"] = np.dtype("float32")                  # what a reader that widens keeps: the file's type
    with pytest.raises(LabelError, match="float32"):
        training_set(e, r)


@pytest.mark.parametrize("col", [np.array(IDS * 2, np.float32), pd.array(IDS * 2, "Float32"),
                                 pd.array(IDS[:2] + [None] + IDS, "Float32")])
def test_float32_table_columns_refused(e, col):
    with pytest.raises(LabelError, match="int32/int64"):
        classify(e, _table(e, col), method="knn", k=1)


def test_geodataframe_float32_column_refused(e):
    gpd = pytest.importorskip("geopandas")
    t = _table(e, np.array(IDS * 2, np.float32))
    g = gpd.GeoDataFrame({"label": t["label"]}, geometry=gpd.points_from_xy(t.x, t.y), crs="EPSG:32631")
    with pytest.raises(LabelError, match="int32/int64"):
        classify(e, g, method="knn", k=1)


def test_evaluate_and_encode_refuse_float32_ids():
    y = np.array(IDS * 4, np.float32)
    with pytest.raises(LabelError, match="2\\^24"):
        encode_labels(y)
    with pytest.raises(LabelError, match="int32/int64"):
        evaluate_embeddings(random_unit((12,), seed=1), y, shots=(1,), folds=1)


def test_exact_ids_pass(e):
    for lab in (_raster(e, np.int64), _table(e, np.array(IDS * 2, np.int64))):
        cls = classify(e, lab, method="knn", k=1)["class"].values
        assert set(np.unique(cls).tolist()) == set(IDS)        # 20_000_001 and 20_000_003 kept apart
    codes = [1101000000.0, 2501000000.0, 4102000040.0]         # float64 holds these 10-digit ids exactly
    cls = classify(e, _table(e, np.array(codes * 2)), method="knn", k=1)["class"].values
    assert set(np.unique(cls).tolist()) == {int(c) for c in codes}
    r = _raster(e, np.float32)                                  # regression targets are values, not ids
    assert np.isfinite(regress(e, r, method="linear").values).all()


def test_whole_float64_maps_keep_their_digits_in_cogs(tmp_path):
    "The way out: a float64 class map (a masked read of int ids) was cast to float32, 20_000_001 written 20_000_000."
    rasterio = pytest.importorskip("rasterio")
    from alphaearth_nb.exports import map_to_cog
    from alphaearth_nb.geo import grid_coords
    a = np.array([[20_000_001, 20_000_003], [np.nan, 3]])
    m = xr.DataArray(a, dims=("y", "x"), coords=grid_coords(2, 2), attrs={"crs": "EPSG:32631"})
    with rasterio.open(map_to_cog(m, tmp_path / "ids.tif")) as f:
        got = f.read(1, masked=True)
    assert got[0].tolist() == [20_000_001, 20_000_003] and got[1, 1] == 3 and got.mask[1, 0]
    with rasterio.open(map_to_cog(m * 0.5 + 0.25, tmp_path / "score.tif")) as f:   # a score: float32 as before
        assert f.dtypes[0] == "float32"
