"""A path where an array, map or table is wanted: one rule (`core.is_path`), one message (`core.refuse_path`'s
`DTypeError` '..., got the path 'x.npy': load it first, e.g. ...') at every door, before any other check. Was: a bare
AttributeError (`knn.centring_offset('x.npy')`, `wider_than_float32`), no error at all (`index.recall_at('a.npy',
truth)`), numpy's TypeError, or messages naming fixes that do not apply; `as_embedding('x.npy')` named only the
readers of Zarr, GeoTIFF and netCDF. The map door's advice for a .npy array and a CSV table, run as written, gives
the embedding back."""
import re
from pathlib import Path

import numpy as np
import pytest
import xarray as xr

import alphaearth_nb as aef
from alphaearth_nb import index, knn, linear
from alphaearth_nb.core import DTypeError, LOADERS, is_path
from alphaearth_nb.embeddings import as_embedding
from alphaearth_nb.testing import embedding_from_array, random_unit

EMB = embedding_from_array(random_unit((3, 4), seed=2))
X = random_unit((20,), seed=3)
Y = np.arange(20) % 2
W = np.zeros((65, 2), np.float32)
POS = np.array([[0, 1], [1, 0]])

DOORS = {   # door -> (call of a path, the kind of readers named)
    "knn.wider_than_float32": (lambda p: knn.wider_than_float32(p), "array"),
    "knn.centring_offset": (lambda p: knn.centring_offset(p), "array"),
    "knn.knn_search/train": (lambda p: knn.knn_search(p, X[:2], k=1), "array"),
    "knn.knn_search/query": (lambda p: knn.knn_search(X, p, k=1), "array"),
    "knn.knn_indices/query": (lambda p: knn.knn_indices(X, p, k=1), "array"),
    "knn.knn_predict/train_x": (lambda p: knn.knn_predict(p, Y, X[:2], 1, 2), "array"),
    "knn.knn_predict/train_y": (lambda p: knn.knn_predict(X, p, X[:2], 1, 2), "array"),
    "knn.knn_predict/query": (lambda p: knn.knn_predict(X, Y, p, 1, 2), "array"),
    "index.vectors_of": (lambda p: index.vectors_of(p), "index"),
    "index.exact_search/vectors": (lambda p: index.exact_search(p, X[:2]), "vectors"),
    "index.exact_search/query": (lambda p: index.exact_search(X, p), "vectors"),
    "index.recall_at/found": (lambda p: index.recall_at(p, POS), "array"),
    "index.recall_at/truth": (lambda p: index.recall_at(POS, p), "array"),
    "linear.check_xy/x": (lambda p: linear.check_xy(p, Y), "array"),
    "linear.check_xy/y": (lambda p: linear.check_xy(X, p), "array"),
    "linear.least_squares_fit/y": (lambda p: linear.least_squares_fit(X, p), "array"),
    "linear.least_squares_fit_checked/x": (lambda p: linear.least_squares_fit_checked(p, Y[:, None]), "array"),
    "linear.least_squares_fit_checked/t": (lambda p: linear.least_squares_fit_checked(X, p), "array"),
    "linear.least_squares_predict/W": (lambda p: linear.least_squares_predict(p, X), "array"),
    "linear.linear_probe_fit/y": (lambda p: linear.linear_probe_fit(X, p, 2), "array"),
    "linear.linear_probe_fit_checked/x": (lambda p: linear.linear_probe_fit_checked(p, Y, 2), "array"),
    "linear.linear_probe_fit_checked/y": (lambda p: linear.linear_probe_fit_checked(X, p, 2), "array"),
    "linear.linear_probe_predict/W": (lambda p: linear.linear_probe_predict(p, X), "array"),
    "embeddings.as_embedding": (lambda p: as_embedding(p), "map"),
    "aef.change/other": (lambda p: EMB.aef.change(p), "map"),
}


@pytest.mark.parametrize("door", list(DOORS))
@pytest.mark.parametrize("form", [str, Path])
def test_a_path_at_every_door_is_the_one_message(door, form, tmp_path):
    call, kind = DOORS[door]
    path = tmp_path / "x.npy"
    np.save(path, X)
    with pytest.raises(DTypeError) as e:
        call(form(path))
    assert str(e.value).endswith(f", got the path '{path}': load it first, e.g. {LOADERS[kind]}"), str(e.value)


def test_the_rule_of_a_path():
    assert all(is_path(p) for p in ("x.npy", "data/q.csv", "emb.zarr", Path("q")))
    assert not any(is_path(t) for t in ("0.5", "-1.e5", "forest", "", 3, ["x.npy"]))


def _advice(msg:str, marker:str) -> str:
    "The code in backticks of the advice that `marker` starts."
    return next(c for c in re.findall(r"`([^`]+)`", msg) if c.startswith(marker))


def test_the_map_advice_for_a_npy_array_and_a_table_gives_the_embedding(tmp_path):
    emb = as_embedding(EMB)
    npy, csv = tmp_path / "x.npy", tmp_path / "x.csv"
    np.save(npy, EMB.values)
    EMB.to_dataset("band").drop_vars("spatial_ref", errors="ignore").to_dataframe().reset_index().to_csv(csv, index=False)
    names = {"aef": aef, "np": np, "ys": EMB.y.values, "xs": EMB.x.values}
    for path, marker in ((npy, "aef.testing.embedding_from_array"), (csv, "aef.labels.read_table(path).set_index")):
        with pytest.raises(DTypeError) as e:
            as_embedding(str(path))
        code = _advice(str(e.value), marker).replace("EPSG:...", emb.attrs["crs"])
        got = as_embedding(eval(code, {**names, "path": path}))
        xr.testing.assert_allclose(got.drop_vars("spatial_ref", errors="ignore"),
                                   emb.drop_vars("spatial_ref", errors="ignore"))
        assert got.attrs["crs"] == emb.attrs["crs"]
