"""A band's declared unit (attrs['units']) in its common spellings is read (CF's 'degree_C', 'degrees C', 'Kelvin',
'metre', 'meters', 'percent', 'pct'; 'dB', 'decibels' for backscatter; 'DN' for reflectance x 1e4, the value checks
judging its scale and offset), and a unit that is not read is no longer passed over without a word: a
`UnitsWarning` naming it, the bands declaring it (once for all of them) and the fix, where it is unknown
('furlongs a fortnight', 'W m-2') or of another quantity than the band's ('m' on a temperature). Placeholders ('',
'none', 'n/a', '-') declare nothing. Was: every unit `read_unit` did not know, and every known unit of another
quantity, passed silently; 'degree_C' (CF's canonical spelling) among them, so degrees Celsius went unrefused.
Factor: 273.15 K at 0 degC (SI)."""
import re
import warnings

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import UnitsError, UnitsWarning
from alphaearth_nb.declared_units import check_declared_units, registry_units


def _ds(band, units, values=(1.0, 2.0)):
    return xr.Dataset({band: ("x", list(values), {"units": units})})


@pytest.mark.parametrize("source, band, units", [
    ("era5", "temperature_2m", "Kelvin"), ("era5", "temperature_2m", "kelvins"), ("dem", "elevation", "metre"),
    ("dem", "elevation", "Meters"), ("sentinel1", "VV", "dB"), ("sentinel1", "VH", "decibels"),
    ("sentinel1", "VV", "dB (sigma0)"), ("sentinel2", "B4", "DN"), ("sentinel2", "B4", "reflectance x 10000"),
    ("landcover", "class", "class index"), ("ndvi", "NDVI", "unitless"),
    ("dem", "elevation", ""), ("dem", "elevation", "none"), ("dem", "elevation", "n/a"), ("dem", "elevation", "-"),
])
def test_common_spellings_of_the_registry_unit_pass_without_a_word(source, band, units):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_declared_units(source, _ds(band, units))


@pytest.mark.parametrize("units", ["degree_C", "degrees C", "deg C", "degree Celsius"])
def test_celsius_in_cf_spellings_is_refused_with_its_conversion(units):
    ds = _ds("temperature_2m", units, (15.0, -5.0))
    with pytest.raises(UnitsError, match=re.escape(f"declares its units as {units!r}")):
        check_declared_units("era5", ds)
    np.testing.assert_allclose(registry_units(ds, "era5").temperature_2m.values, [288.15, 268.15])


@pytest.mark.parametrize("units", ["percent", "pct", "%"])
def test_ndvi_in_percent_is_refused(units):
    with pytest.raises(UnitsError, match="/ 100"):
        check_declared_units("ndvi", _ds("NDVI", units, (50.0, 20.0)))


def test_an_unknown_unit_is_warned_once_naming_the_bands_and_the_fix():
    ds = xr.Dataset({b: ("x", [500.0, 900.0], {"units": "furlongs a fortnight"}) for b in ("B2", "B3", "B4")})
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        check_declared_units("sentinel2", ds)
    said = [w for w in said if issubclass(w.category, UnitsWarning)]
    assert len(said) == 1, [str(w.message) for w in said]
    msg = str(said[0].message)
    assert "'furlongs a fortnight'" in msg and "B2, B3, B4" in msg and "not know" in msg, msg
    fix = re.search(r"`(for b in .+?)`", msg)[1]   # the fix, run: the registry's unit declared, then no word
    fixed = ds.copy()
    exec(fix, {"ds": fixed})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_declared_units("sentinel2", fixed)


@pytest.mark.parametrize("source, band, units, quantity", [
    ("era5", "temperature_2m", "m", "length"), ("dem", "elevation", "dB", "decibels"),
    ("landsat_toa", "B10", "DN", "digital numbers"), ("era5", "total_precipitation", "W m-2", None),
])
def test_a_unit_of_another_quantity_or_unknown_is_warned(source, band, units, quantity):
    with pytest.warns(UnitsWarning, match=re.escape(f"{source}.{band} declares its units as {units!r}")) as w:
        check_declared_units(source, _ds(band, units))
    msg = next(str(x.message) for x in w if issubclass(x.category, UnitsWarning))
    assert (quantity or "not know") in msg, msg
    assert f"ds['{band}'].attrs['units'] = " in msg, msg
