"ERA5's 2 m temperature in degrees Fahrenheit is refused naming Fahrenheit and the conversion to kelvin (units.UNIT_SLIPS['K'], field case F). Was: a hot place's passed with its band no data; a temperate one was told to add 273.15 (Celsius)."
import re

import numpy as np
import pytest

from alphaearth_nb.core import UnitsError
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.testing import with_source

TO_K = "(ds[bands] - 32) * 5 / 9 + 273.15"


@pytest.fixture(scope="module")
def stack():
    from alphaearth_nb.scene import load_scene
    return load_scene()[0]


@pytest.mark.parametrize("warmer", [0.0, 20.0])   # the sample scene (median 282 K: 49 F), and 20 K warmer (85 F)
def test_fahrenheit_is_named_and_its_fix_works(stack, warmer):
    era = stack["era5"].to_dataset()
    k = era.temperature_2m + warmer
    f = era.assign(temperature_2m=(k - 273.15) * 9 / 5 + 32)
    with pytest.raises(UnitsError, match=r"Fahrenheit.*" + re.escape(TO_K)):
        validate_stack(with_source(stack, "era5", f))
    fixed = f.assign(temperature_2m=eval(TO_K, dict(ds=f, bands=["temperature_2m"]))["temperature_2m"])
    np.testing.assert_allclose(fixed.temperature_2m, k, atol=1e-3)
    validate_stack(with_source(stack, "era5", fixed))


def test_celsius_still_told_to_add_273(stack):
    era = stack["era5"].to_dataset()
    with pytest.raises(UnitsError, match=r"Celsius.*\+ 273\.15"):
        validate_stack(with_source(stack, "era5", era.assign(temperature_2m=era.temperature_2m - 273.15)))
