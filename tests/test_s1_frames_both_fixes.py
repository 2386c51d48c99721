"""Frames of a Sentinel-1 stack in linear values on the other side of a single-band test (a city's VH power at 0.10,
over units.CROSS_AMPLITUDE; open water's amplitude under it) name the other reading's fix as code too, so the frames'
message (units.check_frame_units, which gives one slip's fix without check_units' median read both ways) holds a fix
that gives their decibels back: `10 * np.log10(ds[bands])` beside amplitude's `20 * np.log10(ds[bands])`, and the
other way round. Was: '(`10 * np.log10` only if the product says they are power ...)', no code to run. Real values:
the 20 San Francisco Bay points whose VV is above -6 dB (2024 medians, ../shared/data/aef_samples), the Amazon's water."""
import re

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import UnitsError
from alphaearth_nb.units import check_frame_units

TIMES = np.array(["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01"], "datetime64[ns]")


def _frames(vv, vh, k):
    "(time, m) VV and VH: the first two frames in dB, the last two linear (k = 10: power, 20: amplitude), jittered."
    rng = np.random.default_rng(5)
    out = []
    for db in (vv, vh):
        f = np.stack([db + rng.normal(0, 0.3, db.size) for _ in TIMES])
        f[2:] = 10 ** (f[2:] / k)
        out.append(f)
    return out


@pytest.mark.parametrize("region,rows,k", [("sf_bay_urban", "S1_VV > -6", 10),          # city in power
                                           ("amazon_forest", "dw_label == 0", 20)])     # water in amplitude
def test_frames_on_the_other_side_name_the_fix_that_works(shared_data, region, rows, k):
    d = pd.read_csv(shared_data / "aef_samples" / f"alphaearth_s1_dw_samples_{region}_2024.csv").query(rows)
    assert len(d) >= 16
    vv, vh = _frames(d.S1_VV.values, d.S1_VH.values, k)
    with pytest.raises(UnitsError, match=r"2 of the 4 frames judged") as e:
        check_frame_units("sentinel1", ("VV", "VH"), (vv, vh), TIMES)
    fixes = re.findall(r"`([^`]*ds\[bands\][^`]*)`", str(e.value))
    db = [k * np.log10(f[2:]) for f in (vv, vh)]
    works = [f for f in fixes if all(np.allclose(eval(f.replace("ds[bands]", "v"), {"np": np, "v": v[2:]}), d)
                                     for v, d in zip((vv, vh), db))]
    assert works, str(e.value)
