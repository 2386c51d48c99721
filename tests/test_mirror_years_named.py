"""A year the mirror lacks: `official.sample_points(points, 2019, source=mirror)` warned 'none of the points lies on
an official tile in 2019 ... check ... the years, and the mirror', and `official.open`/`tiles` of that year alone
'check the bbox ... and the years', neither naming the years the mirror's tiles cover there. Both now name them
(`mirrors.years_covering`), as `official.open` names them for a year missing beside years with tiles."""
import re

import numpy as np
import pytest

pytest.importorskip("rioxarray")
pytest.importorskip("geopandas")
from alphaearth_nb import official as off
from alphaearth_nb.core import NoDataWarning, NoTilesError
from alphaearth_nb import mirrors

PTS = ([5.999, 6.001], [45.0, 45.0])   # one point each side of the zone boundary (31N, 32N)


@pytest.fixture(scope="module")
def mirror(small_mirror):
    return small_mirror((2023, 2024)).root


def test_the_years_covering_the_points_are_named(mirror):
    assert mirrors.years_covering((5.99, 44.99, 6.01, 45.01), source=mirror) == [2023, 2024]
    with pytest.warns(NoDataWarning, match=re.escape("the mirror has no tile there in [2019]; its tiles there cover "
                                                     "[2023, 2024]: pass those years (years=[2023, 2024])")):
        out = off.sample_points(PTS, 2019, source=mirror)
    assert not out.inside.any() and np.isnan(out[off.band_names()].to_numpy()).all()


def test_a_missing_year_beside_one_with_tiles_names_only_the_missing(mirror):
    with pytest.warns(NoDataWarning, match=re.escape("no tile there in [2019]; its tiles there cover [2023, 2024]")):
        out = off.sample_points(PTS, [2019, 2024], source=mirror)
    assert out[out.year == 2024].inside.all()


def test_tiles_of_a_missing_year_name_the_years_there(mirror):
    with pytest.raises(NoTilesError, match=re.escape("the mirror's tiles there cover [2023, 2024]: pass one of those "
                                                     "years (years=2024)")):
        off.open((5.99, 44.99, 6.01, 45.01), 2019, source=mirror)


def test_points_far_from_every_tile_keep_the_generic_checks(mirror):
    with pytest.warns(NoDataWarning, match="check the points' lon/lat order") as got:
        off.sample_points(([100.0], [-30.0]), 2024, source=mirror)
    assert not any("cover [" in str(w.message) for w in got)
