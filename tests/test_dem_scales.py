"""A DEM's elevation on another scale, judged without its slope (units.range_slips): each scale named first only where
it is the likely one. The median beyond the valid range (-500..9000 m) is a metric scale: a lowland in centimetres
(median 165 m: 16,500) is centimetres, feet only beside it (was: 'feet, divide by 3.28', since feet were tried first).
A median plausible in metres whose 99th percentile passes Everest (8,848.86 m, the Nepal-China survey of 2020) and is
not a repeated fill is feet first: the Alps in feet. Feet are 0.3048 m exactly (1959; NIST SP 811 B.8; the US survey
foot, 1200/3937 m, is 2 ppm longer, nothing values tell). Every profile is np.linspace(lo, hi, 4001) metres, so its
1st / 50th / 99th percentiles are lo + (0.01, 0.5, 0.99) * (hi - lo), worked by hand below."""
import re
import numpy as np
import pytest
from alphaearth_nb.core import UnitsError
from alphaearth_nb.units import check_units

FOOT = 0.3048            # m, exact
FT = 1 / FOOT            # 3.28084 feet a metre


def _m(lo, hi): return np.linspace(lo, hi, 4001)


def _told(values):
    with pytest.raises(UnitsError) as e: check_units("dem", "elevation", values)
    return str(e.value)


def _fix(msg, values):
    "The message's first fix in backticks, run on `values`."
    return eval(msg.split("`")[1].replace("ds[bands]", "v"), {"np": np, "v": values})


LOWLAND, ALPS, TIBET = (50, 280), (600, 4800), (4000, 5500)


@pytest.mark.parametrize("lo,hi", [LOWLAND, ALPS, TIBET, (-430, 8849)])
def test_metres_pass(lo, hi):
    check_units("dem", "elevation", _m(lo, hi))


def test_lowland_in_feet_passes_its_values_cannot_tell():
    # 164..919 ft: inside -500..9000 m as they are (its slope tells it: check_terrain)
    check_units("dem", "elevation", _m(*LOWLAND) * FT)


def test_lowland_in_centimetres_is_centimetres_not_feet():
    # median 165 m = 16,500 > 9,000: beyond the range; 1st..99th 5,230..27,770 / 100 = 52..278 m inside: centimetres.
    # 27,770 / 3.28084 = 8,464 <= 9,000: feet fit too (a Himalayan range), so they are named after
    v = _m(*LOWLAND) * 100
    msg = _told(v)
    assert re.search(r"look like centimetres \(or millimetres or feet\): far beyond elevation's valid range "
                     r"-500\.\.9000 m, inside it once divided by 100: divide by 100: `ds\[bands\] / 100` \(by 1000 if "
                     r"the product stores millimetres\) \(`ds\[bands\] \* 0\.3048` if it stores feet\)", msg), msg
    np.testing.assert_allclose(_fix(msg, v), _m(*LOWLAND))


def test_lowland_in_millimetres_reads_as_centimetres_first():
    # 52,300..277,700 / 100 = 523..2,777 m inside: centimetres first (a hill country in cm looks the same), mm named;
    # 277,700 / 3.28 = 84,640: feet do not fit, not named
    msg = _told(_m(*LOWLAND) * 1000)
    assert "look like centimetres (or millimetres): far beyond" in msg and "feet" not in msg, msg


def test_alps_in_feet_are_feet():
    # median 2,700 m = 8,858 ft <= 9,000: plausible in metres; 99th 4,758 m = 15,610 ft > 8,848.86 (Everest) and
    # below the largest, 15,748 ft: no fill. 1st..99th / 3.28084 = 642..4,758 m inside
    v = _m(*ALPS) * FT
    msg = _told(v)
    assert re.search(r"look like feet \(or centimetres or millimetres\): .*above 8848\.86 m, Earth's highest ground\)"
                     r".*multiply by 0\.3048: `ds\[bands\] \* 0\.3048` \(divide by 100 if the product stores "
                     r"centimetres\) \(divide by 1000 if the product stores millimetres\)", msg), msg
    np.testing.assert_allclose(_fix(msg, v), _m(*ALPS))


def test_alps_in_centimetres_and_millimetres():
    # cm: 99th 475,800 / 100 = 4,758 inside; / 3.28 = 145,000: no feet. mm: / 100 = 47,580 > 9,000; / 1000 = 4,758
    msg = _told(_m(*ALPS) * 100)
    assert "look like centimetres (or millimetres): far beyond" in msg and "feet" not in msg, msg
    msg = _told(_m(*ALPS) * 1000)
    assert "look like millimetres: far beyond" in msg and "feet" not in msg, msg
    np.testing.assert_allclose(_fix(msg, _m(*ALPS) * 1000), _m(*ALPS))


def test_plateau_in_feet_names_feet_beside_centimetres():
    # median 4,750 m = 15,584 ft > 9,000: beyond the range, so a metric scale first (/ 100: 132..180 m fits); 99th
    # 5,485 m = 17,995 ft / 3.28084 = 5,485 <= 9,000: feet fit too and are named, with their fix
    v = _m(*TIBET) * FT
    msg = _told(v)
    assert "look like centimetres (or millimetres or feet)" in msg and "`ds[bands] * 0.3048` if it stores feet" in msg
    np.testing.assert_allclose(eval("v * 0.3048", {"v": v}), _m(*TIBET))
