"Kind A for change detection at points: vectors handed to change_scores / change_threshold_sweep go through the gate."
import numpy as np
import pytest

from alphaearth_nb.core import LabelError, UnitsWarning
from alphaearth_nb.evaluate import change_scores, change_threshold_sweep
from alphaearth_nb.quantize import dequantize, quantize
from alphaearth_nb.testing import random_unit


def _pairs(n:int=200, seed:int=6):
    "Official-like int8 codes before/after at n points, 30% of them changed (another vector), and the labels."
    a, b = random_unit((2, n), seed=seed)
    changed = np.random.default_rng(seed).random(n) < 0.3
    after = np.where(changed[:, None], b, a + 0.02 * b)   # unchanged: the same place, a little noise
    return np.asarray(quantize(a)), np.asarray(quantize(after / np.linalg.norm(after, axis=1, keepdims=True))), changed


def test_change_scores_of_int8_codes_are_those_of_their_vectors():
    """Official int8 codes sampled at points (a GeoTIFF read with rasterio) went into change_scores as raw numbers:
    the cosine of the codes, not of the vectors they encode (the scheme is not linear: value = sign(q) (q/127.5)^2),
    up to 0.14 off on real samples, and a no-data pixel (64 x -128) scored like a vector (about 1). Right: the scores
    of the dequantised vectors, NaN where either has no data, as `analysis.change` gives on maps; the same for codes
    read unsigned (uint8) and for codes a masking reader turned into floats."""
    qa, qb, changed = _pairs()
    want = change_scores(dequantize(qa), dequantize(qb))
    assert np.isfinite(want).all()
    for a, b in ((qa, qb), (qa.astype(np.int16), qb.astype(np.int16)), (qa.astype(np.float32), qb.astype(np.float32))):
        np.testing.assert_allclose(change_scores(a, b), want, atol=1e-6)
    with pytest.warns(UnitsWarning, match="read unsigned"):
        np.testing.assert_allclose(change_scores(qa.view(np.uint8), qb.view(np.uint8)), want, atol=1e-6)
    gap = qb.copy(); gap[:3] = -128                                 # no data after
    s = change_scores(qa, gap)
    assert np.isnan(s[:3]).all() and np.allclose(s[3:], want[3:], atol=1e-6)
    with pytest.raises(LabelError, match="NaN or a zero vector"):
        change_threshold_sweep(qa, gap, changed)
    np.testing.assert_equal(change_threshold_sweep(qa, qb, changed),
                            change_threshold_sweep(dequantize(qa), dequantize(qb), changed))


def test_change_scores_of_fill_rows_are_nan():
    "A row of one value in every band (64 x -9999, an export's fill) is no vector: NaN, not the cosine of two fills."
    a, b = random_unit((2, 10), seed=2)
    a[4], b[4] = -9999.0, -9999.0
    s = change_scores(a, b)
    assert np.isnan(s[4]) and np.isfinite(np.delete(s, 4)).all()


def test_linear_probe_predicts_int8_codes_as_it_fit_them():
    """`linear_probe_fit` (and `least_squares_fit`) dequantise 64-wide int8 codes (check_xy, case A4's gate), but
    `linear_probe_predict` / `least_squares_predict` took the same codes as raw numbers: W fit on vectors of length 1
    met rows of length ~700, and the scores were those of other features. Right: predictions on codes equal those on
    their dequantised vectors, as `classify` gives on an int8 map; float baselines unchanged."""
    from alphaearth_nb.evaluate import least_squares_fit, least_squares_predict, linear_probe_fit, linear_probe_predict
    cent = random_unit((3,), seed=1)
    rng = np.random.default_rng(1)
    y = np.arange(90) % 3
    v = cent[y] + 0.3 * rng.normal(size=(90, 64)); v /= np.linalg.norm(v, axis=1, keepdims=True)
    q = np.asarray(quantize(v))
    W = linear_probe_fit(q[:60], y[:60], 3)
    np.testing.assert_allclose(W, linear_probe_fit(dequantize(q[:60]), y[:60], 3), atol=1e-5)   # fit: decoded already
    want = linear_probe_predict(W, dequantize(q[60:]))
    for codes in (q[60:], q[60:].astype(np.int16), q[60:].astype(np.float32)):
        np.testing.assert_allclose(linear_probe_predict(W, codes), want, atol=1e-5)
    Wr = least_squares_fit(q[:60], y[:60].astype(np.float32))
    np.testing.assert_allclose(least_squares_predict(Wr, q[60:]), least_squares_predict(Wr, dequantize(q[60:])), atol=1e-5)
    base = rng.normal(50, 10, (30, 64)).astype(np.float32)      # a baseline: as given
    np.testing.assert_allclose(least_squares_predict(Wr, base), base @ Wr[:-1] + Wr[-1], rtol=1e-5)
