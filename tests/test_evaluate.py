"Tests of the transfer protocol (alphaearth_nb.evaluate): hand-worked cases, scikit-learn agreement, errors."
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from alphaearth_nb.core import AEFError, LabelError, LabelWarning, band_names
from alphaearth_nb.evaluate import (balanced_accuracy, change_threshold_sweep, check_xy, composite_features,
                                    encode_labels, evaluate, evaluate_embeddings, knn_predict, knn_search,
                                    least_squares_fit,
                                    least_squares_predict, linear_probe_fit, linear_probe_predict, mae, nshot_split,
                                    points_at, r2, xy_features, lonlat, max_trial_folds, max_trial_split,
                                    separated_points, evaluate_regression)


@pytest.fixture(scope="module")
def blobs():
    "Three Gaussian classes in 16-d, 60 points each (shared so compiled shapes are reused)."
    rng = np.random.default_rng(0)
    y = np.repeat(np.arange(3), 60)
    x = (rng.standard_normal((3, 16)) * 2)[y] + rng.standard_normal((180, 16))
    return x.astype(np.float32), y


# ---------------------------------------------------------------- hand-worked cases
def test_one_nn_by_hand():
    # train: class 0 at 0 and 1, class 1 at 10 and 11 (1-d). Queries 0.4 -> 0 (nearest 0), 5.4 -> 0 (4.4 from 1,
    # 4.6 from 10), 5.6 -> 1 (4.4 from 10), 100 -> 1.
    lab, scores = knn_predict(np.array([[0.], [1.], [10.], [11.]]), np.array([0, 0, 1, 1]),
                              np.array([[0.4], [5.4], [5.6], [100.]]), k=1, n_classes=2)
    assert lab.tolist() == [0, 0, 1, 1]
    assert scores.shape == (4, 2) and scores.tolist() == [[1, 0], [1, 0], [0, 1], [0, 1]]


def test_three_nn_vote_and_tie_rules():
    tx = np.array([[0.], [1.], [3.], [1.]])
    # distance tie between rows 1 and 3 (both at 1.0): the lower index comes first
    d, i = knn_search(tx, np.array([[1.1]]), k=3)
    assert i.tolist() == [[1, 3, 0]]
    np.testing.assert_allclose(d, [[0.01, 0.01, 1.21]], atol=1e-5)
    # majority: neighbours of 0.9 are rows 1 (c1), 3 (c1), 0 (c0): class 1 with 2/3 of the votes
    lab, sc = knn_predict(tx, np.array([0, 1, 2, 1]), np.array([[0.9]]), k=3, n_classes=3)
    assert lab.tolist() == [1]
    np.testing.assert_allclose(sc, [[1 / 3, 2 / 3, 0]], atol=1e-6)
    # 1-1-1 split: the nearest neighbour's class wins (query 2.6: row 2 class 2 is nearest)
    lab, _ = knn_predict(tx[:3], np.array([0, 1, 2]), np.array([[2.6]]), k=3, n_classes=3)
    assert lab.tolist() == [2]


def test_knn_far_from_origin():
    # UTM coordinates in metres: |t|^2 ~ 2.6e13 would swamp 10 m steps in float32 without centring
    off = np.array([465_000., 5_080_000.])
    grid = off + np.array([[0., 0.], [10., 0.], [20., 0.], [0., 10.]])
    d, i = knn_search(grid, off + np.array([[12., 1.], [4., 0.], [1., 7.]]), 1)
    assert i[:, 0].tolist() == [1, 0, 3]
    np.testing.assert_allclose(d[:, 0], [5., 16., 10.], atol=1e-2)


def test_least_squares_probe_by_hand():
    # x = 0, 1, 2 with classes 0, 0, 1. Class-1 targets -1, -1, +1; centred x = -1, 0, 1 and t = -1/3, -1/3, 5/3:
    # slope = (1/3 + 5/3) / 2 = 1, intercept = -1/3 - 1 * 1 = -4/3. Class 0 is the negative.
    x = np.array([[0.], [1.], [2.]])
    for method in ("lstsq", "gram"):
        W = linear_probe_fit(x, np.array([0, 0, 1]), 2, method=method)
        assert W.shape == (2, 2)
        np.testing.assert_allclose(W[:, 1], [1.0, -4 / 3], atol=1e-5)
        np.testing.assert_allclose(W[:, 0], [-1.0, 4 / 3], atol=1e-5)
        s = linear_probe_predict(W, np.array([[1.2], [1.5]]))
        np.testing.assert_allclose(s[:, 1], [1.2 - 4 / 3, 1.5 - 4 / 3], atol=1e-5)
        assert s.argmax(1).tolist() == [0, 1]


def test_regression_least_squares_by_hand():
    # y = 2 x0 - x1 + 3 exactly: least squares recovers it; R^2 = 1, MAE = 0
    x = np.array([[0., 0.], [1., 0.], [0., 1.], [1., 1.], [2., 3.]])
    y = 2 * x[:, 0] - x[:, 1] + 3
    W = least_squares_fit(x, y)
    assert W.shape == (3,)
    np.testing.assert_allclose(W, [2, -1, 3], atol=1e-5)
    pred = least_squares_predict(W, x)
    assert pred.shape == (5,)
    assert r2(y, pred) == pytest.approx(1.0, abs=1e-6) and mae(y, pred) == pytest.approx(0.0, abs=1e-5)


def test_metrics_by_hand():
    # confusion: a: 3 of 4 right, b: 1 of 2, c: 1 of 1 -> (0.75 + 0.5 + 1) / 3 = 0.75 (plain accuracy 5/7)
    assert balanced_accuracy(list("aaaabbc"), list("aaabbac")) == pytest.approx(0.75)
    assert balanced_accuracy([0, 0, 0, 1], [0, 0, 0, 0]) == pytest.approx(0.5)  # majority guess = chance
    # y = 1, 2, 3, prediction 1, 2, 2: SS_res = 1, SS_tot = 2
    assert r2([1, 2, 3], [1, 2, 2]) == pytest.approx(0.5)
    assert mae([1, 2, 3], [1, 2, 2]) == pytest.approx(1 / 3)
    assert r2([1, 2, 3], [2, 2, 2]) == pytest.approx(0.0)  # the mean predicts nothing


def test_change_sweep_by_hand():
    # d = (1 - e1.e2) / 2 = 0, 0.1, 0.5, 0.6 with labels 0, 1, 0, 1: 0.75 at t = 0.6 (TPR 1/2, TNR 1) and at t = 0.1
    # (TPR 1, TNR 1/2); lowest on ties, as on the grid: 0.1. AUC = 3 of 4 pairs
    ang = np.arccos(1 - 2 * np.array([0., 0.1, 0.5, 0.6]))
    e1 = np.stack([np.ones(4), np.zeros(4)], 1)
    e2 = np.stack([np.cos(ang), np.sin(ang)], 1)
    res = change_threshold_sweep(e1, e2, [0, 1, 0, 1], thresholds=None)
    assert res["balanced_accuracy"] == pytest.approx(0.75)
    assert res["auc"] == pytest.approx(0.75)
    assert res["threshold"] == pytest.approx(0.1) and (res["tpr"], res["tnr"]) == (1.0, 0.5)


def test_change_paper_grid_by_hand():
    # d = 0.05, 0.25, 0.45, 0.75, labels 0, 1, 0, 1; on the grid 0.1..0.9 the best (0.75) is first reached at t = 0.1
    ang = np.arccos(1 - 2 * np.array([0.05, 0.25, 0.45, 0.75]))
    e1 = np.stack([np.ones(4), np.zeros(4)], 1)
    e2 = np.stack([np.cos(ang), np.sin(ang)], 1)
    res = change_threshold_sweep(5 * e1, 0.2 * e2, [0, 1, 0, 1])  # L2-normalised first: scale does not matter
    assert res["balanced_accuracy"] == pytest.approx(0.75) and res["threshold"] == pytest.approx(0.1)
    assert (res["tpr"], res["tnr"]) == (1.0, 0.5)
    assert change_threshold_sweep(e1, e2, [1, 1, 0, 0])["balanced_accuracy"] == pytest.approx(0.5)  # labels against the scores
    with pytest.raises(AEFError, match="zero vector"):
        change_threshold_sweep(np.zeros((2, 2)), np.ones((2, 2)), [0, 1])


def test_change_threshold_is_on_the_papers_d():
    # arXiv 2507.22291 S4.1, eq. 8: d = (1 - e1.e2) / 2, "0 = embeddings were the same, 1 = ... opposite poles",
    # binarised at the s in 0.1 .. 0.9 with the best balanced accuracy: the grid is on d, not on 1 - e1.e2
    def pairs(one_minus_cos):
        c = 1 - np.asarray(one_minus_cos, float)
        return np.tile([1.0, 0.0], (len(c), 1)), np.stack([c, np.sqrt(1 - c ** 2)], 1)
    e1, e2 = pairs([0.3, 0.3, 0.5, 0.5])                 # d = 0.15, 0.15, 0.25, 0.25
    res = change_threshold_sweep(e1, e2, [0, 0, 1, 1])
    assert res["balanced_accuracy"] == pytest.approx(1.0) and res["threshold"] == pytest.approx(0.2)
    e1, e2 = pairs([0.8, 0.8, 0.9, 0.9])                 # d = 0.40 and 0.45: no grid step between them
    assert change_threshold_sweep(e1, e2, [0, 0, 1, 1])["balanced_accuracy"] == pytest.approx(0.5)
    e1, e2 = pairs([0.0, 2.0])                           # identical and opposite poles: d = 0 and 1
    res = change_threshold_sweep(e1, e2, [0, 1], thresholds=None)
    assert res["threshold"] == pytest.approx(1.0) and res["balanced_accuracy"] == pytest.approx(1.0)


def test_separated_points_by_hand():
    pts = np.array([[0, 0], [1, 0], [2, 0], [3, 0], [10, 0]], float)
    assert separated_points(pts, 1.5, order=[0, 1, 2, 3, 4]).tolist() == [0, 2, 4]
    assert separated_points(pts, 1.5, order=[3, 2, 1, 0, 4]).tolist() == [1, 3, 4]
    P = np.random.default_rng(0).uniform(0, 20_000, (2000, 2))
    k = separated_points(P, seed=2)
    D = np.hypot(*(P[k][:, None] - P[k][None]).transpose(2, 0, 1)); np.fill_diagonal(D, np.inf)
    assert D.min() >= 1280.0
    # greedy thinning is maximal: every dropped point is within min_dist of a kept one
    rest = np.setdiff1d(np.arange(len(P)), k)
    assert (np.hypot(*(P[rest][:, None] - P[k][None]).transpose(2, 0, 1)).min(1) < 1280.0).all()


def test_lonlat_and_sincos_xy():
    assert lonlat(500_000.0, 0.0, "EPSG:32631") == pytest.approx((3.0, 0.0))
    assert lonlat(500_000.0, 10_000_000.0, "EPSG:32733") == pytest.approx((15.0, 0.0))
    pyproj = pytest.importorskip("pyproj")
    tr = pyproj.Transformer.from_crs("EPSG:32618", "EPSG:4326", always_xy=True)
    for x, y in [(300_000.0, 4_500_000.0), (700_000.0, 6_900_000.0)]:
        assert lonlat(x, y, "EPSG:32618") == pytest.approx(tr.transform(x, y), abs=1e-6)


def test_max_trial_rule_by_hand():
    y = np.array([0] * 6 + [1] * 4)
    assert max_trial_folds(y) == 2
    tr0, te0 = max_trial_split(y, 0, seed=1); tr1, _ = max_trial_split(y, 1, seed=1)
    assert np.bincount(y[tr0]).tolist() == [3, 2] and not set(tr0) & set(tr1)
    assert sorted(tr0.tolist() + te0.tolist()) == list(range(10))
    tab = evaluate_embeddings(np.eye(2)[y] + 0.01 * np.arange(10)[:, None], y, shots="max", methods=("knn1",))
    assert tab.folds.tolist() == [2] and tab.balanced_accuracy.tolist() == [1.0]


# ---------------------------------------------------------------- n-shot draws
@pytest.mark.parametrize("shots", [1, 10, "max"])
def test_nshot_split_counts_disjoint_deterministic(shots):
    y = np.array(["w"] * 30 + ["f"] * 11 + ["c"] * 700)
    tr, te = nshot_split(y, shots, seed=3)
    counts = pd.Series(y[tr]).value_counts().to_dict()
    want = {"w": 15, "f": 5, "c": 300} if shots == "max" else {"w": shots, "f": shots, "c": shots}
    assert counts == want
    assert np.intersect1d(tr, te).size == 0 and len(tr) + len(te) == len(y)
    assert set(y[te]) == {"w", "f", "c"}  # every class keeps test points
    tr2, te2 = nshot_split(y, shots, seed=3)
    assert tr.tolist() == tr2.tolist() and te.tolist() == te2.tolist()
    assert nshot_split(y, shots, seed=4)[0].tolist() != tr.tolist()


def test_protocol_table_and_determinism(blobs):
    x, y = blobs
    tab = evaluate_embeddings(x, y, shots=(1, 10, "max"), folds=4, seed=0)
    assert tab.shape == (9, 7)
    assert tab[["shots", "method"]].values.tolist() == [[s, m] for s in (1, 10, "max") for m in ("knn1", "knn3", "linear")]
    assert tab.train_per_class.tolist() == [1] * 3 + [10] * 3 + [30] * 3
    assert ((tab.balanced_accuracy > 0.6) & (tab.balanced_accuracy <= 1)).all()
    again, per_fold = evaluate(x, y, shots=(1, 10, "max"), folds=4, seed=0, return_folds=True)
    pd.testing.assert_frame_equal(tab, again)
    assert len(per_fold) == 6 * 4 + 3 * 2   # 'max' of 60 points a class: half, 2 blocks, 2 different training sets
    # the table is the mean and sample std of the per-fold scores
    g = per_fold.groupby(["shots", "method"], sort=False).balanced_accuracy
    np.testing.assert_allclose(g.mean().values, tab.balanced_accuracy.values)
    np.testing.assert_allclose(g.std().values, tab["std"].values)
    # string labels work the same as their integer codes
    names = np.array(["crop", "forest", "water"])[y]
    pd.testing.assert_frame_equal(evaluate_embeddings(x, names, shots=(1, 10, "max"), folds=4), tab)


def test_one_shot_knn3_is_knn1_and_says_so(blobs):
    "1-shot: three classes, one training point each: a k=3 vote is a 1-1-1 tie the nearest breaks, i.e. k=1 (S19)."
    x, y = blobs
    tab, per_fold = evaluate_embeddings(x, y, shots=(1, 10), folds=6, seed=2, return_folds=True)
    one = per_fold[per_fold.shots == 1].pivot(index="fold", columns="method", values="balanced_accuracy")
    np.testing.assert_array_equal(one["knn3"], one["knn1"])        # the same method, fold by fold
    marks = dict(zip(zip(tab.shots, tab.method), tab.same_as))
    assert marks[(1, "knn3")] == "knn1"                              # marked, not listed as another method
    assert {k: v for k, v in marks.items() if k != (1, "knn3")} == {k: "" for k in marks if k != (1, "knn3")}
    assert tab.attrs["same_as"] == {1: {"knn3": "knn1"}}
    # a 2-class task: knn3 cannot vote at 1-shot (skipped, NaN), so nothing is marked there
    two = y < 2
    with pytest.warns(LabelWarning, match="left out"):
        t2 = evaluate_embeddings(x[two], y[two], shots=1, folds=3)
    assert t2.same_as.tolist() == ["", "", ""] and t2.attrs["same_as"] == {}


# ---------------------------------------------------------------- against scikit-learn
def test_knn_agrees_with_sklearn():
    from sklearn.neighbors import KNeighborsClassifier
    rng = np.random.default_rng(1)
    tx, qx = rng.standard_normal((1200, 16)).astype(np.float32), rng.standard_normal((200, 16)).astype(np.float32)
    ty = rng.integers(0, 2, 1200)  # two classes: a k = 3 vote never ties
    tx[::7], ty[::7] = tx[3], ty[3]  # exact duplicates: distance ties, broken by the lower index
    D = ((qx[:, None].astype(np.float64) - tx[None]) ** 2).sum(-1)
    ref = np.argsort(D, axis=1, kind="stable")[:, :3]
    # three training blocks of 512 (the grouped top-k path) and queries in blocks of 64: the merge must be exact
    d, idx = knn_search(tx, qx, 3, query_chunk=64, train_chunk=512)
    assert idx.shape == (200, 3) and (idx == ref).all()
    np.testing.assert_allclose(d, np.take_along_axis(D, ref, 1), rtol=1e-4, atol=1e-4)
    want3 = KNeighborsClassifier(n_neighbors=3, algorithm="brute").fit(tx, ty).predict(qx)
    got3, _ = knn_predict(tx, ty, qx, 3, 2, query_chunk=64, train_chunk=512)  # same compiled shape as above
    assert (got3 == want3).all()
    want1 = KNeighborsClassifier(n_neighbors=1, algorithm="brute").fit(tx, ty).predict(qx)
    assert (ty[idx[:, 0]] == want1).all()  # the 1-NN answer is the first of the 3 (what the protocol uses)


def test_linear_probe_agrees_with_sklearn(blobs):
    from sklearn.linear_model import LinearRegression
    x, y = blobs
    T = np.where(y[:, None] == np.arange(3), 1.0, -1.0)
    ref = LinearRegression().fit(x, T)
    for method in ("lstsq", "gram"):
        W = linear_probe_fit(x, y, 3, method=method)
        np.testing.assert_allclose(W[:-1], ref.coef_.T, atol=2e-4)
        np.testing.assert_allclose(W[-1], ref.intercept_, atol=2e-4)
    # rank-deficient 1-shot case (3 points, 16 dims): the minimum-norm solution, as the pseudo-inverse gives it
    x1 = x[[0, 60, 120]]
    W1 = linear_probe_fit(x1, np.arange(3), 3)
    xc = x1.astype(np.float64) - x1.astype(np.float64).mean(0)  # rank 2 after centring
    T1 = np.where(np.eye(3) > 0, 1.0, -1.0)
    np.testing.assert_allclose(W1[:-1], np.linalg.pinv(xc, rcond=1e-10) @ (T1 - T1.mean(0)), atol=1e-4)
    np.testing.assert_allclose(linear_probe_predict(W1, x1), T1, atol=1e-4)  # fits its training points exactly


def test_change_auc_agrees_with_sklearn():
    from sklearn.metrics import roc_auc_score
    rng = np.random.default_rng(2)
    e1 = rng.standard_normal((400, 8)); e1 /= np.linalg.norm(e1, axis=1, keepdims=True)
    lab = rng.integers(0, 2, 400)
    e2 = e1 + rng.standard_normal((400, 8)) * (0.2 + 0.5 * lab[:, None])
    e2 /= np.linalg.norm(e2, axis=1, keepdims=True)
    res = change_threshold_sweep(e1, e2, lab, thresholds=None)
    score = (1 - (e1 * e2).sum(1)) / 2  # the paper's d (S4.1)
    assert res["auc"] == pytest.approx(roc_auc_score(lab, score))
    brute = max(balanced_accuracy(lab, (score >= t).astype(int)) for t in score)
    assert res["balanced_accuracy"] == pytest.approx(brute)
    assert balanced_accuracy(lab, (score >= res["threshold"]).astype(int)) == pytest.approx(brute)


# ---------------------------------------------------------------- baselines
def test_composite_and_xy_baselines_nan_aware():
    rng = np.random.default_rng(3)
    v = rng.random((7, 3, 4)).astype(np.float32)
    v[rng.random(v.shape) < 0.3] = np.nan
    y, x = np.array([25., 15., 5.]), np.array([5., 15., 25., 35.])
    t = pd.date_range("2024-01-01", periods=7, freq="30D").values
    s2 = xr.Dataset({"B4": (("time", "y", "x"), v), "B8": (("time", "y", "x"), 2 * v)}, coords={"time": t, "y": y, "x": x})
    stack = xr.DataTree.from_dict({"sentinel2": s2})
    comp = composite_features(stack, percentiles=(10, 50, 90), standardize=False)
    assert comp.dims == ("y", "x", "band") and comp.shape == (3, 4, 6)
    assert comp.band.values.tolist()[:3] == ["sentinel2/B4/p10", "sentinel2/B4/p50", "sentinel2/B4/p90"]
    with np.errstate(all="ignore"):
        np.testing.assert_allclose(comp.values[..., :3], np.moveaxis(np.nanpercentile(v, (10, 50, 90), axis=0), 0, -1), rtol=1e-6)
    z = composite_features(stack).values.reshape(-1, 10)
    ok = np.isfinite(z).all(1)
    np.testing.assert_allclose(z[ok].mean(0), 0, atol=0.2)  # standardised
    xyf = xy_features(stack, kind="metres")
    assert xyf.sel(y=15., x=35.).values.tolist() == [35., 15.]
    with pytest.raises(AEFError, match="crs"):
        xy_features(stack)  # no CRS on this stack: the sin/cos control cannot be made
    labels = xr.DataArray(np.array([[0, 1, 2, 0], [1, 1, 2, 2], [0, 0, 0, 1]]), dims=("y", "x"), coords={"y": y, "x": x})
    X, lab = points_at(xyf, labels, nodata=0)
    assert X.shape == (7, 2) and lab.tolist() == [1, 2, 1, 1, 2, 2, 1]
    with pytest.raises(LabelError, match="interp_like"):
        points_at(xyf, labels.isel(x=slice(0, 3)))


# ---------------------------------------------------------------- errors
def test_error_messages(blobs):
    x, y = blobs
    with pytest.raises(LabelError, match="x has 180 rows but y has 179 labels"):
        evaluate_embeddings(x, y[:-1])
    yn = y.astype(float); yn[5] = np.nan
    with pytest.raises(LabelError, match="1 labels are missing .NaN, None or NA"):
        evaluate_embeddings(x, yn)
    # class 2 has only 5 points: 10-shot needs 11 (10 to train, 1 to test)
    keep = np.r_[0:120, 120:125]
    with pytest.raises(LabelError, match=r"class 2 has 5 labelled points; 10-shot needs at least 11"):
        evaluate_embeddings(x[keep], y[keep], shots=(10,))   # with (1, 10): 1-shot scored, 10-shot said (LabelWarning)
    with pytest.raises(LabelError, match="'max' shots need at least 2"):
        nshot_split(np.array([0, 0, 1]), "max")
    with pytest.raises(LabelError, match="unknown methods"):
        evaluate_embeddings(x, y, methods=("svm",))
    with pytest.raises(LabelError, match=r"pass k=2 or less \(the most they allow\)"):
        knn_search(x[:2], x, 3)
    with pytest.raises(LabelError, match="encode_labels"):
        knn_predict(x, y + 1, x[:2], 1, 3)
    xn = x.copy(); xn[0, 0] = np.nan
    with pytest.raises(AEFError, match="NaN/inf features"):
        linear_probe_fit(xn, y, 3)
    with pytest.raises(LabelError, match="binary"):
        change_threshold_sweep(x[:4], x[:4], [0, 1, 2, 0])


# ---------------------------------------------------------------- real data
def test_official_embeddings_protocol(shared_data):
    from alphaearth_nb.readers import read_aef_samples
    df = read_aef_samples(shared_data / "aef_samples")
    x = df[[f"A{i:02d}" for i in range(64)]].to_numpy(np.float32)
    tab = evaluate_embeddings(x, df.dw_label.to_numpy(), shots=(10, "max"), folds=2, methods=("knn1", "linear"))
    assert tab.train_per_class.tolist() == [10, 10, 120, 120]
    assert (tab.balanced_accuracy > 0.35).all()  # nine classes: chance is 0.11


def test_protocol_neighbours_are_float64s(shared_data, monkeypatch):
    """The protocol takes its neighbours from `knn_indices` (no distances needed): on official vectors beside their
    one-int8-step neighbours (field case D1, the neighbour listed first, another label and value), its kNN
    tables equal those from float64 neighbours (ties to the lower index)."""
    from alphaearth_nb import evaluate as ev
    from alphaearth_nb.quantize import dequantize, quantize
    from alphaearth_nb.readers import read_aef_samples
    v = read_aef_samples(shared_data / "aef_samples")[band_names()].to_numpy(np.float32)[:150]
    c = quantize(v).astype(np.int16)
    j, r = np.abs(v).argmin(1), np.arange(len(v))
    c[r, j] += np.where(c[r, j] < 127, 1, -1)
    x = np.concatenate([dequantize(c.astype(np.int8)), v, v[:50]])         # step, vector, exact copies
    y = np.r_[np.zeros(150, int), np.ones(150, int), np.full(50, 2)]
    calls = []
    def float64_indices(train, query, k, **_):
        calls.append(len(query))
        d = ((query[:, None].astype(np.float64) - train[None].astype(np.float64)) ** 2).sum(-1)
        return np.argsort(d, 1, kind="stable")[:, :k]
    got = (evaluate_embeddings(x, y, shots=(20,), folds=3, methods=("knn1", "knn3")),
           evaluate_regression(x, np.arange(350.0), n_train=(100,), folds=3, methods=("knn1", "knn3")))
    monkeypatch.setattr(ev, "knn_indices", float64_indices)
    want = (evaluate_embeddings(x, y, shots=(20,), folds=3, methods=("knn1", "knn3")),
            evaluate_regression(x, np.arange(350.0), n_train=(100,), folds=3, methods=("knn1", "knn3")))
    assert len(calls) == 6 and not np.isnan(want[0].balanced_accuracy).any()
    for g, w in zip(got, want): pd.testing.assert_frame_equal(g, w)


def test_regression_table():
    from alphaearth_nb.evaluate import evaluate_regression
    rng = np.random.default_rng(5)
    x = rng.standard_normal((200, 4))
    y = x @ np.array([1.0, -1.0, 2.0, 0.0]) + 5  # exactly linear
    tab = evaluate_regression(x, y, n_train=(10, "max"), folds=3, methods=("knn1", "linear"))
    assert tab.shape == (4, 7) and tab.n_train.tolist() == [10, 10, "max", "max"]
    lin = tab[tab.method == "linear"]
    np.testing.assert_allclose(lin.r2, 1.0, atol=1e-6)
    np.testing.assert_allclose(lin.mae, 0.0, atol=1e-4)
    assert (tab[tab.method == "knn1"].r2 < 1).all()
    with pytest.raises(LabelError, match="training points asked"):
        evaluate_regression(x[:5], y[:5], n_train=10)


def test_labels_mixing_numbers_and_names_are_refused_by_encode_labels():  # G2 through evaluate_embeddings too
    x = np.random.default_rng(0).normal(size=(8, 4)).astype(np.float32)
    y = np.array(["1", "forest", "2", "water"] * 2, object)   # pd.read_csv of a mixed column
    for call in (lambda: encode_labels(y), lambda: evaluate_embeddings(x, y, shots=(1,), folds=2)):
        with pytest.raises(LabelError, match=r"the labels mix numbers \(1, 2\) and names \(forest, water\)"): call()
    assert encode_labels(np.array(["b", "a", "b"]))[0].tolist() == ["a", "b"]   # names alone, ids alone: fine
    assert encode_labels(np.array(["2", "10"], object))[0].tolist() == [2, 10]   # id text: ids (labels.label_values)


def test_int8_codes_are_dequantised_like_the_maps_vectors():  # A4's kind: every vector goes through the gate
    from alphaearth_nb.evaluate import evaluate_embeddings, evaluate_regression
    from alphaearth_nb.quantize import quantize
    rng = np.random.default_rng(3)
    c = rng.normal(size=(3, 64)); x = c[np.repeat(np.arange(3), 40)] + 0.9 * rng.normal(size=(120, 64))
    x = (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)
    y = np.repeat(np.arange(3), 40)
    kw = dict(shots=(1, 10), folds=4, seed=0)
    want = evaluate_embeddings(x, y, **kw)
    q = quantize(x)
    for codes in (q, q.astype(np.int16), q.astype(np.int64)):  # int8 as written, or widened by a reader (CSV)
        got = evaluate_embeddings(codes, y, **kw)
        np.testing.assert_allclose(got.balanced_accuracy, want.balanced_accuracy, atol=0.03)
    # the same codes as floats (a masking reader's form) are codes too, as the map's gate takes them per pixel
    as_floats = evaluate_embeddings(q.astype(np.float32), y, **kw)
    np.testing.assert_array_equal(as_floats.balanced_accuracy, evaluate_embeddings(q, y, **kw).balanced_accuracy)
    t = x[:, 0] * 3
    np.testing.assert_allclose(evaluate_regression(q, t, n_train=(50,), folds=3, seed=0).r2,
                               evaluate_regression(x, t, n_train=(50,), folds=3, seed=0).r2, atol=0.05)
    q2 = q.copy(); q2[5] = -128  # a no-data pixel among the codes: refused like a NaN vector
    with pytest.raises(LabelError, match="no-data code, -128"): evaluate_embeddings(q2, y, **kw)


def test_points_at_pairs_by_place_not_by_position():  # C1's kind: label rasters from other readers
    from alphaearth_nb.core import GridError
    from alphaearth_nb.testing import embedding_from_array, random_unit
    e = embedding_from_array(random_unit((5, 4)))
    lab = xr.DataArray(np.arange(1, 21).reshape(5, 4), dims=("y", "x"), coords={"y": e.y, "x": e.x},
                       attrs={"crs": "EPSG:32631"})
    X, y = points_at(e, lab)
    by_place = dict(zip(y.tolist(), map(tuple, X)))
    for turn in (dict(y=slice(None, None, -1)), dict(x=slice(None, None, -1)), dict(y=slice(None, None, -1), x=slice(None, None, -1))):
        X2, y2 = points_at(e, lab.isel(turn))  # the same raster stored turned: the same pairs
        assert dict(zip(y2.tolist(), map(tuple, X2))) == by_place
        X3, y3 = points_at(e.isel(turn), lab)  # or the features turned
        assert dict(zip(y3.tolist(), map(tuple, X3))) == by_place
    with pytest.raises(GridError, match="different grids"):  # another place, same shape: 5 km east
        points_at(e, lab.assign_coords(x=lab.x + 5000))
    with pytest.raises(LabelError, match="lie outside the grid of the map"):  # the same numbers in another UTM zone:
        points_at(e, lab.assign_attrs(crs="EPSG:32632"))                    # off the map, as training_set says


def test_points_at_takes_an_embedding_in_every_form():
    """Official int8 codes (and float32 codes from a masking reader) were returned raw (rows of length ~330, which
    evaluate_embeddings then took as features); an xee Dataset was an AttributeError, lat/lon labels a ValueError."""
    from alphaearth_nb.embeddings import quantize_embedding
    from alphaearth_nb.quantize import dequantize
    from alphaearth_nb.testing import embedding_from_array, fake_official, random_unit
    e = embedding_from_array(random_unit((5, 6), seed=3))
    q = quantize_embedding(e)                                        # int8 (y, x, band), -128 = no data
    lab = xr.DataArray(np.arange(30, dtype=float).reshape(5, 6) % 4, dims=("y", "x"), coords={"y": e.y, "x": e.x})
    lab[0, 0] = np.nan
    want = np.asarray(dequantize(q.values), np.float32).reshape(30, 64)[1:]
    for feats in (q, q.astype(np.float32), q.transpose("band", "y", "x"), fake_official(q),
                  q.rename(y="lat", x="lon")):
        X, y = points_at(feats, lab.rename(y="lat", x="lon"))
        np.testing.assert_allclose(X, want, atol=1e-7)
        np.testing.assert_array_equal(y, lab.values.ravel()[1:])
    base = xr.DataArray(np.arange(60.0).reshape(5, 6, 2), dims=("y", "x", "band"), coords={"y": e.y, "x": e.x})
    np.testing.assert_array_equal(points_at(base, lab)[0], base.values.reshape(30, 2)[1:])   # baselines as given


def test_official_codes_read_as_floats_are_dequantised_like_int8(shared_data):
    """rioxarray's mask_and_scale=True turns the int8 codes into float32 (NaN no data): they were taken as numbers,
    knn1 balanced accuracy 0.528 instead of 0.541 on the official samples (5 shots, 3 folds)."""
    from alphaearth_nb.quantize import dequantize, quantize
    from alphaearth_nb.readers import read_aef_samples
    df = read_aef_samples(shared_data / "aef_samples")
    q = np.asarray(quantize(df[band_names()].to_numpy(np.float32)), np.int8)
    y = df["dw_label"].to_numpy()
    want = evaluate_embeddings(np.asarray(dequantize(q), np.float32), y, shots=[5], folds=3, seed=0)
    for x in (q, q.astype(np.float32), q.astype(np.float64)):
        got = evaluate_embeddings(x, y, shots=[5], folds=3, seed=0)
        np.testing.assert_array_equal(got["balanced_accuracy"].to_numpy(), want["balanced_accuracy"].to_numpy())
    f = q.astype(np.float32); f[3] = np.nan                 # a no-data row stays refused, as -128 is
    with pytest.raises(LabelError, match="NaN/inf features"):
        check_xy(f, y)
    base = np.arange(64 * 30, dtype=np.float32).reshape(30, 64) % 300   # whole numbers beyond 127: numbers
    np.testing.assert_array_equal(check_xy(base, np.zeros(30))[0], base)


def test_a_float_baseline_of_whole_numbers_is_not_taken_for_codes():
    "64 float columns of small whole numbers (counts, rounded DN) stay as given; only rows decoding to unit vectors are codes."
    from alphaearth_nb.quantize import quantize
    rng = np.random.default_rng(5)
    counts = rng.integers(0, 20, size=(30, 64)).astype(np.float32)
    y = np.repeat([0, 1, 2], 10)
    np.testing.assert_array_equal(check_xy(counts, y)[0], counts)    # was dequantised: every value changed
    u = rng.normal(size=(30, 64)); u /= np.linalg.norm(u, axis=1, keepdims=True)
    codes = quantize(u.astype(np.float32)).astype(np.float32)         # a masking reader's floats
    got = check_xy(codes, y)[0]
    assert np.abs(np.linalg.norm(got, axis=1) - 1).max() < 0.03      # still decoded


def test_case_A18_fill_rows_of_an_embedding_table_are_refused_like_nan_rows():
    "Rows of one value in every column (64 x -9999, all zero) among unit vectors are no data; a baseline stays as given."
    from alphaearth_nb.quantize import quantize
    from alphaearth_nb.testing import random_unit
    u, y = random_unit((40,), seed=1), np.arange(44) % 2
    codes = np.asarray(quantize(u), np.int8)
    for fill in (-9999.0, 0.0, -1.0):
        for x in (np.vstack([u, np.full((4, 64), fill, np.float32)]),              # float vectors
                  np.vstack([codes, np.full((4, 64), fill)]).astype(np.float32),   # codes a masking reader turned to floats
                  np.vstack([codes, np.full((4, 64), fill)]).astype(np.int16)):    # int codes with an integer fill
            with pytest.raises(LabelError, match=r"4 of \d+ labelled points have one value in every feature.*keep ="):
                check_xy(x, y)
            with pytest.raises(LabelError, match="4 labelled points"):
                evaluate_embeddings(x, y, shots=(5,), folds=2)
    ok = check_xy(np.vstack([u, u[:4]]), y)[0]                                  # no fill: unchanged
    np.testing.assert_array_equal(ok, np.vstack([u, u[:4]]))
    rng = np.random.default_rng(3)                                              # a baseline: rows not unit
    for base in (rng.integers(0, 20, (44, 64)).astype(np.float32), rng.normal(50, 10, (44, 64)).astype(np.float32)):
        base[40:] = 0.0; base[41] = 7.0
        np.testing.assert_array_equal(check_xy(base, y)[0], base)


def test_case_D18_wide_features_keep_their_digits_in_the_protocol():
    """UTM northings 20 cm apart (float32 spacing 0.5 m at 5e6) and epoch seconds 30 s apart (spacing 128 s at 1.7e9):
    cast to float32 first, the two classes were one point (knn1 0.5 by ties, the probe a constant). Centred in float64
    on the whole-rounded mean first, each test point has its class at distance 0 and the other at 0.2 m / 30 s."""
    y = np.repeat([0, 1], 20)
    utm = np.c_[np.full(40, 512345.67), 5012345.43 + 0.2 * y]                    # both northings -> 5012345.5 in float32
    assert np.unique(utm.astype(np.float32), axis=0).shape[0] == 1
    epoch = np.c_[1.7e9 + 30.0 * y, np.full(40, 0.5)]
    for x in (utm, epoch, epoch.astype(np.int64)):
        t = evaluate_embeddings(x, y, shots=(3,), folds=3, methods=("knn1", "linear"))
        np.testing.assert_array_equal(t["balanced_accuracy"].to_numpy(), [1.0, 1.0])
        r = evaluate_regression(x, 30.0 * y, n_train=(10,), folds=2, methods=("knn1",))
        assert float(r["r2"].iloc[0]) == 1.0 and float(r["mae"].iloc[0]) == 0.0
    unit = np.random.default_rng(0).normal(size=(40, 64)); unit /= np.linalg.norm(unit, axis=1, keepdims=True)
    a = evaluate_embeddings(unit, y, shots=(3,), folds=3, seed=1)             # float64 embeddings: as float32 ones
    b = evaluate_embeddings(unit.astype(np.float32), y, shots=(3,), folds=3, seed=1)
    np.testing.assert_array_equal(a["balanced_accuracy"].to_numpy(), b["balanced_accuracy"].to_numpy())


def test_case_C18_negative_ids_are_refused_by_the_array_protocol():
    "evaluate_embeddings: label -1 (unlabelled, in the class map and tables) was scored as a class; now named, not trained."
    x = np.random.default_rng(2).normal(size=(40, 8)).astype(np.float32)
    y = np.repeat([0, 1], 20); y[::4] = -1
    with pytest.raises(LabelError, match=r"10 of 40 labels are \[-1\].*keep = "):
        evaluate_embeddings(x, y, shots=(3,), folds=1)
    names = np.repeat(["a", "b"], 20).astype(object); names[:3] = " "
    with pytest.raises(LabelError, match="3 of 40 labels"):
        evaluate_embeddings(x, names, shots=(3,), folds=1)


# ---------------------------------------------------------------- yes/no parameters, warnings
def test_yes_no_parameters_refuse_text_and_warnings_name_the_callers_line():
    "return_folds='false' returned the folds (text is true); the protocol's warning pointed inside core's wrapper."
    import warnings
    from alphaearth_nb.core import ConfigError
    from alphaearth_nb.evaluate import change_scores
    rng = np.random.default_rng(0)
    x, y = rng.standard_normal((8, 3)), np.repeat([0, 1], 4)
    for call in (lambda: evaluate_embeddings(x, y, shots=1, folds=2, return_folds="false"),
                 lambda: evaluate_embeddings(x, y, shots=1, folds=2, progress="no"),
                 lambda: change_scores(x, x, normalize="false"), lambda: change_threshold_sweep(x, x, y, normalize="0"),
                 lambda: check_xy(x, y, centre="false")):
        with pytest.raises(ConfigError, match="is not True or False"): call()
    assert isinstance(evaluate_embeddings(x, y, shots=1, folds=2, methods=("knn1",), return_folds=0), pd.DataFrame)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        call = lambda: evaluate_embeddings(x, y, shots=1, folds=2)   # knn3 at 1-shot, 2 classes: left out, warned
        call()
    assert {(a.filename, a.lineno) for a in w if "left out" in str(a.message)} == {(__file__, call.__code__.co_firstlineno)}


def test_reexports_are_declared():
    "evaluate's re-exports (knn, features, labels, linear) are in its __all__: pyflakes reads none as unused."
    api = pytest.importorskip("pyflakes.api")
    import io
    from pathlib import Path
    from pyflakes.reporter import Reporter
    import alphaearth_nb.evaluate as ev
    out = io.StringIO()
    api.check(Path(ev.__file__).read_text(), ev.__file__, Reporter(out, out))
    assert "imported but unused" not in out.getvalue(), out.getvalue()
    for n in ("knn_search", "xy_features", "refuse_mixed_labels", "check_xy"): assert getattr(ev, n) is not None and n in ev.__all__
