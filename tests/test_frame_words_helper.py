"""`alphaearth_nb.testing.frame_words`: the one builder of `check_frame_units`' frames from pixel arrays in the tests
(was `_frame_words` copied in test_cloud_offset_table, test_overcast_not_offset, test_l1c_offset_untold and, as
`_among`'s body, test_l2a_soil_not_offset; review44 tidy). Frames of (m, bands) pixels, NaN-padded to one length,
dated 2021-01-15, -02-15, ...; its words are check_frame_units' UnitsWarnings (a UnitsError's last), as by hand."""
import numpy as np

from alphaearth_nb.core import UnitsError, UnitsWarning
from alphaearth_nb.testing import frame_words, said
from alphaearth_nb.units import check_frame_units

S2 = ("B2", "B3", "B4", "B8", "B11", "B12")
RANGES = [(200, 600), (400, 900), (200, 700), (2500, 4000), (1500, 2500), (800, 1600)]   # vegetation x 1e4


def _veg(n, seed=0):
    r = np.random.default_rng(seed)
    return np.column_stack([r.uniform(a, b, n) for a, b in RANGES])


def test_the_offset_frame_is_named_by_its_date():
    veg = _veg(400)
    assert frame_words("sentinel2", S2, veg, veg[:300], veg) == []
    w = frame_words("sentinel2", S2, veg, veg, veg, veg[:300] + 1000)   # the 4th of 4, shorter: NaN-padded
    assert len(w) == 1 and "1 of the 4 frames judged (2021-04-15)" in w[0] and "`ds[bands] - 1000`" in w[0], w


def test_the_same_words_as_check_frame_units_by_hand():
    a, b = _veg(50, 1), _veg(30, 2) + 1000
    cube = np.full((3, 50, 6), np.nan)
    cube[0], cube[1, :30], cube[2] = a, b, a
    times = np.array(["2021-01-15", "2021-02-15", "2021-03-15"], "datetime64[ns]")
    by_hand = said(check_frame_units, "sentinel2", S2, tuple(np.moveaxis(cube, -1, 0)), times,
                   category=UnitsWarning, refused=UnitsError)
    assert frame_words("sentinel2", S2, a, b, a) == by_hand

