"""One field's own Sentinel-1 series (17 months of real dB, WorldCereal's Corsica points) is not called half the
decibels: too few values to tell a bright field from a halved scene (units.HALF_DB_VALUES). Was: UnitsWarning 'they
look like half the decibels ... double them' for 2022_FRA_LPIS_POLY_110_6125757 (VV median -6.8 dB, VH -11.6) and
110_342639. The same fields' whole set halved is still warned."""
import warnings

import numpy as np
import pandas as pd
import pytest

from alphaearth_nb.core import UnitsWarning
from alphaearth_nb.units import HALF_DB_VALUES, check_units

BRIGHT = ("2022_FRA_LPIS_POLY_110_6125757", "2022_FRA_LPIS_POLY_110_342639")


@pytest.fixture(scope="module")
def fields(shared_data):
    d = pd.read_parquet(shared_data / "worldcereal_points" / "corsica_2022_monthly.geoparquet")
    for b in ("VV", "VH"):
        dn = d[f"S1-SIGMA0-{b}"].values.astype(np.float64)
        dn[dn == 65535] = np.nan   # the file's no data
        d[b] = 20 * np.log10(dn) - 83   # the README's decoding
    return d


def test_a_bright_fields_own_months_are_not_half_decibels(fields):
    for sid in BRIGHT:
        g = fields[fields.sample_id == sid]
        assert len(g) == 17 and g.VV.median() > -7.2 and g.VH.quantile(.75) > -10   # past HALF_DB_TOPS
        with warnings.catch_warnings():
            warnings.simplefilter("error", UnitsWarning)
            check_units("sentinel1", ("VV", "VH"), (g.VV.values, g.VH.values))


def test_the_fields_together_halved_are_still_warned(fields):
    assert fields.VH.notna().sum() > HALF_DB_VALUES
    with pytest.warns(UnitsWarning, match=r"half the decibels.*`ds\[bands\] \* 2`"):
        check_units("sentinel1", ("VV", "VH"), (fields.VV.values / 2, fields.VH.values / 2))
