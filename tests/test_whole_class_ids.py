"""Class ids that are whole numbers print as integers in `aef evaluate`'s tables and messages, whatever form the
labels came in: a GeoTIFF's or netCDF's uint8 classes read with their no-data as NaN (float), a CSV's label column
with an empty cell (float), a vector file's ints (s49 newcomer: the GeoTIFF form said 'class 2.0: 1', the field-case
checker's C1). `labels.whole_ids` is the one rule: `encode_labels` (classify's class names, evaluate_embeddings'
messages) and `drop_unlabelled` (the command's labels) read ids through it."""
import re

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import LabelError
from alphaearth_nb.labels import check_exact_ids, encode_labels
from alphaearth_nb.stores import open_zarr

FLOAT_ID = re.compile(r"class -?\d+\.0\b|\(-?\d+\.0[,)]")


def _raster(store):
    e = open_zarr(store)
    lab = np.where(np.arange(e.sizes["x"])[None, :] < e.sizes["x"] // 2, 1, 2).repeat(e.sizes["y"], 0).astype("uint8")
    lab[0] = 0   # the no-data row
    import xarray as xr
    return xr.DataArray(lab, dims=("y", "x"), coords={"y": e.y.values, "x": e.x.values})


@pytest.mark.parametrize("form", ["tif", "nc", "csv", "gpkg"])
def test_the_thinning_refusal_names_whole_classes(tmp_path, evaluate_cli, labelled_store, form):
    store, pts = labelled_store
    path = tmp_path / f"lab.{form}"
    if form == "tif":
        pytest.importorskip("rioxarray")
        _raster(store).rio.write_crs("EPSG:32631").rio.write_nodata(0).rio.to_raster(path)
    elif form == "nc":
        _raster(store).rio.write_crs("EPSG:32631").rio.write_nodata(0).to_dataset(name="lab").to_netcdf(path)
    elif form == "csv":   # an empty label cell: the column reads float
        t = pd.DataFrame({"x": pts.geometry.x, "y": pts.geometry.y, "label": pts["label"].astype(float)})
        t.loc[t.index[0], "label"] = np.nan
        t.to_csv(path, index=False)
    else:
        pts.assign(label=pts["label"].astype(float)).to_file(path)   # float ids in the file itself
    args = ("--crs", "EPSG:32631") if form == "csv" else ()
    rc, _, err = evaluate_cli("--embeddings", store, "--labels", str(path), "--spacing", "1e7", *args)
    assert rc == 2 and "thinned to points at least 1e+07 m apart" in err, err
    assert re.search(r"class \d+: 1 of \d+[,;]", err) and not FLOAT_ID.search(err), err   # whole ids, kept of labelled


def test_the_table_of_a_float_raster_runs_and_says_no_float_id(tmp_path, evaluate_cli, labelled_store):
    pytest.importorskip("rioxarray")
    store, _ = labelled_store
    path = tmp_path / "lab.tif"
    _raster(store).rio.write_crs("EPSG:32631").rio.write_nodata(0).rio.to_raster(path)
    rc, out, err = evaluate_cli("--embeddings", store, "--labels", str(path), "--spacing", "10")
    assert rc == 0 and "of 2 classes" in err and not FLOAT_ID.search(out + err), (out, err)


def test_whole_ids_rule():
    from alphaearth_nb.labels import whole_ids
    assert whole_ids(np.array([1.0, 2.0, 0.0])).dtype == np.int32 and whole_ids(np.array([3e9, 1.0])).dtype == np.int64
    assert encode_labels(np.array([2.0, 1.0, 2.0], np.float32))[0].tolist() == [1, 2]
    assert encode_labels(np.array([2.0, 1.0, 2.0]))[0].dtype.kind == "i"
    for keep in (np.array([1.0, 2.5]), np.array([1.0, np.nan]), np.array(["a", "b"])):
        assert whole_ids(keep) is keep   # fractions, NaN, names: as given
    big = np.array([1.0, 20_000_000.0], np.float32)   # beyond float32's exact integers: still refused by name
    assert whole_ids(big).dtype == np.float32
    with pytest.raises(LabelError, match="lost digits"): check_exact_ids(whole_ids(big))
    with pytest.raises(LabelError, match="lost digits"): encode_labels(big)
