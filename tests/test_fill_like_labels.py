"""Class ids that look like an undeclared no-data code are said, not trained in silence (session 30's finding).

A label raster or table whose class column holds 0, 255 or 65535 for "no data" (ESA WorldCover's 0 below 10..100,
a uint8 map's 255, eo-learn's LULC 0 named 'no data') with no nodata/_FillValue declared was trained and scored as
a class by classify, training_set and evaluate_embeddings, without a word. Now one rule (`evaluate.fill_like_ids`)
warns naming the id, its share of the rows and the fix, for rasters, tables and arrays alike; a declared no-data is
dropped (checked in attrs and in encoding); ids that are classes (0 beside 1..8, a binary mask) stay silent."""
import re
import warnings

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.analysis import classify, training_set
from alphaearth_nb.core import LabelWarning
from alphaearth_nb.evaluate import evaluate_embeddings
from alphaearth_nb.testing import embedding_from_array, random_unit

FILL = r"looks like a no-data code"


def _map(cls):
    "An embedding (H, W) whose pixels are their class's centre plus noise, and a label raster of `cls` on it."
    rng = np.random.default_rng(0)
    ids = np.unique(cls, return_inverse=True)[1].reshape(cls.shape)
    cent = random_unit((ids.max() + 1,), seed=5)
    v = cent[ids] + 0.05 * rng.normal(size=cls.shape + (64,))
    e = embedding_from_array((v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32))
    lab = xr.DataArray(cls, dims=("y", "x"), coords={"y": e.y, "x": e.x}, attrs={"crs": "EPSG:32631"})
    return e, lab


def _classes():
    cls = np.repeat(np.arange(1, 5), 9).reshape(6, 6).astype(np.uint8)
    cls[0, :3] = 255; cls[5, 5] = 255   # 4 cells of 36 no data, undeclared
    return cls


def test_a_uint8_raster_with_255_undeclared_is_said_with_its_share():
    e, lab = _map(_classes())
    with pytest.warns(LabelWarning, match=FILL) as rec:
        c = classify(e, lab, k=1)["class"]
    msg = next(str(w.message) for w in rec if re.search(FILL, str(w.message)))
    assert "255 holds 4 of 36 labelled pixels (11.1%)" in msg and "labels.attrs['nodata'] = 255" in msg
    assert 255 in np.unique(c.values)   # still trained: said, not dropped
    with pytest.warns(LabelWarning, match=FILL):
        training_set(e, lab)


@pytest.mark.parametrize("where,key", [("attrs", "nodata"), ("attrs", "_FillValue"), ("encoding", "_FillValue")])
def test_a_declared_fill_is_dropped_and_silent(where, key):
    e, lab = _map(_classes())
    getattr(lab, where)[key] = 255
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*no-data code")
        X, y = training_set(e, lab)
        c = classify(e, lab, k=1)["class"]
    assert len(y) == 32 and 255 not in set(y.tolist()) and 255 not in np.unique(c.values)


def test_the_raster_fix_as_written_works():
    e, lab = _map(_classes())
    with pytest.warns(LabelWarning, match=FILL) as rec:
        training_set(e, lab)
    code = re.search(r"`(labels\.attrs\[[^`]+)`", next(str(w.message) for w in rec if "no-data" in str(w.message)))[1]
    exec(code, {"labels": lab})
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*no-data code")
        X, y = training_set(e, lab)
    assert set(y.tolist()) == {1, 2, 3, 4}


def test_a_class_name_saying_no_data_is_no_data():
    "eo-learn's LULC: 0 'no data' beside 1, 2, 3: left out, as the raster says (was: trained, with this warning)."
    cls = np.repeat(np.arange(4), 9).reshape(6, 6)
    e, lab = _map(cls)
    lab.attrs.update(flag_values=[0, 1, 2, 3], flag_meanings="no_data cultivated_land forest grassland")
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*no-data code")
        X, y = training_set(e, lab)
    assert set(y.tolist()) == {1, 2, 3} and len(y) == 27


def test_a_table_of_worldcover_ids_with_0_is_said_and_its_fix_works():
    e, lab = _map(np.repeat(np.array([10, 20, 30, 40]), 9).reshape(6, 6))
    yy, xx = np.meshgrid(e.y.values, e.x.values, indexing="ij")
    df = pd.DataFrame({"x": xx.ravel(), "y": yy.ravel(), "label": lab.values.ravel()})
    df.loc[[0, 1, 2], "label"] = 0
    with pytest.warns(LabelWarning, match=r"0 holds 3 of 36 labelled rows \(8\.3%\): below the others, 10\.\.40") as rec:
        classify(e, df, k=1, crs="EPSG:32631")
    code = re.search(r"`(df = [^`]+)`", next(str(w.message) for w in rec if "no-data" in str(w.message)))[1]
    env = {"df": df}; exec(code, env)
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*no-data code")
        X, y = training_set(e, env["df"], crs="EPSG:32631")
    assert 0 not in set(y.tolist()) and len(y) == 33


def test_evaluate_says_65535_beside_small_ids():
    rng = np.random.default_rng(1)
    y = np.repeat(np.array([1, 2, 3, 65535], np.uint16), 12)
    x = (random_unit((4,), seed=2)[np.searchsorted([1, 2, 3, 65535], y)] + 0.1 * rng.normal(size=(48, 64))).astype(np.float32)
    with pytest.warns(LabelWarning, match="65535 holds 12 of 48 labelled rows.*keep = y != 65535"):
        evaluate_embeddings(x, y, shots=(1,), folds=2, methods=("knn1",))


@pytest.mark.parametrize("ids,dtype", [([0, 1], None), (range(9), np.uint8), ([0, 1, 2, 5], None), (range(1, 12), None),
                                       ([10, 20, 30], None), ([1, 2, 255], np.int64), ([0, 255], np.uint8)])
def test_classes_that_are_classes_stay_silent(ids, dtype):
    "A binary mask (0/1, 0/255 in uint8: two ids are two classes), Dynamic World's 0..8, CORINE-like 1..11, 10..30."
    from alphaearth_nb.evaluate import fill_like_ids   # new: the rule itself
    if ids == [1, 2, 255]:   # 255 is far above 1..2: the one found here
        assert [f[0] for f in fill_like_ids(np.array(ids), dtype)] == [255]; return
    assert fill_like_ids(np.array(list(ids)), dtype) == []


def test_aef_evaluate_says_it_once(tmp_path):
    "aef evaluate of a store and a label raster: training_set says it in the raster's words; evaluate_embeddings, " \
    "handed the same labels, said it a second time in an array's words (two `aef: warning:` lines for one fault)."
    from alphaearth_nb.cli import main
    from alphaearth_nb.files import writing_folder
    e, lab = _map(_classes())
    ds = e.to_dataset(name="embedding").assign_coords(band=e.band.astype(object))
    with writing_folder(tmp_path / "emb.zarr", what="embedding store", meta={"kind": "embedding"}) as tmp:
        ds.to_zarr(tmp, mode="w", consolidated=False)
    lab.rename("landcover").to_netcdf(tmp_path / "lab.nc")
    with pytest.warns(LabelWarning, match=FILL) as rec:
        main(["evaluate", "--embeddings", str(tmp_path / "emb.zarr"), "--labels", str(tmp_path / "lab.nc"),
              "--shots", "1", "--folds", "2"])
    said = [str(w.message) for w in rec if re.search(FILL, str(w.message))]
    assert len(said) == 1 and "labels.attrs['nodata'] = 255" in said[0], said


def test_aef_evaluate_of_a_table_file_names_the_rows_to_drop_from_it(tmp_path):
    "aef evaluate of an embeddings CSV, and of a store with a CSV of labelled points: the fix names the rows to drop " \
    "from that file, once (was `keep = y != 255; x, y = x[keep], y[keep]` and `df = df[df['label'] != 255]`: " \
    "Python no shell user has the `x`, `y` or `df` of)."
    from alphaearth_nb.cli import main
    from alphaearth_nb.core import band_names
    from alphaearth_nb.files import writing_folder
    e, lab = _map(_classes())
    v = e.values.reshape(-1, 64)
    emb_csv = tmp_path / "emb.csv"
    pd.DataFrame(v, columns=band_names()).assign(label=lab.values.ravel()).to_csv(emb_csv, index=False)
    ds = e.to_dataset(name="embedding").assign_coords(band=e.band.astype(object))
    with writing_folder(tmp_path / "emb.zarr", what="embedding store", meta={"kind": "embedding"}) as tmp:
        ds.to_zarr(tmp, mode="w", consolidated=False)
    yy, xx = np.meshgrid(e.y.values, e.x.values, indexing="ij")
    pts = tmp_path / "pts.csv"
    pd.DataFrame({"x": xx.ravel(), "y": yy.ravel(), "label": lab.values.ravel()}).to_csv(pts, index=False)
    for argv, src in ((["--embeddings", str(emb_csv)], emb_csv), (["--embeddings", str(tmp_path / "emb.zarr"),
                                                                   "--labels", str(pts)], pts)):
        with pytest.warns(LabelWarning, match=FILL) as rec:
            assert main(["evaluate", *argv, "--shots", "1", "--folds", "2"]) == 0
        said = [str(w.message) for w in rec if re.search(FILL, str(w.message))]
        assert len(said) == 1 and "4 of 36" in said[0], said
        assert f"drop the rows whose 'label' is 255 from {src}" in said[0] and "keep = y" not in said[0] \
            and "df = " not in said[0], said
