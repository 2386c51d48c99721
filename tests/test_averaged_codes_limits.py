"""What gate._averaged_codes cannot tell apart, pinned as its docstring says (a docs change: this passes on main, and
fails when a better rule reads these as what they are). The rule reads a float pixel as averages of int8 codes when its
values are not whole, lie within [-128, 127], have both signs and magnitude 1.5 or more, and their nearest codes decode
to a mean's length (0.2..1): a unit vector times 150 (a linear int8 scaling kept as floats) and band values of both
signs within +-40 pass all of it; a unit vector times 100 (and 3, 8, 30: a9f48af) and values within +-20 do not."""
import warnings

import numpy as np
import pytest

from alphaearth_nb import gate
from alphaearth_nb.embeddings import gate_query, gate_vectors

U = np.random.default_rng(0).normal(size=(200, 64))
U /= np.linalg.norm(U, axis=1, keepdims=True)
BANDS = np.random.default_rng(1).uniform(-1, 1, (200, 64))


@pytest.mark.parametrize("rows, read", [(U * 150, True), (BANDS * 40, True), (U * 100, False), (BANDS * 20, False)],
                         ids=["unit_x150", "bands_40", "unit_x100", "bands_20"])
def test_which_float_rows_are_read_as_averaged_codes(rows, read):
    avg = gate._averaged_codes(rows.astype(np.float32))
    assert avg.all() if read else not avg.any(), avg.mean()


def test_such_a_query_is_warned_as_averaged_codes_not_rescaled_as_a_float():
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        gate_query((U[0] * 150).astype(np.float32))
    said = " | ".join(str(x.message) for x in w)
    assert "averages of int8 codes" in said and "scores mean nothing" not in said, said


def test_the_docstrings_say_so():
    assert "cannot tell apart" in gate._averaged_codes.__doc__ and "test_averaged_codes_limits" in gate._averaged_codes.__doc__
    assert "_averaged_codes" in gate_query.__doc__ and "mean's length" in gate_vectors.__doc__
