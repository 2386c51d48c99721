"Vectors handed in as xarray objects are read by their band labels: a band_data pixel as a query, DataArray rows in searches and fits."
import warnings

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb import index
from alphaearth_nb.analysis import similarity
from alphaearth_nb.evaluate import evaluate_embeddings
from alphaearth_nb.knn import knn_search
from alphaearth_nb.linear import linear_probe_fit, linear_probe_predict
from alphaearth_nb.testing import embedding_from_array, official_tiff, random_unit

A = random_unit((8, 8), seed=4)
EMB = embedding_from_array(A)
ROWS = EMB.stack(p=("y", "x")).transpose("p", "band")   # (64 pixels, 64 bands), labelled A00..A63
X = A.reshape(-1, 64)


def test_a_band_data_pixel_is_a_query():
    "xr.open_dataset(tif, engine='rasterio') gives one variable band_data; the map was read, its pixel refused."
    ds = official_tiff(EMB.aef.quantize()).to_dataset(name="band_data")   # (band 1..64, y, x) int8 codes
    px = ds.sel(x=EMB.x[5], y=EMB.y[2])
    s = similarity(ds, px)
    assert float(s.sel(x=EMB.x[5], y=EMB.y[2])) == pytest.approx(1.0, abs=1e-6)
    assert float(similarity(EMB, px).sel(x=EMB.x[5], y=EMB.y[2])) > 0.9999
    assert int(index.exact_search(X, px, k=1)[0][0]) == 2 * 8 + 5


@pytest.mark.parametrize("form", ["bands reversed", "band first"])
def test_dataarray_rows_are_searched_by_their_labels(form):
    "Was read by position: reversed bands found other pixels (distance 1.5), (band, N) rows were transposed."
    rows = ROWS.isel(band=slice(None, None, -1)) if form == "bands reversed" else ROWS.transpose("band", "p")
    d, i = knn_search(X, rows.isel(p=[9, 40]), k=1)
    np.testing.assert_array_equal(i[:, 0], [9, 40]); assert (d[:, 0] == 0).all()
    d, i = knn_search(rows, X[[9, 40]], k=1)
    np.testing.assert_array_equal(i[:, 0], [9, 40]); assert (d[:, 0] == 0).all()


def test_dataarray_rows_in_the_probes_and_the_protocol():
    y = np.arange(64) % 4
    rev = ROWS.isel(band=slice(None, None, -1))
    W = linear_probe_fit(X, y, 4)
    np.testing.assert_allclose(linear_probe_predict(W, rev), linear_probe_predict(W, X), atol=1e-4)   # was: other rows
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = evaluate_embeddings(X, y, shots=(1,), folds=3, methods=("knn1",))
        b = evaluate_embeddings(rev, y, shots=(1,), folds=3, methods=("knn1",))
    assert a.balanced_accuracy.tolist() == b.balanced_accuracy.tolist()


@pytest.mark.parametrize("backend", ["usearch", "faiss"])
def test_an_index_of_dataarray_rows(backend):
    "index.build took (N, 64) arrays and tables but refused a DataArray of rows: 'an embedding needs y and x dims'."
    pytest.importorskip(backend)
    xs, ys = [EMB.x.values[c] for c in (1, 5, 2, 7)], [EMB.y.values[r] for r in (0, 2, 6, 3)]
    rows = EMB.sel(x=xr.DataArray(xs, dims="p"), y=xr.DataArray(ys, dims="p"))   # (p, band): pixels at points
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ix = index.build(rows.isel(band=slice(None, None, -1)), backend=backend)   # read by its band labels
    m = ix.search(A[6, 2], k=2)
    assert m.ids[0] == 2 and m.scores[0] == pytest.approx(1.0)


def test_knn_search_reads_a_dataset_query_by_the_gate_rule():
    "Was numpy's TypeError 'cannot directly convert an xarray.Dataset into a numpy array' from knn_search."
    import xarray as xr
    from alphaearth_nb.core import DimensionError
    from alphaearth_nb.knn import knn_search
    from alphaearth_nb.testing import embedding_from_array, random_unit
    e = embedding_from_array(random_unit((4, 5), seed=1))
    X = e.transpose("y", "x", "band").values.reshape(-1, 64)
    ds = e.to_dataset(name="band_data")   # xr.open_dataset(tif, engine='rasterio')'s form
    d, i = knn_search(X, ds.isel(y=1, x=[2, 3]), 1)
    assert i.ravel().tolist() == [7, 8] and d.max() == 0
    d1, i1 = knn_search(X, ds.isel(y=1, x=2), 1)   # one pixel (64,): one query, answered (k,) (was refused)
    assert i1.tolist() == [7] and d1.shape == (1,)
    with pytest.raises(DimensionError, match="A00..A63"):
        knn_search(X, xr.Dataset({"a": ("x", [1.0, 2.0])}), 1)
