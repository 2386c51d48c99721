"Mapping with embeddings: similarity, change, clusters, colours, few-shot classify/regress, laziness."
import dask.array as dsa
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.analysis import change, classify, cluster, regress, rgb, similarity
from alphaearth_nb.core import DimensionError, GridError, LabelError, NoValidDataError, PointError, band_names
from alphaearth_nb.embeddings import dequantize_embedding, from_official, quantize_embedding
from alphaearth_nb.geo import grid_coords
from alphaearth_nb.testing import embedding_from_array, random_unit


@pytest.fixture(scope="module")
def planted():
    "Three well-separated directions planted on a 10 x 10 grid, and the truth."
    centres = random_unit((3,), seed=1)
    truth = np.random.default_rng(2).integers(0, 3, (10, 10))
    pix = centres[truth] + 0.05 * random_unit((10, 10), seed=3)
    pix /= np.linalg.norm(pix, axis=-1, keepdims=True)
    return embedding_from_array(pix), truth


# --- similarity and change ---------------------------------------------------------------------------------------

def test_similarity_to_vector_is_the_dot_product(emb):
    v = np.random.default_rng(9).normal(size=64).astype(np.float32)  # not unit: used as given
    s = emb.aef.similarity(v)
    assert s.dims == ("y", "x") and s.name == "similarity"
    want = np.einsum("yxc,c->yx", emb.values.astype(np.float64), v)
    np.testing.assert_allclose(s.values, want, rtol=1e-5, atol=1e-5)
    assert np.isnan(s.values[0, 0]) and np.isnan(s.values[3, 4])


def test_similarity_to_point_is_dot_with_that_pixel(emb):
    r, c = 5, 2
    x, y = float(emb.x[c]) + 3.0, float(emb.y[r]) - 3.0  # inside the pixel, off its centre
    want = emb.values @ emb.values[r, c]
    for target in [(x, y), {"x": x, "y": y}, [x, y]]:
        np.testing.assert_allclose(similarity(emb, target).values, want, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(similarity(emb, emb.isel(y=r, x=c)).values, want, rtol=1e-5, atol=1e-6)


def test_similarity_errors(emb):
    with pytest.raises(PointError, match="outside the grid"):
        similarity(emb, (0.0, 0.0))
    with pytest.raises(NoValidDataError, match="no data"):
        similarity(emb, (float(emb.x[0]), float(emb.y[0])))
    with pytest.raises(DimensionError, match="64-vector or an"):
        similarity(emb, np.ones(5))


def test_change(emb):
    c = emb.aef.change(emb)
    assert c.dims == ("y", "x")
    np.testing.assert_allclose(np.nan_to_num(c.values), 0.0, atol=1e-6)
    other = emb.copy(data=-emb.values)
    np.testing.assert_allclose(np.nan_to_num(change(emb, other).values), np.where(np.isnan(c), 0, 2.0), atol=1e-5)
    with pytest.raises(GridError, match="different grids.*interp_like"):
        change(emb, emb.assign_coords(x=emb.x + 100))
    with pytest.raises(GridError, match="different grids"):
        change(emb, emb.isel(y=slice(1, None)))
    with pytest.raises(GridError, match="different CRS"):
        change(emb, emb.assign_attrs(crs="EPSG:32632"))


# --- clustering and colours -------------------------------------------------------------------------------------

def test_cluster_recovers_planted_clusters(planted):
    e, truth = planted
    ds = e.aef.cluster(3, seed=0)
    lab = ds.cluster.values
    assert lab.shape == truth.shape and ds.centres.shape == (3, 64)
    assert len({(t, l) for t, l in zip(truth.ravel(), lab.ravel())}) == 3  # a bijection: each planted cluster found whole
    np.testing.assert_allclose(np.linalg.norm(ds.centres.values, axis=1), 1.0, rtol=1e-5)
    np.testing.assert_array_equal(cluster(e, 3, seed=0).cluster.values, lab)  # seeded


def test_cluster_marks_no_data(emb):
    lab = cluster(emb, 3).cluster.values
    assert lab[0, 0] == -1 and lab[3, 4] == -1 and set(np.unique(lab)) <= {-1, 0, 1, 2}


def test_rgb_range_and_shape(emb):
    c = emb.aef.rgb()
    assert c.dims == ("y", "x", "rgb") and c.shape == (7, 6, 3) and list(c.rgb.values) == ["r", "g", "b"]
    v = c.values
    assert np.isnan(v[0, 0]).all()
    assert np.nanmin(v) >= 0 and np.nanmax(v) <= 1 and np.nanmax(v) > 0.9 and np.nanmin(v) < 0.1


# --- laziness ----------------------------------------------------------------------------------------------------

def test_lazy_in_lazy_out(emb):
    lazy = emb.chunk({"y": 4, "band": 16})
    lab = xr.DataArray(np.full((7, 6), np.nan), dims=("y", "x"), coords={"y": emb.y, "x": emb.x})
    lab[1, :3], lab[5, 2:] = 0, 1
    v = random_unit((), seed=4)
    cases = {
        "similarity": (lambda e: similarity(e, v)),
        "point": (lambda e: similarity(e, (float(e.x[1]), float(e.y[1])))),
        "change": (lambda e: change(e, e[::-1, :].assign_coords(y=e.y.values))),
        "quantize": quantize_embedding,
        "dequantize": (lambda e: dequantize_embedding(quantize_embedding(e))),
        "rgb": rgb,
        "cluster": (lambda e: cluster(e, 3).cluster),
        "classify": (lambda e: classify(e, lab, k=1)["class"]),
        "scores": (lambda e: classify(e, lab, k=1).scores),
        "regress": (lambda e: regress(e, lab, method="knn", k=1)),  # k = 1 again: one compiled kNN shape
    }
    for name, f in cases.items():
        out = f(lazy)
        assert isinstance(out.data, dsa.Array), f"{name} computed eagerly"
        np.testing.assert_array_equal(out.compute().values, f(emb).values, err_msg=name)


# --- classification and regression ------------------------------------------------------------------------------

def _few_labels(truth, n=2):
    "n labelled pixels per class, NaN elsewhere."
    lab = np.full(truth.shape, np.nan)
    for c in np.unique(truth):
        r, cc = np.nonzero(truth == c)
        lab[r[:n], cc[:n]] = c + 10  # ids need not start at 0
    return lab


def test_classify_from_raster_and_points(planted):
    e, truth = planted
    lab = xr.DataArray(_few_labels(truth), dims=("y", "x"), coords={"y": e.y, "x": e.x})
    for method in ("knn", "linear"):
        ds = e.aef.classify(lab, method=method, k=1)
        assert ds["class"].dtype == np.int32 and ds.scores.dims == ("y", "x", "classes")
        np.testing.assert_array_equal(ds["class"].values, truth + 10)
        assert list(ds.classes.values) == [10, 11, 12]
    r, c = np.nonzero(np.isfinite(lab.values))
    df = pd.DataFrame({"x": e.x.values[c], "y": e.y.values[r], "label": np.array(["a", "b", "c"])[lab.values[r, c].astype(int) - 10]})
    ds = classify(e, df, method="knn", k=1)
    np.testing.assert_array_equal(ds["class"].values, truth)  # string labels: index into `classes`
    assert list(ds.classes.values) == ["a", "b", "c"]


def test_classify_errors(planted):
    e, truth = planted
    df = pd.DataFrame({"x": [float(e.x[0]), 1e9], "y": [float(e.y[0]), float(e.y[0])], "label": [0, 1]})
    with pytest.raises(LabelError, match="outside the grid"):
        classify(e, df)
    with pytest.raises(LabelError, match="lacks columns"):
        classify(e, df.rename(columns={"label": "cls"}))
    with pytest.raises(LabelError, match="at least two classes"):
        classify(e, df.iloc[:1])
    lab = xr.DataArray(_few_labels(truth), dims=("y", "x"), coords={"y": e.y + 1e4, "x": e.x})
    with pytest.raises(LabelError, match="outside the grid"):
        classify(e, lab)


def test_regress_linear_target(planted):
    e, _ = planted
    w = np.random.default_rng(5).normal(size=64)
    truth = e.values @ w + 3.0
    t = np.full(truth.shape, np.nan)
    t.ravel()[::1] = truth.ravel()  # every pixel labelled: 100 > 65 unknowns
    pred = e.aef.regress(xr.DataArray(t, dims=("y", "x"), coords={"y": e.y, "x": e.x}))
    assert pred.dims == ("y", "x")
    np.testing.assert_allclose(pred.values, truth, rtol=1e-3, atol=1e-3)
    knn = regress(e, xr.DataArray(t, dims=("y", "x"), coords={"y": e.y, "x": e.x}), method="knn", k=1)
    np.testing.assert_allclose(knn.values, truth, rtol=1e-5, atol=1e-5)


# --- real official embeddings (../shared/data) -------------------------------------------------------------------

def test_real_official_vectors(shared_data):
    "2160 real official embeddings laid out as a 27 x 80 xee-like Dataset: exact int8 round trip, few-shot classify."
    df = pd.concat([pd.read_csv(f) for f in sorted((shared_data / "aef_samples").glob("*.csv"))], ignore_index=True)
    vec = df[band_names()].to_numpy(np.float32).reshape(27, 80, 64)
    c = grid_coords(27, 80)
    ds = xr.Dataset({b: (("time", "X", "Y"), vec[..., i].T[None]) for i, b in enumerate(band_names())},
                    coords={"time": [np.datetime64("2024-01-01", "ns")], "X": c["x"], "Y": c["y"]}, attrs={"crs": "EPSG:32610"})
    e = from_official(ds)
    np.testing.assert_array_equal(e.values, vec)
    np.testing.assert_allclose(np.linalg.norm(e.values, axis=-1), 1.0, atol=0.02)
    q = e.aef.quantize()
    np.testing.assert_array_equal(q.aef.dequantize().values, vec)  # the values lie on the int8 grid: exact
    # few-shot: 20 labelled points per Dynamic World class, predict every other point
    lab = df["dw_label"].to_numpy().reshape(27, 80)
    rng = np.random.default_rng(0)
    pick = np.concatenate([rng.choice(np.flatnonzero(lab.ravel() == k), 20, replace=False) for k in np.unique(lab)])
    r, cc = np.unravel_index(pick, lab.shape)
    pts = pd.DataFrame({"x": e.x.values[cc], "y": e.y.values[r], "label": lab[r, cc]})
    pred = e.aef.classify(pts, method="knn", k=3)["class"].values
    test = np.ones(lab.shape, bool)
    test[r, cc] = False
    acc = np.mean([np.mean(pred[test & (lab == k)] == k) for k in np.unique(lab)])
    assert acc > 0.5, acc  # nine classes: chance is 0.11
