"quality.effective_dims measures the vectors an embedding table holds, whatever form they come in (field case A's gate)."
import warnings

import numpy as np

from alphaearth_nb.quality import effective_dims
from alphaearth_nb.quantize import dequantize, quantize
from alphaearth_nb.testing import random_unit


def _vectors(n=400, seed=0):
    "Unit vectors spread over 5 directions (participation ratio well below 64): a known spectrum to measure."
    rng = np.random.default_rng(seed)
    basis = random_unit((5,), seed)
    v = rng.normal(size=(n, 5)) * np.array([3.0, 2.0, 1.5, 1.0, 0.5]) @ basis + 0.05 * rng.normal(size=(n, 64))
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)


def _hand(v):
    "The participation ratio of the covariance of `v` (rows with data only), by NumPy."
    ev = np.clip(np.linalg.eigvalsh(np.cov(v.T.astype(np.float64))), 0, None)
    return ev.sum() ** 2 / (ev ** 2).sum()


def test_codes_fill_and_zero_rows_are_read_by_the_gate():
    """500 official samples gave 5.64 as floats, 6.66 as their int8 codes (the codes' covariance, not the vectors'),
    1.59 with 50 rows of -128 (a fill taken as a vector) and 6.00 with 50 all-zero rows. Right: codes dequantised,
    fill / zero / constant rows left out, as NaN rows were: the ratio of the vectors with data."""
    x = _vectors()
    q = np.asarray(quantize(x))
    want = _hand(dequantize(q[60:]))
    bad = q.copy(); bad[:20] = -128; bad[20:40] = 0; bad[40:60] = 16
    f = dequantize(q).astype(np.float32); f[:20] = np.nan; f[20:40] = 0; f[40:60] = 0.125   # 64 x 0.125: length 1
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        np.testing.assert_allclose(effective_dims(q), _hand(dequantize(q)), rtol=1e-6)
        for got in (bad, bad.astype(np.float32), f):
            np.testing.assert_allclose(effective_dims(got), want, rtol=1e-5)
        np.testing.assert_allclose(effective_dims(q[60:], bad), want, rtol=1e-5)   # averaged over sets alike


def test_other_widths_stay_as_given():
    "A baseline (not 64 wide) is measured as given: its rows are no embedding vectors to gate."
    b = np.random.default_rng(1).normal(size=(200, 12)) * np.arange(1, 13)
    b[0] = 0.0
    np.testing.assert_allclose(effective_dims(b), _hand(b), rtol=1e-9)


def test_a_map_is_measured_over_its_pixels_and_a_grid_of_values_is_refused():
    """A user measures the map they have: `effective_dims(emb)` of an embedding DataArray (y, x, band) raised numpy's
    IndexError ('boolean index did not match'), and so did its (y, x, 64) values. The map is its pixels (the same
    ratio as its rows); any other array that is not (N, D) is the package's DimensionError naming the reshape."""
    import pytest
    from alphaearth_nb.core import DimensionError
    from alphaearth_nb.testing import embedding_from_array
    x = _vectors(400)
    emb = embedding_from_array(x.reshape(20, 20, 64))
    np.testing.assert_allclose(effective_dims(emb), effective_dims(x), rtol=1e-6)
    with pytest.raises(DimensionError, match=r"reshape\(-1, v.shape\[-1\]\)"):
        effective_dims(x.reshape(20, 20, 64))
