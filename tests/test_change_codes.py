"Kind A for change detection at points: vectors handed to change_scores / change_threshold_sweep go through the gate."
import numpy as np
import pytest

from alphaearth_nb.core import LabelError
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
    with pytest.warns(UserWarning, match="read unsigned"):
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
