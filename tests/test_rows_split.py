"""gate's reading of 64 values row by row (the lengths NORM_TOL, MEAN_LENGTH, OVERSHOOT_LENGTH; int8 codes stored as
bytes: byte_codes and the readings the map's gate shares; a linear int8 scaling: linear_codes, linear_rows,
linear_as_codes; a table's fill rows and codes: fill_rows, table_codes) lives in `rows` (21d, below gate), so gate
stays under the layout's module size (it was at 600 of 600 lines, statements joined to fit); gate re-exports each
public name, so `from alphaearth_nb.gate import table_codes` works as before."""

import numpy as np
import pytest

from alphaearth_nb.core import UnitsWarning

NAMES = ["NORM_TOL", "MEAN_LENGTH", "OVERSHOOT_LENGTH", "LINEAR_LENGTH", "sq_norms", "byte_codes", "fill_rows",
         "table_codes", "linear_as_codes", "linear_rows"]


def test_gate_reexports_the_rows(reexported):
    "Hand-worked: the int8 code -127 in band 0 (0 elsewhere: -(127/127.5)^2 = -0.992, a unit vector within NORM_TOL) " \
    "read unsigned is byte 129, and byte_codes reads it back as -127; 64 x -9999 beside unit rows is a fill row."
    rows, gate = reexported("rows", "gate", NAMES)
    from alphaearth_nb.gate import byte_codes, fill_rows   # the old spelling
    codes = np.zeros((1, 64), np.int8)
    codes[0, 0] = -127
    with pytest.warns(UnitsWarning, match="read unsigned"):
        got = byte_codes(codes.view(np.uint8))
    assert codes.view(np.uint8)[0, 0] == 129 and got[0, 0] == -127 and not got[0, 1:].any()
    t = np.vstack([np.eye(64)[:3], np.full((1, 64), -9999.0)])
    assert fill_rows(t).tolist() == [False, False, False, True]


def test_the_split_modules_keep_under_the_cap_unjoined(split_module_check):
    "No statement joined with ';' in either module (session 37's helpers joined them to fit 600 lines)."
    split_module_check("rows", 500)
    split_module_check("gate", 420)   # session 45: 410 lines once `value_hints` split from it (was 499 of 500);
    # session 47: 452 with refuse_no_data (cap 460); session 48: 412 once it moved to `empty_maps` (21f): the cap
    # back to 420, room for a few lines of the gate's own, not for another job
