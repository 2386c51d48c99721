"A DEM's elevation in kilometres is told by its slope, as centimetres and millimetres are (units.check_terrain, field case F). Was: passed, silently."
import pytest

from alphaearth_nb.core import UnitsError
from alphaearth_nb.stacks import validate_stack
from alphaearth_nb.testing import with_source


def test_elevation_in_km_is_refused_and_the_fix_works():
    from alphaearth_nb.scene import load_scene
    stack = load_scene()[0]
    dem = stack["dem"].to_dataset()
    km = dem.assign(elevation=dem.elevation / 1000)   # 24..122 m as 0.024..0.122
    with pytest.raises(UnitsError, match=r"dem\.elevation should be in m but looks like kilometres.*\* 1000"):
        validate_stack(with_source(stack, "dem", km))
    validate_stack(with_source(stack, "dem", km.assign(elevation=km.elevation * 1000)))
