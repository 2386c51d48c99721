"""Real kelvin with an undeclared fill (-999, not among unit_samples.COMMON_FILLS) in 5% of the values passes
units.check_units for Landsat's B10 and a user's K source, as on the base before a030b1d: its 1st percentile alone is
off, its median and 99th percentile are kelvin (units._scaled_c: not where the median is kelvin's). Was (a030b1d):
refused as 'hundredths of a degree Celsius' (-999 / 100 = -10 degC, 300 K / 100 = 3 degC, every value inside). Real
values: Presto's ERA5 2 m temperature (259.7..301.9 K) and the WorldCereal patch's AgERA5 TMEAN (275.5..291.5 K).
Hundredths of a degree Celsius are still refused."""
import warnings

import numpy as np
import pytest
import xarray as xr

from alphaearth_nb.core import UnitsError
from alphaearth_nb.sources import Source
from alphaearth_nb.units import check_units

MODIS = Source("modis_lst", ("LST_Day_1km",), valid_range=(150, 350), mean=(290.0,), std=(15.0,), resolution_m=1000,
               family="modis", units="K", transform="none")


def _kelvin(shared_data) -> dict:
    presto = np.load(shared_data / "presto_algae_blooms" / "s1_s2_era5_srtm.npy")[..., 13].ravel()
    with xr.open_dataset(shared_data / "worldcereal_patch" / "worldcereal_preprocessed_inputs.nc") as ds:
        t = ds["AGERA5-TMEAN"].values.astype(np.float64).ravel()
    return {"presto era5": presto, "worldcereal agera5": t[t != 65535] / 100}


@pytest.mark.parametrize("source,band", [("landsat_toa", "B10"), (MODIS, "LST_Day_1km")])
def test_real_kelvin_with_an_undeclared_fill_passes(shared_data, source, band):
    for name, k in _kelvin(shared_data).items():
        v = np.r_[k, np.full(k.size // 20, -999.0)]
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            check_units(source, band, v)
        with pytest.raises(UnitsError, match=r"hundredths of a degree Celsius"):   # its hundredths of a degree C
            check_units(source, band, np.round((k - 273.15) * 100))
