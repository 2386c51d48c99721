"""A vector file of labels without a `label` column whose other columns are several (eo-learn's LULC.gpkg: index,
RABA_ID, AREA, DATE, LULC_ID, LULC_NAME) was refused naming the columns but suggesting none (a CSV of one other
column got it): now the columns whose values look like classes (whole numbers or text, few distinct, no date) are
suggested, a name that says classes first (`tables.label_column_guess` given the table), under `aef evaluate` and in
Python's classify alike."""
import numpy as np
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb.core import LabelError
from alphaearth_nb.exports import to_zarr
from alphaearth_nb.testing import embedding_from_array, random_unit

gpd = pytest.importorskip("geopandas")


@pytest.fixture
def lulc(shared_data, tmp_path):
    "The LULC.gpkg of the eo-learn patch and a 100 m embedding store over its extent (EPSG:32633): (path, store)."
    path = shared_data / "eolearn_patch" / "vector_timeless" / "LULC.gpkg"
    if not path.exists(): pytest.skip("no eolearn_patch LULC.gpkg in ../shared/data")
    b = gpd.read_file(path).total_bounds
    xs, ys = np.arange(b[0], b[2], 100.0), np.arange(b[3], b[1], -100.0)
    e = embedding_from_array(random_unit((len(ys), len(xs)), seed=1), {"y": ys, "x": xs}, crs="EPSG:32633")
    return path, str(to_zarr(e, tmp_path / "e.zarr"))


def test_aef_evaluate_suggests_the_class_columns(lulc, evaluate_cli):
    path, store = lulc
    rc, _, err = evaluate_cli("--embeddings", store, "--labels", str(path))
    assert rc == 2 and "has no column 'label'" in err, err
    assert "pass --label-column LULC_ID (" in err and "LULC_NAME" in err.split("pass --label-column")[1], err
    for no in ("AREA", "DATE", "index"): assert no not in err.split("pass --label-column")[1], err


def test_classify_suggests_them_too(lulc):
    path, store = lulc
    with pytest.raises(LabelError, match=r"pass `column='LULC_ID'` \(.*LULC_NAME"):
        aef.classify(xr.open_dataarray(store, engine="zarr"), gpd.read_file(path))
