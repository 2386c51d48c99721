"""declared_units.unit_conversion turns a temperature declared in any of K, degC, degF into a registry unit of any of
them (a source a user registers may read degC or degF), as Python text that runs (session 34's review). Was: degF to
degC gave the kelvin expression `(v - 32) * 5 / 9 + 273.15`, K to degF `v + -255.372` and degC to degF `v + 17.7778`
(the offset alone, no 9/5 scale). Hand-worked: 15 degC = 288.15 K = 59 degF (59 - 32 = 27, 27 * 5 / 9 = 15)."""
import numpy as np
import pytest

from alphaearth_nb.declared_units import unit_conversion

VALUE = {"K": 288.15, "degC": 15.0, "degF": 59.0}   # one temperature in each unit


@pytest.mark.parametrize("found", list(VALUE))
@pytest.mark.parametrize("reg", list(VALUE))
def test_every_temperature_pair_converts(found, reg):
    expr, ambiguous = unit_conversion(found, reg, "v")
    assert not ambiguous
    if found == reg: assert expr == ""; return
    assert "+ -" not in expr, expr   # `v - 273.15`, not `v + -273.15`
    np.testing.assert_allclose(eval(expr, {"np": np, "v": np.float64(VALUE[found])}), VALUE[reg], atol=1e-9)
