"""features.nan_percentile (composite_features, quality's seasonal composites) gives np.nanpercentile's values to the
last bit, in its dtypes, NaN where a slice holds no value and no warning, computing all slices at once: numpy's
nanpercentile went slice by slice in Python (apply_along_axis), 10 s of CPU for a 36 x 36 scene's composites."""
import warnings

import numpy as np

from alphaearth_nb import features


def _numpy(x, q, axis):
    "What nan_percentile gave before: np.nanpercentile with all-NaN slices read as zeros, then set NaN."
    none = np.isnan(x).all(axis)
    return np.where(none, np.nan, np.nanpercentile(np.where(np.expand_dims(none, axis), 0.0, x), q, axis=axis))


def _cases():
    rng = np.random.default_rng(0)
    for i in range(400):
        shape = tuple(int(v) for v in rng.integers(1, 7, size=rng.integers(1, 4)))
        x = (rng.normal(size=shape) * 10.0 ** int(rng.integers(-3, 5))).astype([np.float64, np.float32][i % 2])
        if i % 3: x[rng.random(shape) < rng.random()] = np.nan   # gaps, some slices all NaN
        if i % 5 == 0: x = np.round(x)                          # ties
        q = [50, (10, 50, 90), 0, 100, [0, 12.5, 100], 33.3, 99.9, np.float64(50), 90][i % 9]
        yield x, q, int(rng.integers(0, len(shape)))


def test_numpy_values_to_the_bit_without_numpy_nanpercentile(monkeypatch):
    cases = [(x, q, axis, _numpy(x, q, axis)) for x, q, axis in _cases()]
    def per_slice(*a, **k): raise AssertionError("np.nanpercentile called: it goes slice by slice")
    monkeypatch.setattr(np, "nanpercentile", per_slice)
    for x, q, axis, want in cases:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            got = features.nan_percentile(x, q, axis=axis)
        assert np.shape(got) == np.shape(want) and got.dtype == want.dtype, (x.shape, x.dtype, q, axis)
        np.testing.assert_array_equal(got, want, err_msg=str((x.shape, x.dtype, q, axis)))


def test_all_nan_slices_are_nan():
    x = np.array([[1.0, np.nan], [3.0, np.nan], [2.0, np.nan]])
    p = features.nan_percentile(x, [0, 50, 100])
    assert p[:, 0].tolist() == [1.0, 2.0, 3.0] and np.isnan(p[:, 1]).all()
