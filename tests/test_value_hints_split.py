"""What gate says of values that are no embedding as given (unit vectors scaled by a power of ten, int8 codes decoded
by another rule, floats cast to integers: power_scale, scale_hint, decoding_slip, decoding_hint, cast_hint and the
fix for an `aef` command, COMMAND_FILE) lives in `value_hints` (21e, below gate), so gate stays under its cap (it was
at 499 of 500 lines, session 45); gate re-exports each public name, so `from alphaearth_nb.gate import scale_hint`
works as before. cast_hint and COMMAND_FILE were gate's privates (_cast_hint, _COMMAND_FILE): public now that two
modules read them."""
import numpy as np
import pytest

from alphaearth_nb.core import NoValidDataError
from alphaearth_nb.testing import random_unit

NAMES = ["COMMAND_FILE", "decoding_slip", "decoding_hint", "cast_hint", "power_scale", "scale_hint"]


def test_gate_reexports_the_value_hints(reexported):
    "Hand-worked: unit vectors x100 have length 100 (power_scale 100, 'divide first'); the int8 codes of unit vectors " \
    "divided by 127.5 are a linear decoding; unit vectors cast to int32 are 0 and +-1, a cast."
    hints, gate = reexported("value_hints", "gate", NAMES)
    from alphaearth_nb.gate import power_scale, scale_hint   # the old spelling
    u = random_unit((4,), seed=5)
    assert power_scale(u * 100) == 100.0 and "`emb = emb / 100`" in scale_hint(u * 100)
    q = np.asarray(__import__("alphaearth_nb.quantize", fromlist=["q"]).quantize(u))
    assert gate.decoding_slip(q / 127.5) == ("linear", 127.5) and "truncates" in gate.cast_hint(u.astype("int32"))
    assert not hasattr(gate, "_cast_hint") and not hasattr(gate, "_COMMAND_FILE")


def test_the_gate_still_ends_its_refusal_with_the_hint():
    "A query of integers x100 is refused naming the scale, as before the split (gate_query reads value_hints')."
    from alphaearth_nb.gate import gate_query
    v = np.round(random_unit((1,), seed=6) * 100).astype("int32")
    with pytest.raises(NoValidDataError, match=r"`v = v / 100`"):
        gate_query(v)


def test_the_split_modules_keep_under_the_cap(split_module_check):
    split_module_check("value_hints", 150)
    split_module_check("gate", 420)   # 412 in session 48, refuse_no_data moved to `empty_maps` (test_rows_split)
