"""Sentinel-2's +1000 (processing baseline 04.00) at the top of the atmosphere (`sentinel2_l1c`) is never given as a
fix the values cannot back (`reflectance_scales.toa`, `RAYLEIGH_BLUE`, `TOA_UNTOLD`): air lights blue from above
(Rayleigh scattering, 0.056 or more at 490 nm for any sun), so an offset reading that leaves B2's darkest 1% under
0.05 is no offset: silent; above it haze lifts every band's darkest pixels as the offset does (eo-learn's hazy L1C
reference), so such a frame is said once to be untold, naming the metadata that tells, with no 'Fix those frames
only'. Real frames from ../shared/data: eo-learn's five L1C references (README: top-of-atmosphere reflectance, no
offset) and their 36 crops of 16 x 16 pixels each, judged among references 2 and 3. Was (4be4c838): reference 1's
crops (cloud-free) warned '... raw digital numbers of processing baseline 04.00 ... subtract it: `ds[bands] - 1000`'
8 of 36, the hazy reference 0's 5 of 36, a wrong fix each. Surface reflectance (L2A) is judged as before."""
import os
from pathlib import Path

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import UnitsError, UnitsWarning
from alphaearth_nb.reflectance_scales import RAYLEIGH_BLUE, TOA_UNTOLD, toa
from alphaearth_nb.sources import get_source
from alphaearth_nb.testing import frame_words, said
from alphaearth_nb.units import check_units

DATA = Path(os.environ.get("AEF_SHARED_DATA", Path(__file__).parents[1].parent / "shared" / "data"))
S2 = ("B2", "B3", "B4", "B8", "B11", "B12")
L1C = S2[:5]   # sentinel2_l1c
pytestmark = pytest.mark.skipif(not (DATA / "eolearn_patch").exists(), reason=f"no real data at {DATA}")
UNTOLD = "which no value can tell from raw digital numbers of processing baseline 04.00"


@pytest.fixture(scope="module")
def ref():
    return np.load(DATA / "eolearn_patch" / "REFERENCE_SCENES.npy")[..., [1, 2, 3, 7, 11]] * 1e4   # B2 B3 B4 B8 B11


def _said(fn, *args): return said(fn, *args, category=UnitsWarning, refused=UnitsError)


def _crops(frame):   # eo-learn's 101 x 100 reference as its 36 crops of 16 x 16 pixels, each (256, bands)
    return [frame[16 * i:16 * i + 16, 16 * j:16 * j + 16].reshape(-1, frame.shape[-1]) for i in range(6) for j in range(6)]


def _among(ref, frame):   # check_frame_units' words for a frame between references 2 and 3 (no offset)
    return frame_words("sentinel2_l1c", L1C, ref[2].reshape(-1, 5), frame, ref[3].reshape(-1, 5))


def test_which_sources_are_top_of_atmosphere():
    assert toa(get_source("sentinel2_l1c")) and not toa(get_source("sentinel2"))
    assert not toa(get_source("landsat_toa"))   # Landsat's offsets are Collection 2 Level-2's: not judged so


@pytest.mark.parametrize("r, silent, untold", [(1, 34, 2), (0, 32, 4)])
def test_crops_without_the_offset_get_no_fix(ref, r, silent, untold):
    said = [_among(ref, c) for c in _crops(ref[r])]
    fixes = [s for s in said if any("Fix those frames only" in m or "look like raw digital numbers" in m for m in s)]
    assert fixes == []   # was: 8 of 36 (reference 1), 5 of 36 (reference 0)
    assert sum(s == [] for s in said) == silent, [s for s in said if s][:1]
    told = [s for s in said if s]
    assert len(told) == untold and all(len(s) == 1 and UNTOLD in s[0] and "PROCESSING_BASELINE" in s[0] for s in told)


def test_under_airs_own_blue_no_offset_is_read(ref):
    # the crops whose B2 darkest 1% lies under 1000 + RAYLEIGH_BLUE: + 1000 taken off, B2 under Rayleigh's own 0.056
    # (0.035..0.043; real top-of-atmosphere blue's darkest 1% 0.068 or more: reference 4 + 1000 is untold, below)
    low = [c for c in _crops(ref[1]) if 1000 <= np.percentile(c[:, 0], 1) < 1000 + RAYLEIGH_BLUE
           and np.percentile(c, 1, axis=0).min() >= 1000]
    assert len(low) == 6
    assert all(_among(ref, c) == [] and _said(check_units, "sentinel2_l1c", L1C, tuple(c.T)) == [] for c in low)


def test_the_offset_at_the_top_of_the_atmosphere_is_said_once_untold(ref):
    said = _among(ref, ref[4].reshape(-1, 5) + 1000)   # a clear reference + 1000: its red's darkest 1% 0.031 over it
    assert len(said) == 1 and "1 of the 3 frames judged (2021-02-15)" in said[0] and TOA_UNTOLD in said[0], said
    assert "Fix those frames only" not in said[0] and "`ds[bands] - 1000`" in said[0]   # the fix, if metadata says so
    every = [ref[i].reshape(-1, 5) + 1000 for i in (2, 3, 4)]   # the whole stack: check_units says it, once
    assert frame_words("sentinel2_l1c", L1C, *every) == []
    pooled = _said(check_units, "sentinel2_l1c", L1C, tuple(np.concatenate(every).T))
    assert len(pooled) == 1 and UNTOLD in pooled[0], pooled


def test_surface_reflectance_is_judged_as_before():
    ds = xr.open_dataset(DATA / "worldcereal_patch" / "worldcereal_preprocessed_inputs.nc")
    px = lambda t: np.stack([ds[f"S2-L2A-{b}"].isel(t=t).values.ravel() for b in
                             ("B02", "B03", "B04", "B08", "B11", "B12")], -1).astype(float)
    said = frame_words("sentinel2", S2, px(0), px(3) + 1000, px(4))
    assert len(said) == 1 and "subtract it: `ds[bands] - 1000`" in said[0] and "Fix those frames only" in said[0]
    assert UNTOLD not in said[0]
