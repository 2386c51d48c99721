"""A year passed as the mirror (`source`): `tiles(bbox, 2024, 2023)` names it with a fix that `years_of` takes (the
years in order; s55 r3.md #4, mended since) and `years_covering(bbox, 2024)`, which takes no years, said
(906bfade) MirrorError "source='2024' is unknown": it now says what `tiles` says, that the source looks like a year,
and that years_covering takes none."""
import re

import pytest

from alphaearth_nb.core import ConfigError
from alphaearth_nb.mirrors import tiles, years_covering, years_of

BOX = (4.8, 52.3, 4.9, 52.4)


@pytest.mark.parametrize("years, source, want", [(2024, 2023, [2023, 2024]), ([2022, 2024], 2023, [2022, 2023, 2024])])
def test_tiles_fix_is_taken(years, source, want):
    with pytest.raises(ConfigError, match="looks like a year") as e: tiles(BOX, years, source)
    fixes = re.findall(r"years=(\([^)]*\)|\[[^\]]*\])", str(e.value))
    assert fixes and all(years_of(eval(f)) == want for f in fixes), str(e.value)


@pytest.mark.parametrize("source", [2024, "2024"])
def test_years_covering_says_a_year_is_no_mirror(source):
    with pytest.raises(ConfigError, match="looks like a year: years_covering takes no years"): years_covering(BOX, source)
