"""A query that is int8's no-data code (-128 in all 64 components: a pixel of a quantised map without data) is named
as no data, never as unit vectors scaled by 1000. Its length, 8 x 128 = 1024, sits within 3% of 1000, so
`gate.power_scale` read it as `emb * 1000` and the NoValidDataError of `similarity` ended with the fix 'divide first,
`emb = emb / 1000`', which cannot mend a pixel without data. A fill row (one value in all 64) is no scaled vector;
a map or query of real scaled vectors is still named with its scale."""
import numpy as np
import pytest

from alphaearth_nb.core import NoValidDataError
from alphaearth_nb.gate import gate_query, power_scale, scale_hint
from alphaearth_nb.testing import embedding_from_array, random_unit


def _codes_with_a_gap():
    emb = embedding_from_array(random_unit((4, 5), seed=3))
    q = emb.aef.quantize()
    q.values[1, 2] = -128   # the product's no-data code in every band
    return q


def test_a_nodata_int8_query_is_not_told_to_divide_by_1000():
    q = _codes_with_a_gap()
    with pytest.raises(NoValidDataError) as e:
        q.aef.similarity(q.isel(y=1, x=2))
    msg = str(e.value)
    assert "pass a pixel with data" in msg and "1000" not in msg and "divide" not in msg, msg
    assert q.aef.similarity(q.isel(y=0, x=0)).isel(y=0, x=0) == pytest.approx(1.0, abs=1e-6)  # a pixel with data


@pytest.mark.parametrize("fill", [-128, 125, 1000.0])
def test_rows_of_one_value_are_fills_not_a_scale(fill):
    rows = np.full((3, 64), fill)          # lengths 1024, 1000 and 8000: each within 3% of a power of ten but a fill
    assert power_scale(rows) is None and scale_hint(rows) == ""
    with pytest.raises(NoValidDataError) as e:
        gate_query(rows)
    assert "divide" not in str(e.value), str(e.value)


def test_scaled_vectors_beside_fills_keep_their_scale():
    v = random_unit((6,), seed=5) * 1000          # unit vectors x1000: lengths 1000
    rows = np.concatenate([v, np.full((4, 64), -128.0)])   # more fill rows than vectors
    assert power_scale(rows) == 1000.0
    assert "`emb = emb / 1000`" in scale_hint(rows)
