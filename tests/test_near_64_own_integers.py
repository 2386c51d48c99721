"""An integer array 63 wide is refused as official int8 codes less a band only where its rows are codes: integers
within -128..127 whose rows de-quantised (`sign(q) (q / 127.5)^2`) have the lengths of 63 of a unit vector's 64
bands. Integer features of one's own 63 wide (counts 0..4, one-hot ids, small signed scores) decode to lengths near 0
and pass through knn_search, the linear fits and evaluate_embeddings (was: every integer array within -128..127
refused as 'int8 codes of the official product')."""
import numpy as np
import pytest

from alphaearth_nb.core import DimensionError
from alphaearth_nb.evaluate import evaluate_embeddings
from alphaearth_nb.knn import knn_indices, knn_search
from alphaearth_nb.linear import check_xy
from alphaearth_nb.quantize import quantize

RNG = np.random.default_rng(3)
Y = np.repeat(np.arange(3), 30)
V = RNG.normal(size=(90, 64))
V /= np.linalg.norm(V, axis=1, keepdims=True)

OWN = {"counts": RNG.integers(0, 5, (90, 63)),
       "one_hot": np.eye(63, dtype=np.int64)[RNG.integers(0, 63, 90)],
       "signed": RNG.integers(-10, 11, (90, 63)).astype(np.int8),
       "flags": RNG.integers(0, 2, (90, 63)).astype(bool)}


@pytest.mark.parametrize("name", list(OWN))
def test_integer_features_of_ones_own_63_wide_pass(name):
    x = OWN[name]
    assert knn_indices(x[:40], x[40:], 3).shape == (50, 3)
    assert knn_search(x[:40], x[40:], k=1)[0].shape == (50, 1)
    check_xy(x, Y)
    assert len(evaluate_embeddings(x, Y, shots=(1,), folds=2, methods=("knn1",))) == 1


def test_the_official_codes_less_a_band_are_still_refused():
    q = np.asarray(quantize(V.astype(np.float32)))
    for x in (q[:, 1:], q[:, :63].astype(np.int16)):   # int8 codes, or the same codes widened
        with pytest.raises(DimensionError, match=r"int8 codes \(-128\.\.127\) of the official product"):
            knn_indices(x[:40], x[40:], 3)
    knn_indices(q[:40], q[40:], 3)   # all 64: codes, read
