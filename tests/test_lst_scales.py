"""Land surface temperature, the whole real range (-40..70 degC: the hottest ground measured is 70.7 degC, the Lut
desert, MODIS 2005), in each scale a product stores it, is either read right (kelvin passes) or refused naming its
scale with a fix that gives the kelvin back (units.UNIT_SLIPS['K'], SCALED_C): kelvin x 10, kelvin x 100, degrees
Celsius, tenths and hundredths of a degree Celsius, MODIS LST digital numbers (MOD11/MYD11: K / 0.02), for
Landsat's B10 and for a source of the user's in K (a MODIS LST band). Where two scales read the same, the message
names both. Was: hundredths of a degree outside 17.5..34.5 degC (medians under 1750 or above 3450) passed, then were
masked as no data; tenths passed or were told Celsius ('+ 273.15'); hot ground in degC (a median of 40..70) was told
Fahrenheit alone; MODIS numbers in Landsat's B10 got only Landsat's fixes. The one overlap left, documented: tenths of
a warm place (a median of 175..345: 17.5..34.5 degC) read as kelvin."""
import re
import warnings

import numpy as np
import pytest

from alphaearth_nb.core import UnitsError
from alphaearth_nb.sources import Source
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.testing import with_source
from alphaearth_nb.units import check_units

MODIS = Source("modis_lst", ("LST_Day_1km",), valid_range=(150, 350), mean=(290.0,), std=(15.0,), resolution_m=1000,
               family="modis", units="K", transform="none")
SCALES = {"K x 10": lambda c: np.round((c + 273.15) * 10), "K x 100": lambda c: np.round((c + 273.15) * 100),
          "degC": lambda c: c, "tenths of degC": lambda c: np.round(c * 10),
          "hundredths of degC": lambda c: np.round(c * 100), "MODIS DN": lambda c: np.round((c + 273.15) / 0.02)}
RNG = np.random.default_rng(11)


def _scene(median, spread):
    "3000 values of ground temperature (degC) around `median`, inside -40..70."
    return np.clip(median + RNG.normal(0, spread, 3000), -40, 70)


def _gives_kelvin(err, v, kelvin) -> bool:
    "Whether some fix the message names, run on `v` as `ds[bands]`, gives `kelvin` (to the stored precision)."
    for f in re.findall(r"`([^`]*ds\[bands\][^`]*)`", str(err)):
        try: out = eval(f.replace("ds[bands]", "v"), {"v": v, "np": np})
        except Exception: continue
        if np.allclose(out, kelvin, atol=0.06): return True   # stored to 0.1 K at worst
    return False


@pytest.mark.parametrize("source,band", [("landsat_toa", "B10"), (MODIS, "LST_Day_1km")])
@pytest.mark.parametrize("spread", [2.0, 12.0])   # one scene's ground; a year's
def test_every_scale_of_real_lst_is_read_right_or_refused_with_a_fix_that_works(source, band, spread):
    wrong = []
    for median in range(-40, 71, 5):
        c = _scene(median, spread)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            check_units(source, band, c + 273.15)   # kelvin: no word
        for scale, to in SCALES.items():
            v = to(c)
            if scale == "tenths of degC" and 175 <= np.median(v) <= 345: continue   # kelvin's own numbers: passes
            try: check_units(source, band, v)
            except UnitsError as e:
                if not _gives_kelvin(e, v, c + 273.15): wrong.append((median, scale, str(e)[:160]))
            else: wrong.append((median, scale, "passed"))
    assert not wrong, wrong


@pytest.mark.parametrize("median", [-30, -5, 10, 45, 65])   # outside 17.5..34.5 degC: passed before
def test_hundredths_of_a_degree_are_named_first(median):
    c = _scene(median, 6.0)
    with pytest.raises(UnitsError, match=r"landsat_toa\.B10 should be in K .*look like hundredths of a degree Celsius"
                                         r".*: convert to kelvin: `ds\[bands\] / 100 \+ 273\.15`"):
        check_units("landsat_toa", "B10", np.round(c * 100))


def test_hot_ground_in_celsius_names_celsius_first():
    c = _scene(55, 6.0)   # a desert's ground at noon, 43..70 degC
    with pytest.raises(UnitsError, match=r"degrees Celsius of hot ground .*Fahrenheit.*: add 273\.15: "
                                         r"`ds\[bands\] \+ 273\.15`"):
        check_units("landsat_toa", "B10", c)
    with pytest.raises(UnitsError, match=r"degrees Fahrenheit \(a median of 40 or more is no monthly mean in Celsius"):
        check_units("era5", "temperature_2m", c)   # air keeps its rule: no monthly mean of air reaches 40 degC


def test_a_year_in_hundredths_is_refused_as_a_whole_not_frame_by_frame(crop):
    "ERA5's 2.2..18.4 degC as hundredths: its winter frames read as kelvin, its summer ones as kelvin x 10."
    e = crop["era5"].to_dataset()
    h = e.assign(temperature_2m=np.round((e.temperature_2m - 273.15) * 100))
    with pytest.raises(UnitsError, match=r"era5\.temperature_2m should be in K .*hundredths of a degree Celsius.*"
                                         r"`ds\[bands\] / 100 \+ 273\.15`") as err:
        validate_stack(with_source(crop, "era5", h))
    assert "frames judged" not in str(err.value)
    validate_stack(with_source(crop, "era5", h.assign(temperature_2m=h.temperature_2m / 100 + 273.15)))
