"""Official int8 codes cut to 63 bands were refused as such ("int8 codes ... an embedding has 64 bands") until
10f2932d judged integers by their de-quantised lengths: a row of the product's no data (-128 in every band) decodes to
a length of 7.97, past the 1.02 the codes allow, so any array of such codes holding one no-data row passed as features
of one's own. Rows holding -128 are left out of the judgement, as NaN rows of floats are."""
import numpy as np
import pytest

from alphaearth_nb.bands import near_embedding
from alphaearth_nb.core import DimensionError
from alphaearth_nb.knn import knn_indices
from alphaearth_nb.linear import check_xy
from alphaearth_nb.quantize import NODATA, quantize

RNG = np.random.default_rng(5)
V = RNG.normal(size=(120, 64))
V /= np.linalg.norm(V, axis=1, keepdims=True)
Q = np.asarray(quantize(V.astype(np.float32)))[:, :63]   # the product's codes, one band cut
GAPS = np.r_[Q, np.full((6, 63), NODATA, np.int8)]        # and six pixels of no data among them


def test_codes_less_a_band_with_no_data_rows_are_refused():
    with pytest.raises(DimensionError, match=r"int8 codes \(-128\.\.127\) of the official product"):
        near_embedding(GAPS, "training features")
    with pytest.raises(DimensionError, match=r"an embedding has 64 bands"):
        knn_indices(GAPS[:60], GAPS[60:], 3)
    with pytest.raises(DimensionError, match=r"int8 codes"):
        check_xy(GAPS, np.arange(len(GAPS)) % 3)


def test_integers_of_ones_own_with_minus_128_still_pass():
    "Scores of one's own within a byte, a few at -128: they decode to lengths near 0, not codes, and pass."
    own = RNG.integers(-4, 5, (126, 63)).astype(np.int8)
    own[:3] = NODATA
    near_embedding(own, "training features")
    assert knn_indices(own[:60], own[60:], 3).shape == (66, 3)
