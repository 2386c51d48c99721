"""CF/UDUNITS spellings of precipitation and flux units with exponent marks or product dots ('mm day^-1',
'kg m^-2 s^-1', 'mm.d-1', 'kg.m-2.s-1', 'mm·d-1') are read as their plain forms ('mm/day', 'kg m-2 s-1'):
declared_units.read_unit. Was: None (a unit the rule does not know), so a band declaring one was refused or warned as
unread. And declared_units' title says what units does: it keeps the values' checks (was: 'units re-exports each
name', which it does not)."""
import pytest

from alphaearth_nb import declared_units, units
from alphaearth_nb.declared_units import read_unit


@pytest.mark.parametrize("form,plain", [("mm day^-1", "mm/day"), ("mm d^-1", "mm/day"), ("mm.d-1", "mm/day"),
                                        ("mm·d-1", "mm/day"), ("kg m^-2 s^-1", "kg m-2 s-1"),
                                        ("kg.m-2.s-1", "kg m-2 s-1"), ("kg m-2 s^-1", "kg m-2 s-1")])
def test_exponent_and_product_forms_read_as_plain(form, plain):
    got = read_unit(form)
    assert got is not None and got == read_unit(plain)


def test_rates_by_hand():
    assert read_unit("mm day^-1") == ("length", 1e-3, 1.0)                 # a millimetre a day
    assert read_unit("kg m^-2 s^-1") == ("length", 1e-3, 1 / 86_400.0)     # 1 kg m-2 of water: 1 mm, a second
    assert read_unit("m w.e.") == ("length", 1.0, None)                     # its dots are no product


def test_title_agrees_with_units():
    claims = "re-exports" in declared_units.__doc__
    assert not claims or all(hasattr(units, n) for n in declared_units.__all__)
