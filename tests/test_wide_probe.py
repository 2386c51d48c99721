"""The least-squares fit and the linear probe keep the digits of features and targets wider than float32 (UTM
metres, epoch seconds): float32 keeps 24 bits, so 5,000,000.2 m and 5,000,000.0 m, or epoch seconds 30 s apart,
were one value when `least_squares_fit`/`predict` and `points_at` cast them."""
import numpy as np
import xarray as xr

from alphaearth_nb.evaluate import (evaluate_regression, least_squares_fit, least_squares_predict, linear_probe_fit,
                                    linear_probe_predict, points_at)

N0 = 5_000_000.0                                  # a UTM northing: float32 spacing 0.5 m there
EPOCH = 1_700_000_000                             # epoch seconds: float32 spacing 128 s there


def test_fit_predict_wide_features_by_hand():
    # t = 5 (x - N0) on x = N0 + 0, 0.2, 0.4, 0.6: slope 5, intercept -5 N0 = -25,000,000; at N0 + 0.3 -> 1.5,
    # at N0 + 1 -> 5. In float32 the four x were N0, N0, N0 + 0.5, N0 + 0.5.
    x = N0 + np.array([[0.0], [0.2], [0.4], [0.6]])
    t = np.array([0.0, 1.0, 2.0, 3.0])
    for method in ("lstsq", "gram"):
        W = least_squares_fit(x, t, method=method)
        np.testing.assert_allclose(W[0], 5.0, rtol=1e-5)
        np.testing.assert_allclose(least_squares_predict(W, N0 + np.array([[0.3], [1.0]])), [1.5, 5.0], atol=1e-4)
    # int64 epoch seconds 30 s apart, t = (s - EPOCH) / 30: at EPOCH + 45 -> 1.5
    s = EPOCH + np.array([[0], [30], [60], [90]], np.int64)
    W = least_squares_fit(s, t)
    np.testing.assert_allclose(least_squares_predict(W, np.array([[EPOCH + 45]], np.int64)), [1.5], atol=1e-4)


def test_fit_predict_wide_targets_by_hand():
    # targets epoch seconds: t = EPOCH + 30 x on x = 0..3; at x = 1.5 -> EPOCH + 45 (float32: a multiple of 128)
    x = np.arange(4.0)[:, None]
    W = least_squares_fit(x, EPOCH + 30 * np.arange(4.0))
    np.testing.assert_allclose(least_squares_predict(W, np.array([[1.5]])), [EPOCH + 45.0], rtol=0, atol=1e-3)


def test_linear_probe_wide_features_by_hand():
    # the hand-worked probe of 24_evaluate (x = 0, 1, 2; classes 0, 0, 1: class-1 slope 1, intercept -4/3) shifted
    # by N0 metres and scaled to 0.2 m steps: slope 5, the class-1 score at N0 + 0.24 is 5 * 0.24 - 4/3 = -0.133
    # (class 0), at N0 + 0.3 is +0.167 (class 1). In float32 both queries were N0 + 0.25 and 0.2 was N0.
    x = N0 + np.array([[0.0], [0.2], [0.4]])
    W = linear_probe_fit(x, np.array([0, 0, 1]), 2)
    s = linear_probe_predict(W, N0 + np.array([[0.24], [0.3]]))
    np.testing.assert_allclose(s[:, 1], [5 * 0.24 - 4 / 3, 5 * 0.3 - 4 / 3], atol=1e-4)
    assert s.argmax(1).tolist() == [0, 1]


def test_points_at_keeps_wide_features():
    # a baseline of projected northings (float64) on a 2 x 3 grid 0.2 m apart: the pairs read back exactly
    y, x = np.array([1.0, 0.0]), np.arange(3.0)
    north = (N0 + 0.2 * np.arange(6.0)).reshape(2, 3, 1)
    feats = xr.DataArray(north, dims=("y", "x", "band"), coords={"y": y, "x": x, "band": ["northing"]})
    lab = xr.DataArray(np.arange(6.0).reshape(2, 3), dims=("y", "x"), coords={"y": y, "x": x})
    X, v = points_at(feats, lab)
    np.testing.assert_array_equal(X[:, 0], north.ravel())
    # through the protocol: the target is an exact linear function of the northing, so R^2 is 1
    res = evaluate_regression(np.repeat(X, 4, 0), np.repeat(v, 4), n_train=[8], folds=2, methods=["linear"], seed=0)
    assert res["r2"].min() > 0.999


def test_the_transfer_protocol_sees_epoch_ms_as_given():  # review item 4: check_xy cast them to float32 first
    # 50 instants over three years, 8 copies of class 0 at each and 8 of class 1 one millisecond later: centred,
    # these are ~5e10 ms, where float32 steps by 4096 ms, so a group's 16 rows were one value (a coin toss, 0.5).
    # As given, a test row's nearest training row is a copy of its own class (distance 0) whenever one was drawn:
    # each draw takes half of a class, so all 7 other copies are left out about once in 128.
    from alphaearth_nb.evaluate import evaluate_embeddings
    rng = np.random.default_rng(4)
    t = np.sort(rng.integers(1_600_000_000_000, 1_700_000_000_000, 50))
    x = np.r_[np.repeat(t, 8), np.repeat(t + 1, 8)][:, None]
    y = np.r_[np.zeros(400, int), np.ones(400, int)]
    order = rng.permutation(800)
    table = evaluate_embeddings(x[order], y[order], shots=("max",), folds=3, methods=("knn1",))
    assert table["balanced_accuracy"].iloc[0] > 0.95, table
