"""A query vector of integers that are a unit vector scaled by a power of ten (`(v * 100).astype('int16')`, an export of
integers x100, x10) is refused naming the scale and the division, as the map's gate says it of such a map
(`gate.power_scale`): they are no int8 codes (the product's codes have lengths 127..361). Was: decoded as codes
(length 0.13), rescaled with the warning for means, and scored: self-similarity 0.91, every score another direction's.
The product's int8 codes as a query still read as their vector."""
import numpy as np
import pytest

from alphaearth_nb.core import NoValidDataError
from alphaearth_nb.testing import embedding_from_array, random_unit

EMB = embedding_from_array(random_unit((5, 6), 2))


@pytest.mark.parametrize("scale, dtype", [(100, np.int16), (10, np.int8)])
def test_scaled_integer_queries_are_refused(scale, dtype):
    v = (EMB.values[2, 3] * scale).round().astype(dtype)
    with pytest.raises(NoValidDataError, match=rf"lengths are about {scale}\b.*divide first, `v = v / {scale}`"):
        EMB.aef.similarity(v)
    np.testing.assert_allclose(float(EMB.aef.similarity(v / scale)[2, 3]), 1.0, atol=0.05)   # divided: itself, as
    # far as rounding to 1/scale keeps it
    q = EMB.aef.quantize().values[2, 3]   # the product's codes: still a query
    np.testing.assert_allclose(float(EMB.aef.similarity(q)[2, 3]), 1.0, atol=1e-3)
